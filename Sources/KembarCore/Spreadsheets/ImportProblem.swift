/// Something in the spreadsheet that the import cannot take as it is, with the cell it is in.
/// An error stops the import (nothing is written until every error is mended); a notice says
/// what the import did with something unusual and lets it go on.
public struct ImportProblem: Hashable, Sendable {
    public enum Reason: Hashable, Sendable {
        /// No sheet has a header with a partner column.
        case noHeader
        case missing(ImportField)
        case malformedDate
        /// A date in the right form that does not exist, such as 30 February.
        case impossibleDate
        case unknownCountry
        case unknownKind
        case unknownAgreementType
        case unknownActivityKind
        case unknownYesNo
        /// An area the import could not place: recorded as "other areas agreed".
        case unknownArea(String)
        /// An agreement or activity whose partnership is neither in the record nor on the list.
        case noPartnership(partner: String, country: String)
        /// The partner has several partnerships and the row does not say which.
        case severalPartnerships(partner: String)
        case endsBeforeStart
        case tooLong(maximum: Int)
        /// A formula whose value was never computed: the file must be opened and saved in a
        /// spreadsheet program.
        case uncomputedFormula
    }

    public var sheet: String
    /// The row's number, nil for a problem with the whole file.
    public var row: Int?
    /// The column's letter, nil for a problem with a whole row.
    public var column: String?
    /// What the cell holds, as the person sees it.
    public var value: String
    public var reason: Reason

    public init(sheet: String, row: Int?, column: String?, value: String, reason: Reason) {
        self.sheet = sheet
        self.row = row
        self.column = column
        self.value = value
        self.reason = reason
    }

    public var isError: Bool {
        if case .unknownArea = reason { return false }
        return true
    }

    /// `Sheet!C7`, or the sheet and row, as spreadsheet programs name a place.
    public var place: String {
        switch (row, column) {
        case (let row?, let column?): "\(sheet)!\(column)\(row)"
        case (let row?, nil): "\(sheet)!\(row):\(row)"
        default: sheet
        }
    }
}
