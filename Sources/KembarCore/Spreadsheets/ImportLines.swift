/// Where a line of the import came from.
public struct ImportSource: Hashable, Sendable {
    public var sheet: String
    public var row: Int
}

/// The partner a line names, and which of its partnerships when it has several.
struct PartnerReference: Hashable, Sendable {
    var name: String
    var country: String
    var kind: Partnership.Kind?

    /// Partners are the same when their names and countries match as keys: `Liège, BE` and
    /// `LIEGE, be` are one partner.
    var key: String { country + "|" + MatchKey.of(name) }
}

/// A row of a list of partnerships: the partnership, and its first agreement when a date is given.
struct PartnershipLine: Sendable {
    var source: ImportSource
    var partner: PartnerReference
    var agreement: AgreementLine?
    /// Each notes column's text, under the column's header.
    var notes: [(header: String, text: String)]
}

/// A row of a list of agreements, or the agreement of a partnership's row.
struct AgreementLine: Sendable {
    var source: ImportSource
    var partner: PartnerReference
    var type: Agreement.Kind
    var signed: PartialDate
    var validUntil: PartialDate?
    var areas: [String]
}

/// A row of a list of activities.
struct ActivityLine: Sendable {
    var source: ImportSource
    var partner: PartnerReference
    var title: String
    var start: PartialDate
    var end: PartialDate?
    var kind: Activity.Kind
    var areas: [String]
    var isPublic: Bool
}

/// Everything read from a spreadsheet, before it is compared with the record.
struct ImportLines: Sendable {
    var partnerships: [PartnershipLine] = []
    var agreements: [AgreementLine] = []
    var activities: [ActivityLine] = []
    var problems: [ImportProblem] = []
    var layouts: [SheetLayout] = []
    /// Sheets in which no header was found.
    var sheetsWithoutHeader: [String] = []
}
