import Crypto
import Foundation
import KembarCore
import KembarDocuments

/// The evidence of one or more governments as a REFI-QDA project file (`.qdpx`), and the code
/// book alone as `.qdc` and CSV.
public struct QDPXExport: Sendable {
    public let database: any KembarDatabase

    public init(database: any KembarDatabase) {
        self.database = database
    }

    /// The `.qdpx` bytes: `project.qde` and `sources/…txt` in a ZIP archive. The project is named
    /// after its government ("Kembar – Pemerintah Kota Bandung"), or "Kembar" when it holds several.
    public func project(organizationIDs: [String], codeBook: CodeBook, exportedAt: Date = Date())
        async throws -> [UInt8]
    {
        let (cases, excerpts, names) = try await database.read { sql in
            var cases: [REFIQDAProject.Case] = []
            var excerpts: [CodedExcerpt] = []
            var names: [String] = []
            for organizationID in organizationIDs {
                guard let record = try await RecordReader(sql: sql, organizationID: organizationID).read() else {
                    throw StoreError.organizationNotFound(organizationID)
                }
                names.append(record.organization.name)
                cases += record.partnerships.map {
                    REFIQDAProject.Case(
                        organization: record.organization, partnership: $0, partnerName: $0.partner.name)
                }
                excerpts += try await EvidenceStore.excerpts(organizationID: organizationID, partnershipID: nil, sql)
            }
            return (cases, excerpts, names)
        }
        let files = REFIQDAProject(
            name: names.count == 1 ? "Kembar – \(names[0])" : "Kembar", cases: cases, excerpts: excerpts,
            codeBook: codeBook,
            exportedAt: Self.dateTime(exportedAt), guid: Self.guid
        ).files()
        var zip = ZipWriter()
        zip.add("project.qde", Array(files.project.utf8))
        for source in files.sources { zip.add(source.path, Array(source.text.utf8)) }
        return zip.bytes()
    }

    /// The code book as a REFI-QDA `.qdc` document.
    public static func codeBookDocument(_ codeBook: CodeBook) -> String {
        REFIQDACodeBook.document(codeBook, guid: guid)
    }

    /// A name-based UUID (version 5, RFC 9562) in Kembar's own namespace: the same thing gets the
    /// same GUID in every export.
    @Sendable public static func guid(_ name: String) -> String {
        var digest = Array(Insecure.SHA1.hash(data: namespace + Array(name.utf8)).prefix(16))
        digest[6] = (digest[6] & 0x0F) | 0x50
        digest[8] = (digest[8] & 0x3F) | 0x80
        let hex = digest.map { String(format: "%02x", $0) }.joined()
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(
                hex[
                    hex.index(
                        hex.startIndex, offsetBy: range.lowerBound)..<hex.index(
                            hex.startIndex, offsetBy: range.upperBound)])
        }
        return parts.joined(separator: "-")
    }

    /// The UUID 6b656d62-6172-5265-8649-716461786d6c ("kembar" … "qdaxml"), as bytes.
    private static let namespace: [UInt8] = [
        0x6b, 0x65, 0x6d, 0x62, 0x61, 0x72, 0x52, 0x65, 0x86, 0x49, 0x71, 0x64, 0x61, 0x78, 0x6d, 0x6c,
    ]

    private static func dateTime(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
