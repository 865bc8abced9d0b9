import SQLKit

/// Files and coded excerpts live as long as their document is in the record: when a save or an
/// import removes a document, they go in the same transaction.
enum DocumentSweep {
    static func sweep(organizationID: String, partnershipID: String? = nil, in sql: any SQLDatabase) async throws {
        for table in ["document_files", "excerpts"] {
            let orphaned = SQLQueryString(
                """
                NOT EXISTS (SELECT 1 FROM documents d WHERE d.organization_id = \(unsafeRaw: table).organization_id \
                AND d.partnership_id = \(unsafeRaw: table).partnership_id AND d.id = \(unsafeRaw: table).document_id)
                """)
            var delete = sql.delete(from: table).where("organization_id", .equal, SQLBind(organizationID))
            if let partnershipID { delete = delete.where("partnership_id", .equal, SQLBind(partnershipID)) }
            try await delete.where(orphaned).run()
        }
    }
}
