import Foundation

/// A repeating group of a form (participants, costs, benefits, results, signatories): rows
/// named `group.N.field`, blank rows ignored, and as many empty rows shown as asked for.
struct RowGroup {
    let name: String
    let fields: [String]

    func key(_ row: Int, _ field: String) -> String {
        "\(name).\(row).\(field)"
    }

    /// Rows in which anything was typed, by their index in the form.
    func filledRows(_ state: FormState) -> [Int] {
        (0..<state.rowCount(name)).filter { row in
            fields.contains { !state[key(row, $0)].trimmingCharacters(in: .whitespaces).isEmpty }
        }
    }

    /// How many rows to draw: those typed, and some empty ones (more when "more rows" was pressed).
    func rowsToShow(_ state: FormState) -> Int {
        let last = filledRows(state).last.map { $0 + 1 } ?? 0
        return last + (state["more"] == name ? 5 : 2)
    }

    /// Writes values into the state, one row per item.
    func fill<T>(_ state: inout FormState, _ items: [T], _ values: (T) -> [String: String]) {
        for (row, item) in items.enumerated() {
            for (field, value) in values(item) { state[key(row, field)] = value }
        }
    }
}
