import Foundation
import KembarCore
import SQLKit

/// A spreadsheet uploaded for import, waiting for the person to confirm its preview.
public struct PendingImport: Sendable {
    public let id: String
    public let organizationID: String
    public let fileName: String
    public let bytes: [UInt8]
    /// The person's field for each column whose header Kembar did not know, by sheet and column.
    public let choices: [String: [Int: ImportField]]
}

/// Keeps uploads between their preview and their confirmation, for the person who uploaded them.
public struct PendingImportStore: Sendable {
    public let database: any KembarDatabase
    /// How long an unconfirmed upload is kept.
    static let keptFor: TimeInterval = 24 * 60 * 60

    public init(database: any KembarDatabase) {
        self.database = database
    }

    /// Keeps an upload and returns its id (a secret: it is the address of the preview). Uploads
    /// older than a day, confirmed or not, go at the same time.
    public func keep(_ bytes: [UInt8], fileName: String, organizationID: String, actor: String) async throws -> String {
        let id = SecretToken.make()
        try await database.write { sql in
            try await sql.delete(from: "pending_imports")
                .where("created_at", .lessThan, SQLBind(Timestamp.string(Date(timeIntervalSinceNow: -Self.keptFor))))
                .run()
            try await sql.insert(into: "pending_imports")
                .columns("id", "organization_id", "actor", "file_name", "content", "choices", "created_at")
                .values(
                    SQLBind(id), SQLBind(organizationID), SQLBind(actor), SQLBind(fileName), SQLBind(Data(bytes)),
                    SQLBind(""), SQLBind(Timestamp.now())
                )
                .run()
        }
        return id
    }

    /// The upload `id` of `actor` into `organizationID`; nil for anyone else's, or one gone.
    public func pending(_ id: String, organizationID: String, actor: String) async throws -> PendingImport? {
        try await database.read { sql in
            guard
                let row = try await sql.select().columns("file_name", "content", "choices").from("pending_imports")
                    .where("id", .equal, SQLBind(id)).where("organization_id", .equal, SQLBind(organizationID))
                    .where("actor", .equal, SQLBind(actor))
                    .where(
                        "created_at", .greaterThanOrEqual,
                        SQLBind(Timestamp.string(Date(timeIntervalSinceNow: -Self.keptFor)))
                    )
                    .first()
            else { return nil }
            return PendingImport(
                id: id, organizationID: organizationID, fileName: try row.decode(column: "file_name", as: String.self),
                bytes: Array(try row.decode(column: "content", as: Data.self)),
                choices: Self.choices(try row.decode(column: "choices", as: String.self)))
        }
    }

    public func choose(_ choices: [String: [Int: ImportField]], for id: String, actor: String) async throws {
        try await database.write { sql in
            try await sql.update("pending_imports").set("choices", to: SQLBind(Self.text(choices)))
                .where("id", .equal, SQLBind(id)).where("actor", .equal, SQLBind(actor)).run()
        }
    }

    public func remove(_ id: String) async throws {
        try await database.write { sql in
            try await sql.delete(from: "pending_imports").where("id", .equal, SQLBind(id)).run()
        }
    }

    /// Choices as lines of `column TAB field TAB sheet` (a sheet's name may hold any other character).
    static func text(_ choices: [String: [Int: ImportField]]) -> String {
        choices.sorted { $0.key < $1.key }.flatMap { sheet, columns in
            columns.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value.rawValue)\t\(sheet)" }
        }.joined(separator: "\n")
    }

    static func choices(_ text: String) -> [String: [Int: ImportField]] {
        var choices: [String: [Int: ImportField]] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let column = Int(parts[0]), let field = ImportField(rawValue: String(parts[1]))
            else { continue }
            choices[String(parts[2]), default: [:]][column] = field
        }
        return choices
    }
}
