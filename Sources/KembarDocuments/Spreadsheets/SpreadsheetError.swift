/// Why a file could not be read as a spreadsheet. Each says what the file is instead, so that the
/// person knows what to do (save it again as XLSX, remove its password, split it).
public enum SpreadsheetError: Error, Equatable, Sendable {
    /// The file is something else (a PDF, an image, a Word document…), whatever its name says.
    case notASpreadsheet(what: OtherFile)
    /// An XLSX protected by a password: its contents cannot be read.
    case encrypted
    /// The binary Excel format of before 2007 (`.xls`).
    case legacyExcel
    case corrupt
    /// A part of the file expands beyond what a spreadsheet needs (a "zip bomb").
    case expandsTooFar(limit: Int)
    case tooManyRows(limit: Int)
    case tooLarge(limit: Int)
    /// `--from` named one format and the file is the other.
    case formatMismatch(expected: SpreadsheetFormat, found: SpreadsheetFormat)
}

/// What a file refused as a spreadsheet is instead.
public enum OtherFile: String, Sendable {
    case pdf, png, jpeg, gif, gzip, rtf, word, powerpoint, opendocument, zip, binary
}

public enum SpreadsheetFormat: String, Sendable, CaseIterable {
    case xlsx
    case csv
}

/// How much of a spreadsheet is read.
public struct SpreadsheetLimits: Sendable {
    /// Rows holding anything, over all sheets. An office's list is tens of rows and a province's
    /// a few thousand; past this the file is refused before it is held in memory.
    public var maximumRows: Int
    public var maximumBytes: Int
    /// How far one part of an XLSX may expand.
    public var maximumExpandedBytes: Int

    public static let standard = SpreadsheetLimits(
        maximumRows: 20_000, maximumBytes: 25 * 1024 * 1024, maximumExpandedBytes: 200 * 1024 * 1024)

    public init(maximumRows: Int, maximumBytes: Int, maximumExpandedBytes: Int) {
        self.maximumRows = maximumRows
        self.maximumBytes = maximumBytes
        self.maximumExpandedBytes = maximumExpandedBytes
    }
}
