/// The world's twin-town directory: public reference data (Wikipedia's lists via
/// Hekman/twincities, CC BY-SA 4.0), kept apart from every government's record. Filled by
/// `kembar directory import`; each town linked to the gazetteer's city where name and country match.
extension Migration {
    static let directory = Migration(version: 14, name: "twin-town directory") { dialect in
        let key = dialect == .postgres ? "\(ColumnType.text) COLLATE \"C\"" : ColumnType.text
        return [
            """
            CREATE TABLE directory_pairs (
                id \(ColumnType.integer) PRIMARY KEY,
                name1 \(ColumnType.text) NOT NULL,
                country_text1 \(ColumnType.text) NOT NULL,
                country1 \(ColumnType.text),
                lat1 \(ColumnType.double),
                lon1 \(ColumnType.double),
                key1 \(key) NOT NULL,
                city1 \(ColumnType.integer),
                name2 \(ColumnType.text) NOT NULL,
                country_text2 \(ColumnType.text) NOT NULL,
                country2 \(ColumnType.text),
                lat2 \(ColumnType.double),
                lon2 \(ColumnType.double),
                key2 \(key) NOT NULL,
                city2 \(ColumnType.integer),
                source \(ColumnType.text) NOT NULL
            )
            """,
            "CREATE INDEX directory_pairs_key1 ON directory_pairs (key1)",
            "CREATE INDEX directory_pairs_key2 ON directory_pairs (key2)",
        ]
    }
}
