/// What importing a spreadsheet will do to a government's record, worked out before anything is
/// written: for each partnership the spreadsheet names, whether it is created, filled in or left
/// as it is, and every problem with its cell.
public struct ImportPlan: Sendable {
    public var partnerships: [PlannedPartnership]
    public var problems: [ImportProblem]
    /// The layout found in each sheet that has a header, for showing its columns.
    public var layouts: [SheetLayout]
    public var sheetsWithoutHeader: [String]

    /// Nothing may be written while an error remains.
    public var hasErrors: Bool { problems.contains { $0.isError } }

    /// The partnerships the import changes (created or filled in).
    public var changed: [PlannedPartnership] { partnerships.filter { $0.action != .unchanged } }

    public var created: Int { partnerships.count { $0.action == .create } }
    public var filled: Int { partnerships.count { $0.action == .fill } }
}

/// One partnership as the import leaves it.
public struct PlannedPartnership: Sendable {
    public enum Action: String, Sendable {
        case create
        case fill
        case unchanged
    }

    public var action: Action
    /// The partnership after the import.
    public var partnership: Partnership
    /// The partner row a new partnership shares with another of the government's (nil for a new partner).
    public var existingPartnerID: String?
    /// What the import adds: the partnership itself, agreements, activities, notes.
    public var added: [ImportItem] = []
    /// What the record lacked and the import fills in.
    public var filled: [ImportItem] = []
    /// What the spreadsheet says otherwise than the record; the record is left as it is.
    public var leftAlone: [ImportItem] = []
    /// The rows that speak of this partnership.
    public var sources: [ImportSource] = []
}

/// A thing the import adds, fills in or leaves alone, for the preview to name.
public enum ImportItem: Hashable, Sendable {
    case partnership(Partnership.Kind)
    case agreement(Agreement.Kind, signed: PartialDate)
    case activity(title: String, start: PartialDate)
    case notes(String)
    case validUntil(Agreement.Kind, signed: PartialDate, PartialDate)
    case areas(Agreement.Kind, signed: PartialDate, [String])
}
