/// Where each government stands: its level, the government it belongs to (a city's province) and
/// the ministry's region code. The parent is checked when a record is written rather than by a
/// foreign key, since replacing a province's record removes and writes it again.
extension Migration {
    static let hierarchy = Migration(version: 13, name: "governments' levels and parents") { _ in
        [
            "ALTER TABLE organizations ADD COLUMN level \(ColumnType.text)",
            "ALTER TABLE organizations ADD COLUMN parent_id \(ColumnType.text)",
            "ALTER TABLE organizations ADD COLUMN region_code \(ColumnType.text)",
            "CREATE INDEX organizations_parent ON organizations (parent_id)",
        ]
    }
}
