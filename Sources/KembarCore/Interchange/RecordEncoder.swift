/// Writes a ``CooperationRecord`` as a `kembar/1` document in canonical form: members in the order
/// of the format's specification, optional members left out when empty or unknown.
public enum RecordEncoder {
    public static func encode(_ record: CooperationRecord) -> [UInt8] {
        var output: [UInt8] = []
        write(record) { output.append(contentsOf: $0) }
        return output
    }

    /// Writes the document in pieces of about a megabyte, one partnership's tree at a time, so that a
    /// national record is never held as one tree or one buffer. The bytes are those of
    /// `JSONWriter.bytes(value(record))`.
    public static func write<E: Error>(_ record: CooperationRecord, to emit: ([UInt8]) throws(E) -> Void) throws(E) {
        let flushSize = 1 << 20
        var buffer: [UInt8] = []
        buffer.reserveCapacity(flushSize + 65_536)
        buffer.append(contentsOf: "{\n".utf8)
        JSONWriter.writeIndent(1, to: &buffer)
        buffer.append(contentsOf: "\"format\": ".utf8)
        JSONWriter.writeString(CooperationRecord.formatIdentifier, to: &buffer)
        buffer.append(contentsOf: ",\n".utf8)
        JSONWriter.writeIndent(1, to: &buffer)
        buffer.append(contentsOf: "\"organization\": ".utf8)
        JSONWriter.write(value(record.organization), indent: 1, to: &buffer)
        buffer.append(contentsOf: ",\n".utf8)
        JSONWriter.writeIndent(1, to: &buffer)
        buffer.append(contentsOf: "\"partnerships\": ".utf8)
        if record.partnerships.isEmpty {
            buffer.append(contentsOf: "[]".utf8)
        } else {
            buffer.append(UInt8(ascii: "["))
            for (position, partnership) in record.partnerships.enumerated() {
                buffer.append(contentsOf: position == 0 ? "\n".utf8 : ",\n".utf8)
                JSONWriter.writeIndent(2, to: &buffer)
                JSONWriter.write(value(partnership), indent: 2, to: &buffer)
                if buffer.count >= flushSize {
                    try emit(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            buffer.append(0x0A)
            JSONWriter.writeIndent(1, to: &buffer)
            buffer.append(UInt8(ascii: "]"))
        }
        buffer.append(contentsOf: "\n}\n".utf8)
        try emit(buffer)
    }

    public static func value(_ record: CooperationRecord) -> JSONValue {
        .object([
            .init("format", .string(CooperationRecord.formatIdentifier)),
            .init("organization", value(record.organization)),
            .init("partnerships", .array(record.partnerships.map(value))),
        ])
    }

    public static func value(_ organization: Organization) -> JSONValue {
        var place = ObjectBuilder()
        place["name"] = .string(organization.place.name)
        place["country"] = .string(organization.place.country)
        place.add(organization.place.coordinate)
        var object = ObjectBuilder()
        object["id"] = .string(organization.id)
        object["name"] = .string(organization.name)
        object["place"] = place.value
        object["cooperationOfficers"] = organization.cooperationOfficers.map { .number(Double($0)) }
        object["cooperationCount"] = organization.cooperationCount.map { .number(Double($0)) }
        object["level"] = organization.level.map { .string($0.rawValue) }
        object["parent"] = organization.parent.map(JSONValue.string)
        object["regionCode"] = organization.regionCode.map(JSONValue.string)
        return object.value
    }

    public static func value(_ partner: Partner) -> JSONValue {
        var object = ObjectBuilder()
        object["name"] = .string(partner.name)
        object["nativeName"] = partner.nativeName.map(JSONValue.string)
        object["country"] = .string(partner.country)
        object["kind"] = .string(partner.kind.rawValue)
        object.add(partner.coordinate)
        object["wikidata"] = partner.wikidata.map(JSONValue.string)
        return object.value
    }

    public static func value(_ partnership: Partnership) -> JSONValue {
        var object = ObjectBuilder()
        object["id"] = .string(partnership.id)
        object["kind"] = .string(partnership.kind.rawValue)
        object["partner"] = value(partnership.partner)
        object["stages"] = .array(partnership.stages.map(value))
        object["agreements"] = .array(partnership.agreements.map(value))
        object["obligations"] = .array(partnership.obligations.map(value))
        object["activities"] = .array(partnership.activities.map(value))
        object.addNonEmpty("documents", partnership.documents.map(value))
        object.addNonEmpty("assessments", partnership.assessments.map(value))
        return object.value
    }

    public static func value(_ stage: StageEvent) -> JSONValue {
        var object = ObjectBuilder()
        object["stage"] = .string(stage.stage.rawValue)
        object["date"] = .string(stage.date.description)
        object["note"] = stage.note.map(JSONValue.string)
        return object.value
    }

    public static func value(_ agreement: Agreement) -> JSONValue {
        var object = ObjectBuilder()
        object["id"] = .string(agreement.id)
        object["type"] = .string(agreement.type.rawValue)
        object["signed"] = .string(agreement.signed.description)
        object["validFrom"] = agreement.validFrom.map { .string($0.description) }
        object["validUntil"] = agreement.validUntil.map { .string($0.description) }
        object["supersedes"] = agreement.supersedes.map(JSONValue.string)
        object["signatories"] = .array(
            agreement.signatories.map { signatory in
                var entry = ObjectBuilder()
                entry["side"] = .string(signatory.side.rawValue)
                entry["name"] = .string(signatory.name)
                entry["title"] = signatory.title.map(JSONValue.string)
                return entry.value
            })
        object["areas"] = .array(agreement.areas.map(JSONValue.string))
        object["objectives"] = .array(agreement.objectives.map(JSONValue.string))
        object["clauses"] = .array(agreement.clauses.map(JSONValue.string))
        return object.value
    }

    public static func value(_ obligation: Obligation) -> JSONValue {
        var object = ObjectBuilder()
        object["id"] = .string(obligation.id)
        object["agreement"] = .string(obligation.agreement)
        object["title"] = .string(obligation.title)
        object["every"] = .string(obligation.every.rawValue)
        object["from"] = .string(obligation.from.description)
        object["until"] = obligation.until.map { .string($0.description) }
        object["alternateHost"] = obligation.alternateHost.map(JSONValue.bool)
        return object.value
    }

    public static func value(_ activity: Activity) -> JSONValue {
        var object = ObjectBuilder()
        object["id"] = .string(activity.id)
        object["title"] = .string(activity.title)
        object["start"] = .string(activity.start.description)
        object["end"] = activity.end.map { .string($0.description) }
        object["kind"] = .string(activity.kind.rawValue)
        object["areas"] = .array(activity.areas.map(JSONValue.string))
        object["host"] = activity.host.map { .string($0.rawValue) }
        object["initiator"] = activity.initiator.map { .string($0.rawValue) }
        object.addNonEmpty("fulfils", activity.fulfils.map(JSONValue.string))
        object["participants"] = .array(activity.participants.map(value))
        object.addNonEmpty("costs", activity.costs.map(value))
        object["benefits"] = .array(activity.benefits.map(value))
        object.addNonEmpty("results", activity.results.map(value))
        object["public"] = .bool(activity.isPublic)
        object.addNonEmpty("documents", activity.documents.map(JSONValue.string))
        return object.value
    }

    public static func value(_ participant: Participant) -> JSONValue {
        var object = ObjectBuilder()
        object["side"] = .string(participant.side.rawValue)
        object["group"] = .string(participant.group.rawValue)
        object["role"] = .string(participant.role.rawValue)
        object["count"] = participant.count.map { .number(Double($0)) }
        return object.value
    }

    public static func value(_ cost: Cost) -> JSONValue {
        .object([
            .init("side", .string(cost.side.rawValue)),
            .init("amount", .number(cost.amount)),
            .init("currency", .string(cost.currency)),
            .init("kind", .string(cost.kind.rawValue)),
        ])
    }

    public static func value(_ benefit: Benefit) -> JSONValue {
        var object = ObjectBuilder()
        object["to"] = .string(benefit.to.rawValue)
        object["kind"] = .string(benefit.kind.rawValue)
        object["description"] = benefit.description.map(JSONValue.string)
        return object.value
    }

    public static func value(_ result: ActivityResult) -> JSONValue {
        var object = ObjectBuilder()
        object["kind"] = .string(result.kind.rawValue)
        object["directness"] = .string(result.directness.rawValue)
        object["description"] = .string(result.description)
        object["planned"] = result.planned.map(JSONValue.bool)
        object["delivered"] = result.delivered.map(JSONValue.bool)
        object["quantity"] = result.quantity.map {
            .object([.init("value", .number($0.value)), .init("unit", .string($0.unit))])
        }
        object.addNonEmpty("evidence", result.evidence.map(JSONValue.string))
        object["sustained"] = result.sustained.map(JSONValue.bool)
        return object.value
    }

    public static func value(_ document: Document) -> JSONValue {
        var object = ObjectBuilder()
        object["id"] = .string(document.id)
        object["title"] = .string(document.title)
        object["kind"] = .string(document.kind.rawValue)
        object["date"] = document.date.map { .string($0.description) }
        object["language"] = document.language.map(JSONValue.string)
        object["source"] = document.source.map(JSONValue.string)
        object["text"] = document.text.map(JSONValue.string)
        return object.value
    }

    public static func value(_ assessment: Assessment) -> JSONValue {
        var object = ObjectBuilder()
        object["element"] = .string(assessment.element.rawValue)
        object["status"] = .string(assessment.status.rawValue)
        object["by"] = .string(assessment.by)
        object["date"] = .string(assessment.date.description)
        object["note"] = .string(assessment.note)
        object.addNonEmpty(
            "evidence",
            assessment.evidence.map {
                .object([.init("document", .string($0.document)), .init("quote", .string($0.quote))])
            })
        return object.value
    }
}

/// Builds an object member by member; assigning nil leaves the member out.
private struct ObjectBuilder {
    private var members: [JSONValue.Member] = []

    var value: JSONValue { .object(members) }

    subscript(key: String) -> JSONValue? {
        get { members.first(where: { $0.key == key })?.value }
        set { if let newValue { members.append(.init(key, newValue)) } }
    }

    mutating func addNonEmpty(_ key: String, _ items: [JSONValue]) {
        if !items.isEmpty { members.append(.init(key, .array(items))) }
    }

    mutating func add(_ coordinate: Coordinate?) {
        guard let coordinate else { return }
        members.append(.init("lat", .number(coordinate.latitude)))
        members.append(.init("lon", .number(coordinate.longitude)))
    }
}
