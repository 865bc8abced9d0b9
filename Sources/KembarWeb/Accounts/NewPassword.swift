import KembarStore

/// The two fields of a password being chosen, and what is wrong with what was typed, said alike
/// on the password page and on a mailed link's page.
enum NewPassword {
    static func fields(_ build: FieldBuilder, _ words: Words) -> [FormPage.Field] {
        [
            build.password(
                "new", "field_new_password", autocomplete: "new-password",
                hint: words.text("password_hint", ["min": words.count(Passwords.minimumLength)])),
            build.password("repeat", "field_repeat_password", autocomplete: "new-password"),
        ]
    }

    static func problems(_ state: FormState, words: Words) -> [String: String] {
        var errors: [String: String] = [:]
        switch Passwords.problem(state["new"]) {
        case .tooShort(let minimum): errors["new"] = words.text("password_too_short", ["min": words.count(minimum)])
        case .tooLong(let maximum): errors["new"] = words.text("password_too_long", ["max": words.count(maximum)])
        case .controlCharacters: errors["new"] = words.text("error_control_characters")
        case nil: break
        }
        if state["repeat"] != state["new"] { errors["repeat"] = words.text("password_mismatch") }
        return errors
    }
}
