import KembarCore
import KembarStore

extension Int {
    fileprivate var nonZero: Int? { self == 0 ? nil : self }
}

/// One coded passage as the evidence pages show it: quoted, coded, linked to its document.
struct ExcerptLine {
    let id: Int
    let quote: String
    let code: String
    let memo: String?
    let documentTitle: String
    let href: String

    init(_ excerpt: CodedExcerpt, document: Document?, codeBook: CodeBook) {
        id = excerpt.id
        quote = excerpt.quote.count > 280 ? String(excerpt.quote.prefix(280)) + "…" : excerpt.quote
        code = codeBook.path(to: excerpt.code).map(\.name).joined(separator: " › ")
        memo = excerpt.memo.isEmpty ? nil : excerpt.memo
        documentTitle = document?.title ?? excerpt.documentID
        href =
            SitePath.document(excerpt.organizationID, excerpt.partnershipID, excerpt.documentID)
            + "#coding-\(excerpt.id)"
    }
}

/// The data display: partnerships down, the five elements across, the coded passages in each cell
/// (Miles & Huberman's conceptually ordered matrix).
struct EvidenceMatrixView {
    struct Row {
        let name: String
        let href: String
        let cells: [Cell]
    }

    struct Cell {
        /// The element's name, shown beside the cell where the table becomes cards on a phone.
        let element: String
        let status: String
        let statusClass: String
        let excerpts: [ExcerptLine]
        /// How many assessments people wrote of the element; nil when none.
        let assessments: String?
    }

    let elements: [String]
    let rows: [Row]
    let codedCount: String
    let codeBookHref = SitePath.codeBook
    let exportHref = SitePath.projectExport

    /// The governments to choose from, when the account reads too many to show at once.
    let governments: [GovernmentChoice.Link]
    let hasGovernments: Bool

    init(
        records snapshot: RecordView, excerpts: [CodedExcerpt], codeBook: CodeBook,
        governments: [GovernmentChoice.Link], words: Words
    ) {
        self.governments = governments
        hasGovernments = !governments.isEmpty
        elements = KeyElement.allCases.map { words.term($0, "element") }
        let byPartnership = Dictionary(grouping: excerpts) { "\($0.organizationID)/\($0.partnershipID)" }
        var rows: [Row] = []
        for record in snapshot.records {
            for partnership in record.partnerships {
                let coded = byPartnership["\(record.organization.id)/\(partnership.id)"] ?? []
                let evaluation = snapshot.evaluation(record.organization.id, partnership.id)
                let cells = KeyElement.allCases.map { element in
                    let status = evaluation?.elements[element]?.status ?? .unknown
                    return Cell(
                        element: words.term(element, "element"), status: words.term(status, "status"),
                        statusClass: "status-\(status.rawValue)",
                        excerpts: coded.filter { codeBook.code($0.code)?.element == element }.map { excerpt in
                            ExcerptLine(
                                excerpt, document: partnership.documents.first { $0.id == excerpt.documentID },
                                codeBook: codeBook)
                        },
                        assessments: partnership.assessments.filter { $0.element == element }.count.nonZero.map {
                            words.count($0)
                        })
                }
                let name =
                    snapshot.records.count > 1
                    ? "\(record.organization.place.name) – \(partnership.partner.name)" : partnership.partner.name
                rows.append(
                    Row(
                        name: name, href: SitePath.partnershipEvidence(record.organization.id, partnership.id),
                        cells: cells))
            }
        }
        self.rows = rows
        codedCount = words.text("evidence_coded_count", ["count": words.count(excerpts.count)])
    }
}

/// One partnership's evidence, element by element: the computed verdict beside people's
/// assessments and the coded passages, and the form to write an assessment.
struct PartnershipEvidenceView {
    struct ElementPanel {
        let id: String
        let name: String
        let status: String
        let statusClass: String
        let score: String?
        /// Each indicator with what it found ("C1 obligation fulfilment: 0 of 15 yearly meetings held").
        let indicators: [String]
        /// Why the element's status was capped by its core indicator, when it was.
        let cap: String?
        let scorecardHref: String
        let assessments: [AssessmentLine]
        let excerpts: [ExcerptLine]
    }

    struct AssessmentLine {
        let heading: String
        let statusClass: String
        let byline: String
        let note: String
        let evidence: [String]
    }

    let title: String
    let partnershipHref: String
    let asOf: String
    let panels: [ElementPanel]
    /// The form that writes an assessment, citing coded passages; nil for those who only read.
    let form: FormPage?
    let saved: String?

    init(
        organization: Organization, partnership: Partnership, evaluation: PartnershipEvaluation?, day: CalendarDay,
        excerpts: [CodedExcerpt], codeBook: CodeBook, form canAssess: Bool, state: FormState,
        errors: [String: String], defaultBy: String, saved: String?, words: Words
    ) {
        let org = organization.id
        // The evaluation's phrases name this partnership's records by their names.
        let words = words.naming(partnership)
        title = words.text(
            "evidence_partnership_title", ["name": "\(organization.place.name) – \(partnership.partner.name)"])
        let partnershipHref = SitePath.partnership(org, partnership.id)
        self.partnershipHref = partnershipHref
        asOf = words.text("evidence_as_of", ["date": words.day(day)])
        func document(_ id: String) -> Document? { partnership.documents.first { $0.id == id } }
        panels = KeyElement.allCases.map { element in
            let verdict = evaluation?.elements[element]
            let status = verdict?.status ?? .unknown
            return ElementPanel(
                id: "element-\(element.rawValue)", name: words.term(element, "element"),
                status: words.term(status, "status"), statusClass: "status-\(status.rawValue)",
                score: verdict?.score.map { words.percent($0) },
                indicators: (verdict?.indicators ?? []).map { indicator in
                    "\(indicator.id.rawValue) \(words.term(indicator.id, "indicator")): \(words.say(indicator.phrases))"
                },
                cap: verdict?.cap.map { words.say([$0.phrase]) },
                scorecardHref: partnershipHref + "#element-\(element.rawValue)",
                assessments: partnership.assessments.filter { $0.element == element }.map { assessment in
                    AssessmentLine(
                        heading: words.term(assessment.status, "status"),
                        statusClass: "status-\(assessment.status.rawValue)",
                        byline: "\(assessment.by), \(words.date(assessment.date))", note: assessment.note,
                        evidence: assessment.evidence.map {
                            "“\($0.quote)” (\(document($0.document)?.title ?? $0.document))"
                        })
                },
                excerpts: excerpts.filter { codeBook.code($0.code)?.element == element }.map {
                    ExcerptLine($0, document: document($0.documentID), codeBook: codeBook)
                })
        }
        form =
            canAssess
            ? Self.assessmentForm(
                organization: org, partnership: partnership, day: day, excerpts: excerpts, codeBook: codeBook,
                state: state, errors: errors, defaultBy: defaultBy, words: words) : nil
        self.saved = saved
    }

    /// The form that writes an assessment, citing coded passages; filled in with today and the
    /// person's name until they write others.
    private static func assessmentForm(
        organization: String, partnership: Partnership, day: CalendarDay, excerpts: [CodedExcerpt],
        codeBook: CodeBook, state: FormState, errors: [String: String], defaultBy: String, words: Words
    ) -> FormPage {
        var filled = state
        if !filled.has("by") { filled["by"] = defaultBy }
        if !filled.has("date") { filled["date"] = day.description }
        let build = FieldBuilder(state: filled, errors: errors, words: words)
        let citable = excerpts.map { excerpt in
            let line = ExcerptLine(
                excerpt, document: partnership.documents.first { $0.id == excerpt.documentID }, codeBook: codeBook)
            return (value: String(excerpt.id), label: "\(line.code): “\(line.quote)” (\(line.documentTitle))")
        }
        return FormPage(
            action: SitePath.assessments(organization, partnership.id), heading: words.text("assessment_title"),
            intro: nil, errors: errors,
            sections: [
                FormPage.Section(
                    legend: nil,
                    fields: [
                        build.choice(
                            "element", "field_element", KeyElement.self, family: "element", required: true),
                        build.choice(
                            "status", "field_status", ElementStatus.self, family: "status", required: true),
                        build.textarea("note", "field_note", required: true),
                        build.checkboxes(
                            "evidence", "field_evidence", citable,
                            hint: citable.isEmpty ? "assessment_no_excerpts" : nil),
                        build.text("by", "field_by", required: true),
                        build.date("date", "field_date", required: true),
                    ], tables: [])
            ], submitLabel: words.text("assessment_submit"), cancelHref: nil, cancelLabel: "",
            formID: "assessment-form")
    }
}

/// The code book: the five elements, their indicators and the sub-codes people added.
struct CodeBookView {
    struct Entry {
        let key: String
        let name: String
        let description: String
        let depth: Int
        let added: Bool
    }

    let entries: [Entry]
    let qdcHref = SitePath.codeBookQDC
    let csvHref = SitePath.codeBookCSV
    /// The form that adds a sub-code; nil for those who only read.
    let form: FormPage?
    let saved: String?

    init(codeBook: CodeBook, canAdd: Bool, state: FormState, errors: [String: String], saved: String?, words: Words) {
        entries = codeBook.codes.map { code in
            Entry(
                key: code.key, name: code.name, description: code.description,
                depth: min(codeBook.path(to: code.key).count - 1, 4), added: code.isSubCode)
        }
        let build = FieldBuilder(state: state, errors: errors, words: words)
        form =
            canAdd
            ? FormPage(
                action: SitePath.codeBook, heading: words.text("codebook_add_title"), intro: nil, errors: errors,
                sections: [
                    FormPage.Section(
                        legend: nil,
                        fields: [
                            build.select(
                                "parent", "field_parent_code",
                                codeBook.options(selected: state["parent"], words: words).map { ($0.value, $0.label) },
                                required: true),
                            build.text("name", "field_code_name", required: true),
                            build.textarea("description", "field_description"),
                        ], tables: [])
                ], submitLabel: words.text("codebook_add_submit"), cancelHref: nil, cancelLabel: "",
                formID: "code-form")
            : nil
        self.saved = saved
    }
}
