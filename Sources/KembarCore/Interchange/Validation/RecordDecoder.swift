import Foundation

/// Turns a `kembar/1` document into a ``CooperationRecord``, or reports every problem in it.
///
/// The whole document is checked before anything is returned: structure, types, enumerations,
/// dates, numbers, unique ids and references between records. Nothing partial ever comes out.
public enum RecordDecoder {
    /// Decodes a document read from a file. Partnerships are decoded one at a time while the
    /// file is parsed, so a national record is never held as one JSON tree.
    public static func decode(_ data: Data) throws(RecordValidationError) -> CooperationRecord {
        let log = IssueLog()
        var partnerships: [Partnership] = []
        var ids: [String] = []
        let root: JSONValue
        do {
            root = try JSONParser.parse(data, streamingArrayMember: "partnerships") { element, index in
                let partnership = readPartnership(element, path: "$.partnerships[\(index)]", log: log)
                ids.append(partnership?.id ?? "")
                if let partnership { partnerships.append(partnership) }
            }
        } catch {
            throw RecordValidationError(issues: [
                ValidationIssue(path: "$", kind: .syntax, message: "not valid JSON: \(error)")
            ])
        }
        return try finish(root, streamed: (partnerships, ids), log: log)
    }

    public static func decode(_ bytes: [UInt8]) throws(RecordValidationError) -> CooperationRecord {
        try decode(Data(bytes))
    }

    public static func decode(_ value: JSONValue) throws(RecordValidationError) -> CooperationRecord {
        try finish(value, streamed: nil, log: IssueLog())
    }

    /// One activity object, checked as it would be inside a document at `path` (the API adds
    /// activities one at a time); references to the partnership's records are checked with the
    /// partnership (``RecordValidator``).
    public static func activity(_ value: JSONValue, path: String) throws(RecordValidationError) -> Activity {
        let log = IssueLog()
        let activity = readActivity(value, path: path, log: log)
        if let activity, log.issues.isEmpty { return activity }
        throw RecordValidationError(issues: log.issues)
    }

    private static func finish(
        _ root: JSONValue, streamed: (partnerships: [Partnership], ids: [String])?, log: IssueLog
    ) throws(RecordValidationError) -> CooperationRecord {
        let record = readRecord(root, streamed: streamed, log: log)
        if let record, log.issues.isEmpty { return record }
        throw RecordValidationError(issues: log.issues)
    }

    private static func readRecord(
        _ value: JSONValue, streamed: (partnerships: [Partnership], ids: [String])?, log: IssueLog
    ) -> CooperationRecord? {
        guard let root = ObjectReader(value, path: "$", fields: ["format", "organization", "partnerships"], log: log)
        else { return nil }
        if let format = root.string("format"), format != CooperationRecord.formatIdentifier {
            log.add(
                root.childPath("format"), .unsupportedFormat,
                "\"\(format)\" is not supported; this version reads \"\(CooperationRecord.formatIdentifier)\"")
        }
        let organization = root.object(
            "organization",
            fields: ["id", "name", "place", "cooperationOfficers", "cooperationCount", "level", "parent", "regionCode"]
        ).flatMap(readOrganization)
        var partnerships: [Partnership]?
        var ids: [String]?
        if let items = root.array("partnerships", { item, _ in item }) {
            if let streamed {
                // The parser streamed the partnerships; the tree holds an empty placeholder array.
                (partnerships, ids) = streamed
            } else {
                (partnerships, ids) = ([], [])
                for (index, item) in items.enumerated() {
                    let partnership = readPartnership(item, path: "$.partnerships[\(index)]", log: log)
                    ids?.append(partnership?.id ?? "")
                    if let partnership { partnerships?.append(partnership) }
                }
            }
        }
        if let ids {
            reportDuplicates(ids, path: "$.partnerships", noun: "partnership", field: "id", log: log)
        }
        guard let organization, let partnerships else { return nil }
        return CooperationRecord(organization: organization, partnerships: partnerships)
    }

    private static func readOrganization(_ reader: ObjectReader) -> Organization? {
        let id = reader.identifier("id")
        let name = reader.string("name")
        let place = reader.object("place", fields: ["name", "country", "lat", "lon"]).flatMap { place in
            let name = place.string("name")
            let country = readCountry(place, "country")
            let coordinate = readCoordinate(place)
            return name.flatMap { name in
                country.map { Place(name: name, country: $0, coordinate: coordinate ?? nil) }
            }
        }
        let officers = reader.count("cooperationOfficers")
        let cooperations = reader.count("cooperationCount")
        let level: Organization.Level? = reader.enumeration("level", required: false)
        let parent = reader.identifier("parent", required: false)
        let regionCode = reader.string("regionCode", required: false, kind: .identifier)
        if let regionCode, !Organization.isRegionCode(regionCode) {
            reader.log.add(
                reader.childPath("regionCode"), .invalidValue,
                "\"\(regionCode)\" is not a region code as the ministry writes them (e.g. 32 for a province, 32.73 for a city)"
            )
        }
        if let parent, parent == id {
            reader.log.add(reader.childPath("parent"), .invalidValue, "a government cannot belong to itself")
        } else if parent != nil, let level, level.parentLevels.isEmpty {
            reader.log.add(
                reader.childPath("parent"), .invalidValue, "a \(level.rawValue) government belongs to no other")
        }
        guard let id, let name, let place else { return nil }
        return Organization(
            id: id, name: name, place: place, cooperationOfficers: officers, cooperationCount: cooperations,
            level: level, parent: parent, regionCode: regionCode)
    }

    private static func readPartnership(_ value: JSONValue, path: String, log: IssueLog) -> Partnership? {
        guard
            let reader = ObjectReader(
                value, path: path,
                fields: [
                    "id", "kind", "partner", "stages", "agreements", "obligations", "activities", "documents",
                    "assessments",
                ], log: log)
        else { return nil }
        let id = reader.identifier("id")
        let kind: Partnership.Kind? = reader.enumeration("kind")
        let partner = reader.object(
            "partner", fields: ["name", "nativeName", "country", "kind", "lat", "lon", "wikidata"]
        ).flatMap(readPartner)
        let stages = reader.array("stages") { readStage($0, path: $1, log: log) }
        let agreements = reader.indexedArray("agreements") { readAgreement($0, path: $1, log: log) }
        let obligations = reader.indexedArray("obligations") { readObligation($0, path: $1, log: log) }
        let activities = reader.indexedArray("activities") { readActivity($0, path: $1, log: log) }
        let documents = reader.indexedArray("documents", required: false) { readDocument($0, path: $1, log: log) }
        let assessments = reader.indexedArray("assessments", required: false) {
            readAssessment($0, path: $1, log: log)
        }
        ReferenceCheck(
            path: path, agreements: agreements ?? [], obligations: obligations ?? [], activities: activities ?? [],
            documents: documents ?? [], assessments: assessments ?? [], log: log
        ).run()

        guard let id, let kind, let partner, let stages, let agreements, let obligations, let activities else {
            return nil
        }
        return Partnership(
            id: id, kind: kind, partner: partner, stages: stages, agreements: agreements.map(\.value),
            obligations: obligations.map(\.value), activities: activities.map(\.value),
            documents: documents?.map(\.value) ?? [], assessments: assessments?.map(\.value) ?? [])
    }

    private static func readPartner(_ reader: ObjectReader) -> Partner? {
        let name = reader.string("name")
        let nativeName = reader.string("nativeName", required: false)
        let country = readCountry(reader, "country")
        let kind: Partner.Kind? = reader.enumeration("kind")
        let coordinate = readCoordinate(reader)
        let wikidata = reader.string("wikidata", required: false, kind: .identifier)
        if let wikidata, let problem = FieldRules.wikidataProblem(wikidata) {
            reader.log.add(reader.childPath("wikidata"), .invalidValue, problem)
        }
        guard let name, let country, let kind else { return nil }
        return Partner(
            name: name, nativeName: nativeName, country: country, kind: kind, coordinate: coordinate ?? nil,
            wikidata: wikidata)
    }

    private static func readStage(_ value: JSONValue, path: String, log: IssueLog) -> StageEvent? {
        guard let reader = ObjectReader(value, path: path, fields: ["stage", "date", "note"], log: log) else {
            return nil
        }
        let stage: StageEvent.Stage? = reader.enumeration("stage")
        let date = reader.date("date")
        let note = reader.string("note", required: false, kind: .optionalText)
        guard let stage, let date else { return nil }
        return StageEvent(stage: stage, date: date, note: note)
    }

    private static func readAgreement(_ value: JSONValue, path: String, log: IssueLog) -> Agreement? {
        guard
            let reader = ObjectReader(
                value, path: path,
                fields: [
                    "id", "type", "signed", "validFrom", "validUntil", "supersedes", "signatories", "areas",
                    "objectives", "clauses",
                ], log: log)
        else { return nil }
        let id = reader.identifier("id")
        let type: Agreement.Kind? = reader.enumeration("type")
        let signed = reader.date("signed")
        let validFrom = reader.date("validFrom", required: false)
        let validUntil = reader.date("validUntil", required: false)
        let supersedes = reader.identifier("supersedes", required: false)
        let signatories = reader.array("signatories") { item, itemPath -> Signatory? in
            guard let signatory = ObjectReader(item, path: itemPath, fields: ["side", "name", "title"], log: log)
            else { return nil }
            let side: Side? = signatory.enumeration("side")
            let name = signatory.string("name")
            let title = signatory.string("title", required: false)
            guard let side, let name else { return nil }
            return Signatory(side: side, name: name, title: title)
        }
        let areas = reader.array("areas") { ValueReader.string($0, path: $1, kind: .identifier, log: log) }
        let objectives = reader.array("objectives") { ValueReader.string($0, path: $1, kind: .text, log: log) }
        let clauses = reader.array("clauses") { ValueReader.string($0, path: $1, kind: .identifier, log: log) }
        if let until = validUntil, let start = validFrom ?? signed {
            checkOrder(
                start, until, path: reader.childPath("validUntil"),
                startName: validFrom == nil ? "signed" : "validFrom", log: log)
        }
        guard let id, let type, let signed, let signatories, let areas, let objectives, let clauses else { return nil }
        return Agreement(
            id: id, type: type, signed: signed, validFrom: validFrom, validUntil: validUntil, supersedes: supersedes,
            signatories: signatories, areas: areas, objectives: objectives, clauses: clauses)
    }

    private static func readObligation(_ value: JSONValue, path: String, log: IssueLog) -> Obligation? {
        guard
            let reader = ObjectReader(
                value, path: path, fields: ["id", "agreement", "title", "every", "from", "until", "alternateHost"],
                log: log)
        else { return nil }
        let id = reader.identifier("id")
        let agreement = reader.identifier("agreement")
        let title = reader.string("title")
        let every: Obligation.Recurrence? = reader.enumeration("every")
        let from = reader.date("from")
        let until = reader.date("until", required: false)
        let alternateHost = reader.bool("alternateHost", required: false)
        if let from, let until {
            checkOrder(from, until, path: reader.childPath("until"), startName: "from", log: log)
        }
        guard let id, let agreement, let title, let every, let from else { return nil }
        return Obligation(
            id: id, agreement: agreement, title: title, every: every, from: from, until: until,
            alternateHost: alternateHost)
    }

    private static func readDocument(_ value: JSONValue, path: String, log: IssueLog) -> Document? {
        guard
            let reader = ObjectReader(
                value, path: path, fields: ["id", "title", "kind", "date", "language", "source", "text"], log: log)
        else { return nil }
        let id = reader.identifier("id")
        let title = reader.string("title")
        let kind: Document.Kind? = reader.enumeration("kind")
        let date = reader.date("date", required: false)
        let language = reader.string("language", required: false, kind: .identifier)
        if let language, let problem = FieldRules.languageProblem(language) {
            log.add(reader.childPath("language"), .invalidValue, problem)
        }
        let source = reader.string("source", required: false)
        let text = reader.string("text", required: false, kind: .optionalText)
        guard let id, let title, let kind else { return nil }
        return Document(id: id, title: title, kind: kind, date: date, language: language, source: source, text: text)
    }

    private static func readAssessment(_ value: JSONValue, path: String, log: IssueLog) -> Assessment? {
        guard
            let reader = ObjectReader(
                value, path: path, fields: ["element", "status", "by", "date", "note", "evidence"], log: log)
        else { return nil }
        let element: KeyElement? = reader.enumeration("element")
        let status: ElementStatus? = reader.enumeration("status")
        let by = reader.string("by")
        let date = reader.date("date")
        let note = reader.string("note", kind: .optionalText)
        let evidence = reader.array("evidence", required: false) { item, itemPath -> Evidence? in
            guard let quote = ObjectReader(item, path: itemPath, fields: ["document", "quote"], log: log) else {
                return nil
            }
            let document = quote.identifier("document")
            let text = quote.string("quote")
            guard let document, let text else { return nil }
            return Evidence(document: document, quote: text)
        }
        guard let element, let status, let by, let date, let note else { return nil }
        return Assessment(element: element, status: status, by: by, date: date, note: note, evidence: evidence ?? [])
    }

    // MARK: - Shared checks

    private static func readCountry(_ reader: ObjectReader, _ key: String) -> String? {
        guard let code = reader.string(key, kind: .identifier) else { return nil }
        if let problem = FieldRules.countryProblem(code) {
            reader.log.add(reader.childPath(key), .invalidValue, problem)
            return nil
        }
        return code
    }

    /// Nil when neither is given; `.some(nil)` when one is wrong or given alone (an issue is recorded).
    private static func readCoordinate(_ reader: ObjectReader) -> Coordinate?? {
        let latitude = reader.number("lat", required: false, range: FieldRules.latitudes)
        let longitude = reader.number("lon", required: false, range: FieldRules.longitudes)
        let hasLatitude = reader.value("lat", required: false) != nil
        let hasLongitude = reader.value("lon", required: false) != nil
        if hasLatitude != hasLongitude {
            let missing = hasLatitude ? "lon" : "lat"
            reader.log.add(
                reader.childPath(missing), .missingField, "\"lat\" and \"lon\" go together; \"\(missing)\" is missing")
            return .some(nil)
        }
        guard hasLatitude else { return nil }
        guard let latitude, let longitude else { return .some(nil) }
        return .some(Coordinate(latitude: latitude, longitude: longitude))
    }

    static func checkOrder(_ start: PartialDate, _ end: PartialDate, path: String, startName: String, log: IssueLog) {
        if let problem = FieldRules.orderProblem(start, end, startName: startName) {
            log.add(path, .endBeforeStart, problem)
        }
    }

    static func reportDuplicates(_ ids: [String], path: String, noun: String, field: String, log: IssueLog) {
        var firstIndex: [String: Int] = [:]
        for (index, id) in ids.enumerated() where !id.isEmpty {
            if let earlier = firstIndex[id] {
                log.add(
                    "\(path)[\(index)].\(field)", .duplicateId,
                    "\(noun) id \"\(id)\" is used twice (first at \(path)[\(earlier)])")
            } else {
                firstIndex[id] = index
            }
        }
    }
}
