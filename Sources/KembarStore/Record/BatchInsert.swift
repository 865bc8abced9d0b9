import SQLKit

/// Rows for one table, inserted many to a statement.
///
/// Statements stay under both databases' bind-parameter limits (SQLite 32,766, PostgreSQL 65,535).
struct BatchInsert {
    let table: String
    let columns: [String]
    private var rows: [[any SQLExpression]] = []
    private let rowsPerStatement: Int

    init(_ table: String, columns: [String]) {
        self.table = table
        self.columns = columns
        rowsPerStatement = max(1, min(1000, 30_000 / columns.count))
    }

    /// Queues one row; values line up with `columns`, nil meaning NULL.
    mutating func append(_ values: [(any Encodable & Sendable)?], flushingTo sql: any SQLDatabase) async throws {
        precondition(values.count == columns.count, "\(table): \(values.count) values for \(columns.count) columns")
        rows.append(values.map(SQLBind.orNull))
        if rows.count >= rowsPerStatement { try await flush(to: sql) }
    }

    mutating func flush(to sql: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        var insert = sql.insert(into: table).columns(columns)
        for row in rows { insert = insert.values(row) }
        rows.removeAll(keepingCapacity: true)
        try await insert.run()
    }
}
