import Foundation

/// Merges lines into the record one by one, keeping what the record says.
struct ImportMerger {
    let base: SpreadsheetImport
    private(set) var planned: [PlannedPartnership] = []
    private(set) var problems: [ImportProblem] = []
    /// The planned partnerships' indexes, by partner key.
    private var byPartner: [String: [Int]] = [:]
    private var takenIDs: Set<String>
    private let partnerIDs: [String: String]

    init(base: SpreadsheetImport) {
        self.base = base
        takenIDs = Set(base.existing.map(\.id))
        var partnerIDs: [String: String] = [:]
        for (id, partner) in base.partners {
            partnerIDs[PartnerReference(name: partner.name, country: partner.country).key] = id
        }
        self.partnerIDs = partnerIDs
        for partnership in base.existing {
            let key = PartnerReference(name: partnership.partner.name, country: partnership.partner.country).key
            byPartner[key, default: []].append(planned.count)
            planned.append(PlannedPartnership(action: .unchanged, partnership: partnership))
        }
    }

    mutating func take(_ line: PartnershipLine) {
        let index: Int
        switch find(line.partner) {
        case .one(let found): index = found
        case .several:
            problems.append(problem(line.source, .severalPartnerships(partner: line.partner.name)))
            return
        case .none:
            guard let kind = line.partner.kind else {
                problems.append(problem(line.source, .missing(.kind)))
                return
            }
            index = create(line.partner, kind: kind, source: line.source)
        }
        planned[index].sources.append(line.source)
        if let agreement = line.agreement { merge(agreement, into: index) }
        for notes in line.notes { add(notes, from: line.source, into: index) }
    }

    mutating func take(_ line: AgreementLine) {
        guard let index = partnership(for: line.partner, source: line.source) else { return }
        planned[index].sources.append(line.source)
        merge(line, into: index)
    }

    mutating func take(_ line: ActivityLine) {
        guard let index = partnership(for: line.partner, source: line.source) else { return }
        planned[index].sources.append(line.source)
        let titleKey = MatchKey.of(line.title)
        let activities = planned[index].partnership.activities
        if activities.contains(where: { MatchKey.of($0.title) == titleKey && Self.agree($0.start, line.start) }) {
            return
        }
        let year = line.start.startPoint.year
        var slug = Slug.make(Self.folded(line.title), maxLength: 60) ?? "activity"
        if !slug.split(separator: "-").contains(Substring(String(year))) { slug += "-\(year)" }
        let activity = Activity(
            id: Slug.unused(slug, avoiding: Set(activities.map(\.id))), title: line.title, start: line.start,
            end: line.end, kind: line.kind, areas: line.areas, host: nil, initiator: nil, isPublic: line.isPublic)
        planned[index].partnership.activities.append(activity)
        planned[index].added.append(.activity(title: line.title, start: line.start))
        markChanged(index)
    }

    private enum Found {
        case none
        case one(Int)
        case several
    }

    /// The partnership with the partner of `reference`: of its kind when the row gives one.
    private func find(_ reference: PartnerReference) -> Found {
        var candidates = byPartner[reference.key] ?? []
        if let kind = reference.kind { candidates = candidates.filter { planned[$0].partnership.kind == kind } }
        switch candidates.count {
        case 0: return .none
        case 1: return .one(candidates[0])
        default: return .several
        }
    }

    private mutating func partnership(for reference: PartnerReference, source: ImportSource) -> Int? {
        switch find(reference) {
        case .one(let index): return index
        case .several: problems.append(problem(source, .severalPartnerships(partner: reference.name)))
        case .none:
            problems.append(problem(source, .noPartnership(partner: reference.name, country: reference.country)))
        }
        return nil
    }

    private mutating func create(_ reference: PartnerReference, kind: Partnership.Kind, source: ImportSource) -> Int {
        let slug =
            Slug.make(Self.folded(base.organization.place.name + " " + reference.name), maxLength: 60) ?? "partnership"
        let id = Slug.unused(slug, avoiding: takenIDs)
        takenIDs.insert(id)
        let partner = Partner(name: reference.name, country: reference.country, kind: Self.partnerKind(for: kind))
        var plannedPartnership = PlannedPartnership(
            action: .create, partnership: Partnership(id: id, kind: kind, partner: partner),
            existingPartnerID: partnerIDs[reference.key])
        if let existingID = plannedPartnership.existingPartnerID,
            let stored = base.partners.first(where: { $0.id == existingID })
        {
            // The government knows this partner already: the new partnership shares its row.
            plannedPartnership.partnership.partner = stored.partner
        } else if let sibling = byPartner[reference.key]?.first {
            // A partner new to the record with two partnerships on the list is one partner.
            plannedPartnership.partnership.partner = planned[sibling].partnership.partner
        }
        plannedPartnership.added.append(.partnership(kind))
        byPartner[reference.key, default: []].append(planned.count)
        planned.append(plannedPartnership)
        return planned.count - 1
    }

    /// An agreement the record has (signed the same day, or in the same month or year when one
    /// of the two is less precise) gets only its missing end and areas; another is added.
    private mutating func merge(_ line: AgreementLine, into index: Int) {
        var partnership = planned[index].partnership
        let matches = partnership.agreements.indices.filter {
            Self.agree(partnership.agreements[$0].signed, line.signed)
        }
        guard
            let position = matches.first(where: { partnership.agreements[$0].type == line.type }) ?? matches.first
        else {
            let ids = Set(partnership.agreements.map(\.id))
            let id = Slug.unused("\(line.type.rawValue)-\(line.signed.startPoint.year)", avoiding: ids)
            partnership.agreements.append(
                Agreement(
                    id: id, type: line.type, signed: line.signed, validUntil: line.validUntil, areas: line.areas))
            planned[index].partnership = partnership
            planned[index].added.append(.agreement(line.type, signed: line.signed))
            markChanged(index)
            return
        }
        let agreement = partnership.agreements[position]
        if let validUntil = line.validUntil {
            if agreement.validUntil == nil {
                partnership.agreements[position].validUntil = validUntil
                planned[index].filled.append(.validUntil(agreement.type, signed: agreement.signed, validUntil))
            } else if agreement.validUntil != validUntil {
                planned[index].leftAlone.append(.validUntil(agreement.type, signed: agreement.signed, validUntil))
            }
        }
        if !line.areas.isEmpty {
            if agreement.areas.isEmpty {
                partnership.agreements[position].areas = line.areas
                planned[index].filled.append(.areas(agreement.type, signed: agreement.signed, line.areas))
            } else if Set(agreement.areas) != Set(line.areas) {
                planned[index].leftAlone.append(.areas(agreement.type, signed: agreement.signed, line.areas))
            }
        }
        if partnership != planned[index].partnership {
            planned[index].partnership = partnership
            markChanged(index)
        }
    }

    /// Notes are kept as a document of the partnership, citing the file and row they came from.
    private mutating func add(_ notes: (header: String, text: String), from source: ImportSource, into index: Int) {
        let documents = planned[index].partnership.documents
        guard !documents.contains(where: { $0.text == notes.text }) else { return }
        let id = Slug.unused(
            Slug.make(Self.folded(notes.header), maxLength: 40) ?? "notes", avoiding: Set(documents.map(\.id)))
        planned[index].partnership.documents.append(
            Document(
                id: id, title: notes.header, kind: .other,
                source: "\(base.fileName), \(source.sheet) \(source.row)", text: notes.text))
        planned[index].added.append(.notes(notes.text))
        markChanged(index)
    }

    private mutating func markChanged(_ index: Int) {
        if planned[index].action == .unchanged { planned[index].action = .fill }
    }

    private func problem(_ source: ImportSource, _ reason: ImportProblem.Reason) -> ImportProblem {
        ImportProblem(sheet: source.sheet, row: source.row, column: nil, value: "", reason: reason)
    }

    /// Two dates that may mean the same day: equal, one the other's month or year, or one
    /// inside the other's range (`2010-05-17` and "before 2016").
    static func agree(_ first: PartialDate, _ second: PartialDate) -> Bool {
        switch (first, second) {
        case (.point(let a), .point(let b)):
            let (a, b) = (a.description, b.description)
            return a == b || a.hasPrefix(b + "-") || b.hasPrefix(a + "-")
        case (.range, .point(let point)): return first.holds(point)
        case (.point(let point), .range): return second.holds(point)
        case (.range, .range): return first == second
        }
    }

    static func folded(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    static func partnerKind(for kind: Partnership.Kind) -> Partner.Kind {
        switch kind {
        case .sisterCity: .city
        case .sisterProvince: .province
        case .institution, .other: .institution
        case .foreignGovernment: .nationalGovernment
        }
    }
}

extension PartialDate {
    /// Whether every day `point` can mean lies in the days this date can mean.
    fileprivate func holds(_ point: DatePoint) -> Bool {
        (earliestDay.map { $0 <= point.firstDay } ?? true) && (latestDay.map { point.lastDay <= $0 } ?? true)
    }
}
