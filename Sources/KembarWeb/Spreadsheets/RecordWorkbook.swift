import Foundation
import KembarCore

/// A government's record as a workbook the office can work in and bring back: one sheet of
/// partnerships (each with its first agreement), one of the other agreements, one of activities.
/// The headers are the import's own, in Bahasa Indonesia with English in a note, so that the
/// import reads the file as it is; the values are in the language asked for. Without records it
/// is the import template, with a filled-in example row marked as one.
struct RecordWorkbook {
    let words: Words
    /// English words for the header notes, whatever the language of the values.
    let english: Words
    let indonesian: Words

    init(words: Words) {
        self.words = words
        english = Words(language: .english, catalog: words.catalog)
        indonesian = Words(language: .indonesian, catalog: words.catalog)
    }

    static let partnershipFields: [ImportField] = [
        .number, .partner, .country, .kind, .agreementType, .signed, .validUntil, .areas, .notes,
    ]
    static let agreementFields: [ImportField] = [
        .number, .partner, .country, .kind, .agreementType, .signed, .validUntil, .areas,
    ]
    static let activityFields: [ImportField] = [
        .number, .partner, .country, .kind, .title, .start, .end, .activityKind, .areas, .isPublic,
    ]

    /// The template: empty sheets with their example rows.
    func template() -> WorkbookContent {
        let example = examplePartnership()
        return WorkbookContent(sheets: [
            sheet(
                "import_sheet_partnerships", Self.partnershipFields, rows: [],
                example: partnershipRow(example, number: nil)),
            sheet(
                "import_sheet_agreements", Self.agreementFields, rows: [],
                example: agreementRow(example, example.agreements[1], number: nil)),
            sheet(
                "import_sheet_activities", Self.activityFields, rows: [],
                example: activityRow(example, example.activities[0], number: nil)),
        ])
    }

    /// The whole record.
    func record(_ partnerships: [Partnership]) -> WorkbookContent {
        let later = partnerships.flatMap { partnership in partnership.agreements.dropFirst().map { (partnership, $0) } }
        let activities = partnerships.flatMap { partnership in partnership.activities.map { (partnership, $0) } }
        return WorkbookContent(sheets: [
            sheet(
                "import_sheet_partnerships", Self.partnershipFields,
                rows: partnerships.enumerated().map { partnershipRow($0.element, number: $0.offset + 1) }),
            sheet(
                "import_sheet_agreements", Self.agreementFields,
                rows: later.enumerated().map { agreementRow($0.element.0, $0.element.1, number: $0.offset + 1) }),
            sheet(
                "import_sheet_activities", Self.activityFields,
                rows: activities.enumerated().map { activityRow($0.element.0, $0.element.1, number: $0.offset + 1) }),
        ])
    }

    private func sheet(_ name: String, _ fields: [ImportField], rows: [[CellContent]], example: [CellContent]? = nil)
        -> SheetContent
    {
        SheetContent(
            name: indonesian.text(name), columns: fields.map(column), rows: rows,
            example: example.map { [.text(indonesian.text("import_example_marker"))] + $0.dropFirst() })
    }

    private func column(_ field: ImportField) -> ColumnContent {
        ColumnContent(
            header: indonesian.field(field),
            note: english.field(field) + ". " + english.text("import_note_\(field.rawValue)"),
            width: Self.widths[field] ?? 16, choices: choices(field))
    }

    private static let widths: [ImportField: Double] = [
        .number: 6, .partner: 24, .country: 18, .kind: 16, .agreementType: 14, .signed: 14, .validUntil: 14,
        .areas: 40, .notes: 40, .title: 36, .start: 12, .end: 12, .activityKind: 14, .isPublic: 10,
    ]

    private func choices(_ field: ImportField) -> [String]? {
        switch field {
        case .country: words.countries.map(\.name)
        case .kind: Partnership.Kind.allCases.map { words.term($0, "partnership-kind") }
        case .agreementType: Agreement.Kind.allCases.map { words.term($0, "agreement-type") }
        case .activityKind: Activity.Kind.allCases.map { words.term($0, "activity-kind") }
        case .areas: ImportVocabulary.areaIDs.map { words.term("area.\($0)") }
        case .isPublic: [words.text("import_yes"), words.text("import_no")]
        default: nil
        }
    }

    private func partnerCells(_ partnership: Partnership, number: Int?) -> [CellContent] {
        [
            number.map { .number(Double($0)) } ?? .empty, .text(partnership.partner.name),
            .text(words.country(partnership.partner.country)), .text(words.term(partnership.kind, "partnership-kind")),
        ]
    }

    private func agreementCells(_ agreement: Agreement?) -> [CellContent] {
        guard let agreement else { return [.empty, .empty, .empty, .empty] }
        return [
            .text(words.term(agreement.type, "agreement-type")), .date(agreement.signed),
            agreement.validUntil.map(CellContent.date) ?? .empty, areas(agreement.areas),
        ]
    }

    private func areas(_ ids: [String]) -> CellContent {
        CellContent(ids.map { words.term("area.\($0)", fallback: $0) }.joined(separator: "; "))
    }

    func partnershipRow(_ partnership: Partnership, number: Int?) -> [CellContent] {
        partnerCells(partnership, number: number) + agreementCells(partnership.agreements.first) + [.empty]
    }

    func agreementRow(_ partnership: Partnership, _ agreement: Agreement, number: Int?) -> [CellContent] {
        partnerCells(partnership, number: number) + agreementCells(agreement)
    }

    func activityRow(_ partnership: Partnership, _ activity: Activity, number: Int?) -> [CellContent] {
        partnerCells(partnership, number: number) + [
            .text(activity.title), .date(activity.start), activity.end.map(CellContent.date) ?? .empty,
            .text(words.term(activity.kind, "activity-kind")), areas(activity.areas),
            .text(words.text(activity.isPublic ? "import_yes" : "import_no")),
        ]
    }

    /// The example the template shows: a sister city with its MoU, a later plan and a visit.
    private func examplePartnership() -> Partnership {
        let signed = PartialDate(DatePoint(year: 2006, month: 9, day: 21) ?? DatePoint(year: 2006))
        let plan = PartialDate(DatePoint(year: 2019, month: 6) ?? DatePoint(year: 2019))
        let visit = PartialDate(DatePoint(year: 2018, month: 10, day: 5) ?? DatePoint(year: 2018))
        return Partnership(
            id: "example", kind: .sisterCity, partner: Partner(name: "Liuzhou", country: "CN", kind: .city),
            agreements: [
                Agreement(id: "mou", type: .mou, signed: signed, areas: ["economy", "education-culture"]),
                Agreement(id: "poa", type: .planOfAction, signed: plan, areas: ["environment-urban"]),
            ],
            activities: [
                Activity(
                    id: "visit", title: words.text("import_example_activity"), start: visit, kind: .visit,
                    areas: ["education-culture"], host: nil, initiator: nil, isPublic: true)
            ])
    }
}
