/// The days a person last opened the portfolio, so that it can say what happened since their
/// previous visit (an obligation missed, a partnership gone quiet).
extension Migration {
    static let accountVisits = Migration(version: 10, name: "account visits") { _ in
        [
            "ALTER TABLE users ADD COLUMN seen_on \(ColumnType.text)",
            "ALTER TABLE users ADD COLUMN seen_before \(ColumnType.text)",
        ]
    }
}
