import Foundation
import SQLKit

/// Kembar's tables as each database describes them, and the copy of their rows from one
/// database to another: SQLite to PostgreSQL or back, the same schema on both. What each
/// database derives for itself (SQLite's full-text index and its vocabulary, PostgreSQL's
/// generated search vectors) is not copied but made again by the target.
enum TableCopy {
    enum Kind: Sendable {
        case text, integer, double, boolean, bytes
    }

    struct Column: Sendable {
        let name: String
        let kind: Kind
    }

    struct Table: Sendable {
        let name: String
        let columns: [Column]
        /// The columns of its primary key, to read it in a stable order.
        let key: [String]
        /// A column numbered by the database (PostgreSQL's identity), whose counter follows the copy.
        let identity: String?
    }

    /// Tables that are not the record: the schema's own version, and what each database derives.
    static func isCopied(_ name: String) -> Bool {
        name != "schema_migrations" && !name.hasPrefix("sqlite_") && !name.hasPrefix("search_index")
            && name != "search_terms"
    }

    /// The tables of `sql`, in the order they were made (a table before those that refer to it).
    static func tables(_ sql: any SQLDatabase) async throws -> [Table] {
        sql.isSQLite ? try await sqliteTables(sql) : try await postgresTables(sql)
    }

    private static func sqliteTables(_ sql: any SQLDatabase) async throws -> [Table] {
        var tables: [Table] = []
        for row in try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid").all() {
            let name = try row.decode(column: "name", as: String.self)
            guard isCopied(name) else { continue }
            var columns: [Column] = []
            var key: [(Int, String)] = []
            for info in try await sql.raw("SELECT name, type, pk FROM pragma_table_info(\(bind: name))").all() {
                let column = try info.decode(column: "name", as: String.self)
                columns.append(Column(name: column, kind: kind(try info.decode(column: "type", as: String.self))))
                let position = try info.decode(column: "pk", as: Int.self)
                if position > 0 { key.append((position, column)) }
            }
            tables.append(
                Table(name: name, columns: columns, key: key.sorted { $0.0 < $1.0 }.map(\.1), identity: nil))
        }
        return tables
    }

    private static func postgresTables(_ sql: any SQLDatabase) async throws -> [Table] {
        let names = try await sql.raw(
            """
            SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY c.oid
            """
        ).all().map { try $0.decode(column: "name", as: String.self) }
        var tables: [Table] = []
        for name in names where isCopied(name) {
            var columns: [Column] = []
            var identity: String?
            for info in try await sql.raw(
                """
                SELECT column_name, data_type, is_generated, is_identity FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = \(bind: name) ORDER BY ordinal_position
                """
            ).all() {
                let column = try info.decode(column: "column_name", as: String.self)
                guard try info.decode(column: "is_generated", as: String.self) != "ALWAYS" else { continue }
                if try info.decode(column: "is_identity", as: String.self) == "YES" { identity = column }
                columns.append(Column(name: column, kind: kind(try info.decode(column: "data_type", as: String.self))))
            }
            let key = try await sql.raw(
                """
                SELECT a.attname AS name FROM pg_index i
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                WHERE i.indrelid = \(bind: name)::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)
                """
            ).all().map { try $0.decode(column: "name", as: String.self) }
            tables.append(Table(name: name, columns: columns, key: key, identity: identity))
        }
        return tables
    }

    /// The kind of a column from the type its database declares.
    static func kind(_ declared: String) -> Kind {
        let type = declared.uppercased()
        if type.contains("INT") { return .integer }
        if type.contains("DOUBLE") || type.contains("REAL") || type.contains("FLOAT") || type.contains("NUMERIC") {
            return .double
        }
        if type.contains("BOOL") { return .boolean }
        if type.contains("BLOB") || type.contains("BYTEA") { return .bytes }
        return .text
    }

    /// Copies every row of the tables both databases have, for the columns both have, into
    /// `target` (emptied first); returns the rows copied per table.
    static func copy(from source: any SQLDatabase, to target: any SQLDatabase) async throws -> [String: Int] {
        let from = Dictionary(uniqueKeysWithValues: try await tables(source).map { ($0.name, $0) })
        let into = try await tables(target)
        for table in into.reversed() { try await target.delete(from: table.name).run() }
        var counts: [String: Int] = [:]
        for table in into {
            guard let origin = from[table.name] else { continue }
            let names = Set(origin.columns.map(\.name))
            let columns = table.columns.filter { names.contains($0.name) }
            counts[table.name] = try await copyRows(
                of: table.name, columns: columns, key: origin.key, from: source, to: target)
            if let identity = table.identity, !target.isSQLite {
                try await target.raw(
                    """
                    SELECT setval(pg_get_serial_sequence(\(bind: table.name), \(bind: identity)),
                    COALESCE((SELECT MAX(\(ident: identity)) FROM \(ident: table.name)), 0) + 1, false)
                    """
                ).run()
            }
        }
        return counts
    }

    /// Rows read a page at a time in the order of the table's key, each page after the last key
    /// read (so that a large table is not read again from its start for every page); a table
    /// without a key is read by offset in the order of all its columns.
    private static func copyRows(
        of table: String, columns: [Column], key: [String], from source: any SQLDatabase, to target: any SQLDatabase
    ) async throws -> Int {
        guard !columns.isEmpty else { return 0 }
        let keyColumns = key.compactMap { name in columns.first { $0.name == name } }
        let keyed = !keyColumns.isEmpty && keyColumns.count == key.count
        let order = keyed ? keyColumns : columns
        var batch = BatchInsert(table, columns: columns.map(\.name))
        var copied = 0
        var after: [(any Encodable & Sendable)?]?
        let page = 500
        while true {
            var query = SQLQueryString("SELECT ")
            query.appendInterpolation(unsafeRaw: columns.map { "\"\($0.name)\"" }.joined(separator: ", "))
            query.appendInterpolation(unsafeRaw: " FROM \"\(table)\"")
            if keyed, let after {
                query.appendInterpolation(
                    unsafeRaw: " WHERE (" + keyColumns.map { "\"\($0.name)\"" }.joined(separator: ", ") + ") > (")
                query.appendInterpolation(binds: after.map { $0 ?? String?.none })
                query.appendInterpolation(unsafeRaw: ")")
            }
            query.appendInterpolation(unsafeRaw: " ORDER BY " + order.map { "\"\($0.name)\"" }.joined(separator: ", "))
            query.appendInterpolation(unsafeRaw: " LIMIT \(page)" + (keyed ? "" : " OFFSET \(copied)"))
            let rows = try await source.raw(query).all()
            for row in rows {
                try await batch.append(try columns.map { try value(row, $0) }, flushingTo: target)
            }
            if let last = rows.last { after = try keyColumns.map { try value(last, $0) } }
            copied += rows.count
            if rows.count < page { break }
        }
        try await batch.flush(to: target)
        return copied
    }

    private static func value(_ row: any SQLRow, _ column: Column) throws -> (any Encodable & Sendable)? {
        if try row.decodeNil(column: column.name) { return nil }
        switch column.kind {
        case .text: return try row.decode(column: column.name, as: String.self)
        case .integer: return try row.decode(column: column.name, as: Int.self)
        case .double: return try row.decode(column: column.name, as: Double.self)
        case .boolean: return try row.decode(column: column.name, as: Bool.self)
        case .bytes: return try row.decode(column: column.name, as: Data.self)
        }
    }
}
