import KembarCore
import KembarDocuments

/// The import template and the whole record as XLSX, for `kembar template` and `kembar export`
/// (the import and portfolio pages offer the same files).
public struct RecordSpreadsheets: Sendable {
    let words: Words

    public init(language: Language) throws {
        words = Words(language: language, catalog: try Catalog.bundled())
    }

    init(words: Words) {
        self.words = words
    }

    /// The import template: a sheet for each kind of row, drop-down lists, an example row.
    public func template() -> [UInt8] {
        XLSXWriter.bytes(RecordWorkbook(words: words).template())
    }

    /// A government's partnerships, agreements and activities, in the template's shape.
    public func record(_ partnerships: [Partnership]) -> [UInt8] {
        XLSXWriter.bytes(RecordWorkbook(words: words).record(partnerships))
    }
}
