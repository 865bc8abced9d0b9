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

    init(snapshot: EvaluationCache.Snapshot, excerpts: [CodedExcerpt], codeBook: CodeBook, words: Words) {
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

    struct Choice {
        let value: String
        let label: String
        let selected: Bool
    }

    struct EvidenceBox {
        let id: String
        let value: String
        let label: String
        let checked: Bool
    }

    struct AssessmentForm {
        let action: String
        let elements: [Choice]
        let statuses: [Choice]
        let note: String
        let by: String
        let date: String
        let boxes: [EvidenceBox]
        let errors: [String: String]
        let elementError: String?
        let statusError: String?
        let noteError: String?
        let byError: String?
        let dateError: String?
        let evidenceError: String?
        let hasErrors: Bool
    }

    let title: String
    let partnershipHref: String
    let asOf: String
    let panels: [ElementPanel]
    let form: AssessmentForm?
    let saved: String?

    init(
        organization: Organization, partnership: Partnership, evaluation: PartnershipEvaluation?, day: CalendarDay,
        excerpts: [CodedExcerpt], codeBook: CodeBook, form canAssess: Bool, state: FormState,
        errors: [String: String], defaultBy: String, saved: String?, words: Words
    ) {
        let org = organization.id
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
        let chosen = Set(state.all("evidence"))
        form =
            canAssess
            ? AssessmentForm(
                action: SitePath.assessments(org, partnership.id),
                elements: [Choice(value: "", label: words.text("choose"), selected: state["element"].isEmpty)]
                    + KeyElement.allCases.map {
                        Choice(
                            value: $0.rawValue, label: words.term($0, "element"),
                            selected: state["element"] == $0.rawValue)
                    },
                statuses: [Choice(value: "", label: words.text("choose"), selected: state["status"].isEmpty)]
                    + ElementStatus.allCases.map {
                        Choice(
                            value: $0.rawValue, label: words.term($0, "status"),
                            selected: state["status"] == $0.rawValue)
                    },
                note: state["note"], by: state.has("by") ? state["by"] : defaultBy,
                date: state.has("date") ? state["date"] : day.description,
                boxes: excerpts.map { excerpt in
                    let line = ExcerptLine(excerpt, document: document(excerpt.documentID), codeBook: codeBook)
                    return EvidenceBox(
                        id: "evidence-\(excerpt.id)", value: String(excerpt.id),
                        label: "\(line.code): “\(line.quote)” (\(line.documentTitle))",
                        checked: chosen.contains(String(excerpt.id)))
                },
                errors: errors, elementError: errors["element"], statusError: errors["status"],
                noteError: errors["note"], byError: errors["by"], dateError: errors["date"],
                evidenceError: errors["evidence"], hasErrors: !errors.isEmpty)
            : nil
        self.saved = saved
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

    struct Choice {
        let value: String
        let label: String
        let selected: Bool
    }

    let entries: [Entry]
    let qdcHref = SitePath.codeBookQDC
    let csvHref = SitePath.codeBookCSV
    let canAdd: Bool
    let action = SitePath.codeBook
    let parents: [Choice]
    let name: String
    let description: String
    let parentError: String?
    let nameError: String?
    let descriptionError: String?
    let hasErrors: Bool
    let saved: String?

    init(codeBook: CodeBook, canAdd: Bool, state: FormState, errors: [String: String], saved: String?, words: Words) {
        entries = codeBook.codes.map { code in
            Entry(
                key: code.key, name: code.name, description: code.description,
                depth: min(codeBook.path(to: code.key).count - 1, 4), added: code.isSubCode)
        }
        self.canAdd = canAdd
        parents =
            [Choice(value: "", label: words.text("choose"), selected: state["parent"].isEmpty)]
            + codeBook.codes.map { code in
                Choice(
                    value: code.key,
                    label: String(repeating: "— ", count: codeBook.path(to: code.key).count - 1) + code.name,
                    selected: state["parent"] == code.key)
            }
        name = state["name"]
        description = state["description"]
        parentError = errors["parent"]
        nameError = errors["name"]
        descriptionError = errors["description"]
        hasErrors = !errors.isEmpty
        self.saved = saved
    }
}
