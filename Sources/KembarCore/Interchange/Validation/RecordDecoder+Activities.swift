/// The parts of a `kembar/1` document that say what an activity was: its people, costs,
/// benefits and results.
extension RecordDecoder {
    static func readActivity(_ value: JSONValue, path: String, log: IssueLog) -> Activity? {
        guard
            let reader = ObjectReader(
                value, path: path,
                fields: [
                    "id", "title", "start", "end", "kind", "areas", "host", "initiator", "fulfils", "participants",
                    "costs", "benefits", "results", "public", "documents",
                ], log: log)
        else { return nil }
        let id = reader.identifier("id")
        let title = reader.string("title")
        let start = reader.date("start")
        let end = reader.date("end", required: false)
        let kind: Activity.Kind? = reader.enumeration("kind")
        let areas = reader.array("areas") { ValueReader.string($0, path: $1, kind: .identifier, log: log) }
        // Host and initiator are often unrecorded for old activities; absence means "not known".
        let host: Activity.Host? = reader.enumeration("host", required: false)
        let initiator: Activity.Initiator? = reader.enumeration("initiator", required: false)
        let fulfils = reader.array("fulfils", required: false) {
            ValueReader.string($0, path: $1, kind: .identifier, log: log)
        }
        let participants = reader.array("participants") { readParticipant($0, path: $1, log: log) }
        let costs = reader.array("costs", required: false) { readCost($0, path: $1, log: log) }
        let benefits = reader.array("benefits") { readBenefit($0, path: $1, log: log) }
        let results = reader.array("results", required: false) { readResult($0, path: $1, log: log) }
        let isPublic = reader.bool("public")
        let documents = reader.array("documents", required: false) {
            ValueReader.string($0, path: $1, kind: .identifier, log: log)
        }
        if let start, let end {
            checkOrder(start, end, path: reader.childPath("end"), startName: "start", log: log)
        }
        guard let id, let title, let start, let kind, let areas, let participants, let benefits, let isPublic
        else { return nil }
        return Activity(
            id: id, title: title, start: start, end: end, kind: kind, areas: areas, host: host, initiator: initiator,
            fulfils: fulfils ?? [], participants: participants, costs: costs ?? [], benefits: benefits,
            results: results ?? [], isPublic: isPublic, documents: documents ?? [])
    }

    static func readParticipant(_ value: JSONValue, path: String, log: IssueLog) -> Participant? {
        guard let reader = ObjectReader(value, path: path, fields: ["side", "group", "role", "count"], log: log)
        else { return nil }
        let side: Side? = reader.enumeration("side")
        let group: Participant.Group? = reader.enumeration("group")
        let role: Participant.Role? = reader.enumeration("role")
        let count = reader.count("count")
        guard let side, let group, let role else { return nil }
        return Participant(side: side, group: group, role: role, count: count)
    }

    static func readCost(_ value: JSONValue, path: String, log: IssueLog) -> Cost? {
        guard let reader = ObjectReader(value, path: path, fields: ["side", "amount", "currency", "kind"], log: log)
        else { return nil }
        let side: Side? = reader.enumeration("side")
        let amount = reader.number("amount", range: FieldRules.amounts)
        let kind: Cost.Kind? = reader.enumeration("kind")
        let currency = reader.string("currency", kind: .identifier)
        if let currency, kind == .money, let problem = FieldRules.currencyProblem(currency) {
            log.add(reader.childPath("currency"), .invalidValue, problem)
        }
        guard let side, let amount, let currency, let kind else { return nil }
        return Cost(side: side, amount: amount, currency: currency, kind: kind)
    }

    static func readBenefit(_ value: JSONValue, path: String, log: IssueLog) -> Benefit? {
        guard let reader = ObjectReader(value, path: path, fields: ["to", "kind", "description"], log: log) else {
            return nil
        }
        let to: Side? = reader.enumeration("to")
        let kind: Benefit.Kind? = reader.enumeration("kind")
        let description = reader.string("description", required: false, kind: .optionalText)
        guard let to, let kind else { return nil }
        return Benefit(to: to, kind: kind, description: description)
    }

    static func readResult(_ value: JSONValue, path: String, log: IssueLog) -> ActivityResult? {
        guard
            let reader = ObjectReader(
                value, path: path,
                fields: [
                    "kind", "directness", "description", "planned", "delivered", "quantity", "evidence", "sustained",
                ], log: log)
        else { return nil }
        let kind: ActivityResult.Kind? = reader.enumeration("kind")
        let directness: ActivityResult.Directness? = reader.enumeration("directness")
        let description = reader.string("description")
        let planned = reader.bool("planned", required: false)
        let delivered = reader.bool("delivered", required: false)
        let quantity = reader.object("quantity", required: false, fields: ["value", "unit"]).flatMap {
            quantity -> Quantity? in
            let number = quantity.number("value", range: FieldRules.amounts)
            let unit = quantity.string("unit")
            guard let number, let unit else { return nil }
            return Quantity(value: number, unit: unit)
        }
        let evidence = reader.array("evidence", required: false) {
            ValueReader.string($0, path: $1, kind: .identifier, log: log)
        }
        let sustained = reader.bool("sustained", required: false)
        guard let kind, let directness, let description else { return nil }
        return ActivityResult(
            kind: kind, directness: directness, description: description, planned: planned, delivered: delivered,
            quantity: quantity, evidence: evidence ?? [], sustained: sustained)
    }
}
