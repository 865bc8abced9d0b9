/// Checks a partnership held as typed values (one built by a form, or stored with an activity
/// the API added) against every rule an import applies to its JSON: the same issues, at the same
/// paths, without writing it out and reading it back.
public enum RecordValidator {
    /// Every issue of `partnership`, located as if it were the first of a `kembar/1` document
    /// (`$.partnerships[0]…`); empty when it may be saved.
    public static func issues(of partnership: Partnership, path: String = "$.partnerships[0]") -> [ValidationIssue] {
        let log = IssueLog()
        PartnershipWalk(log: log, path: path).check(partnership)
        return log.issues
    }

    /// Throws every issue of `partnership` at once, as the decoder does for a document.
    public static func validate(_ partnership: Partnership, path: String = "$.partnerships[0]")
        throws(RecordValidationError)
    {
        let found = issues(of: partnership, path: path)
        if !found.isEmpty { throw RecordValidationError(issues: found) }
    }
}

/// One pass over a partnership, recording issues as it goes.
private struct PartnershipWalk {
    let log: IssueLog
    let path: String

    func check(_ partnership: Partnership) {
        text(partnership.id, "\(path).id", .identifier)
        partner(partnership.partner, "\(path).partner")
        for (index, stage) in partnership.stages.enumerated() {
            optionalText(stage.note, "\(path).stages[\(index)].note", .optionalText)
        }
        for (index, agreement) in partnership.agreements.enumerated() {
            self.agreement(agreement, "\(path).agreements[\(index)]")
        }
        for (index, obligation) in partnership.obligations.enumerated() {
            let base = "\(path).obligations[\(index)]"
            text(obligation.id, "\(base).id", .identifier)
            text(obligation.agreement, "\(base).agreement", .identifier)
            text(obligation.title, "\(base).title", .text)
            order(obligation.from, obligation.until, "\(base).until", startName: "from")
        }
        for (index, activity) in partnership.activities.enumerated() {
            self.activity(activity, "\(path).activities[\(index)]")
        }
        for (index, document) in partnership.documents.enumerated() {
            let base = "\(path).documents[\(index)]"
            text(document.id, "\(base).id", .identifier)
            text(document.title, "\(base).title", .text)
            if let language = document.language, text(language, "\(base).language", .identifier),
                let problem = FieldRules.languageProblem(language)
            {
                log.add("\(base).language", .invalidValue, problem)
            }
            optionalText(document.source, "\(base).source", .text)
            optionalText(document.text, "\(base).text", .optionalText)
        }
        for (index, assessment) in partnership.assessments.enumerated() {
            let base = "\(path).assessments[\(index)]"
            text(assessment.by, "\(base).by", .text)
            text(assessment.note, "\(base).note", .optionalText)
            for (position, evidence) in assessment.evidence.enumerated() {
                text(evidence.document, "\(base).evidence[\(position)].document", .identifier)
                text(evidence.quote, "\(base).evidence[\(position)].quote", .text)
            }
        }
        ReferenceCheck(
            path: path, agreements: Array(partnership.agreements.enumerated()).map { ($0.offset, $0.element) },
            obligations: Array(partnership.obligations.enumerated()).map { ($0.offset, $0.element) },
            activities: Array(partnership.activities.enumerated()).map { ($0.offset, $0.element) },
            documents: Array(partnership.documents.enumerated()).map { ($0.offset, $0.element) },
            assessments: Array(partnership.assessments.enumerated()).map { ($0.offset, $0.element) }, log: log
        ).run()
    }

    private func partner(_ partner: Partner, _ base: String) {
        text(partner.name, "\(base).name", .text)
        optionalText(partner.nativeName, "\(base).nativeName", .text)
        if let problem = FieldRules.countryProblem(partner.country) {
            log.add("\(base).country", .invalidValue, problem)
        }
        if let coordinate = partner.coordinate {
            number(coordinate.latitude, "\(base).lat", FieldRules.latitudes)
            number(coordinate.longitude, "\(base).lon", FieldRules.longitudes)
        }
        if let wikidata = partner.wikidata, text(wikidata, "\(base).wikidata", .identifier),
            let problem = FieldRules.wikidataProblem(wikidata)
        {
            log.add("\(base).wikidata", .invalidValue, problem)
        }
    }

    private func agreement(_ agreement: Agreement, _ base: String) {
        text(agreement.id, "\(base).id", .identifier)
        optionalText(agreement.supersedes, "\(base).supersedes", .identifier)
        for (index, signatory) in agreement.signatories.enumerated() {
            text(signatory.name, "\(base).signatories[\(index)].name", .text)
            optionalText(signatory.title, "\(base).signatories[\(index)].title", .text)
        }
        each(agreement.areas, "\(base).areas", .identifier)
        each(agreement.objectives, "\(base).objectives", .text)
        each(agreement.clauses, "\(base).clauses", .identifier)
        let started = agreement.validFrom ?? agreement.signed
        order(
            started, agreement.validUntil, "\(base).validUntil",
            startName: agreement.validFrom == nil ? "signed" : "validFrom")
    }

    private func activity(_ activity: Activity, _ base: String) {
        text(activity.id, "\(base).id", .identifier)
        text(activity.title, "\(base).title", .text)
        order(activity.start, activity.end, "\(base).end", startName: "start")
        each(activity.areas, "\(base).areas", .identifier)
        each(activity.fulfils, "\(base).fulfils", .identifier)
        each(activity.documents, "\(base).documents", .identifier)
        for (index, participant) in activity.participants.enumerated() {
            if let count = participant.count, count < 0 {
                log.add("\(base).participants[\(index)].count", .negativeNumber, "must not be negative, found \(count)")
            }
        }
        for (index, cost) in activity.costs.enumerated() {
            let costPath = "\(base).costs[\(index)]"
            number(cost.amount, "\(costPath).amount", FieldRules.amounts)
            if text(cost.currency, "\(costPath).currency", .identifier), cost.kind == .money,
                let problem = FieldRules.currencyProblem(cost.currency)
            {
                log.add("\(costPath).currency", .invalidValue, problem)
            }
        }
        for (index, benefit) in activity.benefits.enumerated() {
            optionalText(benefit.description, "\(base).benefits[\(index)].description", .optionalText)
        }
        for (index, result) in activity.results.enumerated() {
            let resultPath = "\(base).results[\(index)]"
            text(result.description, "\(resultPath).description", .text)
            if let quantity = result.quantity {
                number(quantity.value, "\(resultPath).quantity.value", FieldRules.amounts)
                text(quantity.unit, "\(resultPath).quantity.unit", .text)
            }
            each(result.evidence, "\(resultPath).evidence", .identifier)
        }
    }

    // MARK: - Single values

    /// Records the text's problem, if any; true when it has none.
    @discardableResult
    private func text(_ value: String, _ path: String, _ kind: TextKind) -> Bool {
        guard let problem = FieldRules.textProblem(value, kind: kind) else { return true }
        log.add(path, problem.kind, problem.message)
        return false
    }

    private func optionalText(_ value: String?, _ path: String, _ kind: TextKind) {
        if let value { text(value, path, kind) }
    }

    private func each(_ values: [String], _ path: String, _ kind: TextKind) {
        for (index, value) in values.enumerated() { text(value, "\(path)[\(index)]", kind) }
    }

    private func number(_ value: Double, _ path: String, _ range: ClosedRange<Double>) {
        // JSON cannot carry these, a typed value can.
        guard value.isFinite else {
            log.add(path, .outOfRange, "must be a finite number")
            return
        }
        if let problem = FieldRules.numberProblem(value, range: range) { log.add(path, problem.kind, problem.message) }
    }

    private func order(_ start: PartialDate, _ end: PartialDate?, _ path: String, startName: String) {
        if let end, let problem = FieldRules.orderProblem(start, end, startName: startName) {
            log.add(path, .endBeforeStart, problem)
        }
    }
}
