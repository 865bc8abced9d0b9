/// Turns a spreadsheet into an ``ImportPlan`` against a government's record.
///
/// The import only ever adds: a partner (by name and country) that already has a partnership gets
/// only what its record lacks, never a changed value, so importing the same file twice changes
/// nothing the second time.
public struct SpreadsheetImport {
    public let organization: Organization
    /// The government's partnerships as stored.
    public let existing: [Partnership]
    /// The government's partners as stored, with their row ids.
    public let partners: [(id: String, partner: Partner)]
    /// The file's name, cited as the source of the notes it brings.
    public let fileName: String
    public var vocabulary: ImportVocabulary = .standard

    public init(
        organization: Organization, existing: [Partnership], partners: [(id: String, partner: Partner)],
        fileName: String
    ) {
        self.organization = organization
        self.existing = existing
        self.partners = partners
        self.fileName = fileName
    }

    /// The plan for `spreadsheet`, with `choices[sheet][column]` as the person's field for a
    /// column whose header Kembar did not know.
    public func plan(_ spreadsheet: Spreadsheet, choices: [String: [Int: ImportField]] = [:]) -> ImportPlan {
        let lines = ImportLinesReader.read(spreadsheet, choices: choices, vocabulary: vocabulary)
        var merger = ImportMerger(base: self)
        for line in lines.partnerships { merger.take(line) }
        for line in lines.agreements { merger.take(line) }
        for line in lines.activities { merger.take(line) }
        return ImportPlan(
            partnerships: merger.planned, problems: lines.problems + merger.problems, layouts: lines.layouts,
            sheetsWithoutHeader: lines.sheetsWithoutHeader)
    }
}
