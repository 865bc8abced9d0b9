import KembarCore
import KembarStore

/// The personal tokens page: one's own tokens, the form that makes one, and, right after making
/// one, its secret (shown this once) with the addresses it opens.
struct TokensView {
    struct Line {
        let name: String
        let purpose: String
        let hint: String
        let created: String
        let lastUsed: String
        let status: String
        let revokeAction: String?
    }

    struct Usage {
        let label: String
        let value: String
    }

    let intro: String
    let tokens: [Line]
    let created: String?
    let usages: [Usage]
    let form: FormPage
    let revokeLabel: String

    init(
        tokens: [PersonalTokenStore.Token], created: (secret: String, token: PersonalTokenStore.Token)?,
        usages: [Usage], form: FormPage, words: Words
    ) {
        intro = words.text("tokens_intro")
        self.tokens = tokens.map { token in
            Line(
                name: token.name, purpose: words.term(token.purpose, "token-purpose"), hint: token.hint + "…",
                created: Self.day(token.createdAt, words),
                lastUsed: token.lastUsedAt.map { Self.day($0, words) } ?? "—",
                status: token.revokedAt.map { words.text("tokens_revoked_on", ["date": Self.day($0, words)]) }
                    ?? words.text("tokens_active"),
                revokeAction: token.revokedAt == nil ? SitePath.revokeToken(token.id) : nil)
        }
        self.created = created?.secret
        self.usages = usages
        self.form = form
        revokeLabel = words.text("tokens_revoke")
    }

    /// A stored timestamp's day, as people read it.
    static func day(_ timestamp: String, _ words: Words) -> String {
        CalendarDay(iso: String(timestamp.prefix(10))).map(words.day) ?? timestamp
    }
}
