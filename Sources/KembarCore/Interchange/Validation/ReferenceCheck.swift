/// Checks what single fields cannot: ids unique per kind within a partnership, and every
/// reference (`agreement`, `supersedes`, `fulfils`, `documents`, `evidence`) pointing at a record
/// of the same partnership.
struct ReferenceCheck {
    let path: String
    let agreements: [(index: Int, value: Agreement)]
    let obligations: [(index: Int, value: Obligation)]
    let activities: [(index: Int, value: Activity)]
    let documents: [(index: Int, value: Document)]
    let assessments: [(index: Int, value: Assessment)]
    let log: IssueLog

    func run() {
        let agreementIds = uniqueIds(agreements.map { ($0.index, $0.value.id) }, field: "agreements", noun: "agreement")
        let obligationIds = uniqueIds(
            obligations.map { ($0.index, $0.value.id) }, field: "obligations", noun: "obligation")
        uniqueIds(activities.map { ($0.index, $0.value.id) }, field: "activities", noun: "activity")
        let documentIds = uniqueIds(documents.map { ($0.index, $0.value.id) }, field: "documents", noun: "document")

        for (index, agreement) in agreements {
            let base = "\(path).agreements[\(index)]"
            if let earlier = agreement.supersedes {
                if earlier == agreement.id {
                    log.add(base + ".supersedes", .danglingReference, "an agreement cannot supersede itself")
                } else {
                    expect(earlier, in: agreementIds, noun: "agreement", at: base + ".supersedes")
                }
            }
        }
        for (index, obligation) in obligations {
            expect(
                obligation.agreement, in: agreementIds, noun: "agreement", at: "\(path).obligations[\(index)].agreement"
            )
        }
        for (index, activity) in activities {
            let base = "\(path).activities[\(index)]"
            for (position, id) in activity.fulfils.enumerated() {
                expect(id, in: obligationIds, noun: "obligation", at: "\(base).fulfils[\(position)]")
            }
            for (position, id) in activity.documents.enumerated() {
                expect(id, in: documentIds, noun: "document", at: "\(base).documents[\(position)]")
            }
            for (resultIndex, result) in activity.results.enumerated() {
                for (position, id) in result.evidence.enumerated() {
                    expect(
                        id, in: documentIds, noun: "document",
                        at: "\(base).results[\(resultIndex)].evidence[\(position)]")
                }
            }
        }
        for (index, assessment) in assessments {
            for (position, evidence) in assessment.evidence.enumerated() {
                expect(
                    evidence.document, in: documentIds, noun: "document",
                    at: "\(path).assessments[\(index)].evidence[\(position)].document")
            }
        }
    }

    @discardableResult
    private func uniqueIds(_ entries: [(Int, String)], field: String, noun: String) -> Set<String> {
        var first: [String: Int] = [:]
        for (index, id) in entries {
            if let earlier = first[id] {
                log.add(
                    "\(path).\(field)[\(index)].id", .duplicateId,
                    "\(noun) id \"\(id)\" is used twice in this partnership (first at \(path).\(field)[\(earlier)])")
            } else {
                first[id] = index
            }
        }
        return Set(first.keys)
    }

    private func expect(_ id: String, in ids: Set<String>, noun: String, at path: String) {
        guard !ids.contains(id) else { return }
        log.add(path, .danglingReference, "no \(noun) with id \"\(id)\" in this partnership")
    }
}
