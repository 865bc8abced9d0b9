/// A REFI-QDA project (QDA-XML 1.0, `urn:QDA-XML:project:1.0`) of a cooperation record's
/// evidence, for qualitative-analysis tools (ATLAS.ti, MAXQDA, NVivo, QualCoder, …): partnerships
/// are cases, documents with text are text sources, coded excerpts are selections coded with the
/// code book, and assessments are notes linked to their partnership.
public struct REFIQDAProject: Sendable {
    /// A partnership and the government it belongs to.
    public struct Case: Sendable {
        public var organization: Organization
        public var partnership: Partnership
        public var partnerName: String

        public init(organization: Organization, partnership: Partnership, partnerName: String) {
            self.organization = organization
            self.partnership = partnership
            self.partnerName = partnerName
        }
    }

    /// The files of a `.qdpx`: `project.qde` and the text of each source under `sources/`.
    public struct Files: Sendable {
        public var project: String
        public var sources: [(path: String, text: String)]
    }

    public var name: String
    public var cases: [Case]
    public var excerpts: [CodedExcerpt]
    public var codeBook: CodeBook
    /// ISO 8601 date and time of the export.
    public var exportedAt: String
    /// A stable GUID for a name (the same name gives the same GUID in every export, so that a tool
    /// re-importing a newer export can match what it already has).
    public var guid: @Sendable (String) -> String

    public init(
        name: String, cases: [Case], excerpts: [CodedExcerpt], codeBook: CodeBook, exportedAt: String,
        guid: @escaping @Sendable (String) -> String
    ) {
        self.name = name
        self.cases = cases
        self.excerpts = excerpts
        self.codeBook = codeBook
        self.exportedAt = exportedAt
        self.guid = guid
    }

    public func files() -> Files {
        var users: [String] = []
        func user(_ name: String) -> String {
            if !users.contains(name) { users.append(name) }
            return guid("user:\(name)")
        }
        var casesXML = ""
        var sourcesXML = ""
        var notesXML = ""
        var linksXML = ""
        var sourceFiles: [(path: String, text: String)] = []
        let byDocument = Dictionary(grouping: excerpts) { "\($0.organizationID)/\($0.partnershipID)/\($0.documentID)" }
        for item in cases {
            let key = "\(item.organization.id)/\(item.partnership.id)"
            let caseGUID = guid("case:\(key)")
            var sourceRefs = ""
            for document in item.partnership.documents {
                guard let text = document.text, !text.isEmpty else { continue }
                let documentKey = "\(key)/\(document.id)"
                let sourceGUID = guid("source:\(documentKey)")
                let path = "\(sourceGUID).txt"
                sourceFiles.append((path, XMLText.allowed(text)))
                sourceRefs += "<SourceRef targetGUID=\"\(sourceGUID)\"/>"
                var selections = ""
                let anchored = (byDocument[documentKey] ?? []).compactMap { $0.anchored(in: text) }
                for excerpt in anchored.sorted(by: { ($0.start, $0.id) < ($1.start, $1.id) }) {
                    guard let code = codeBook.code(excerpt.code) else { continue }
                    let coder = user(excerpt.codedBy)
                    let evidenceNotes = item.partnership.assessments.indices.filter { index in
                        item.partnership.assessments[index].evidence.contains {
                            $0.document == document.id && $0.quote == excerpt.quote
                        }
                    }
                    selections += selection(excerpt, code: code, coder: coder, notes: evidenceNotes, caseKey: key)
                }
                sourcesXML +=
                    "<TextSource guid=\"\(sourceGUID)\" name=\(attribute(document.title)) plainTextPath=\"internal://\(path)\">"
                sourcesXML += "<Description>\(XMLText.escaped(describe(document, in: item)))</Description>"
                sourcesXML += selections + "</TextSource>\n"
            }
            casesXML +=
                "<Case guid=\"\(caseGUID)\" name=\(attribute("\(item.organization.name) – \(item.partnerName)"))>"
            casesXML +=
                "<Description>\(XMLText.escaped("\(item.partnership.kind.rawValue) partnership \(key)"))</Description>"
            casesXML += sourceRefs + "</Case>\n"
            for (index, assessment) in item.partnership.assessments.enumerated() {
                let (note, link) = noteAndLink(
                    assessment, index: index, of: item, caseKey: key, creator: user(assessment.by))
                notesXML += note
                linksXML += link
            }
        }
        let xml = project(users: users, cases: casesXML, sources: sourcesXML, notes: notesXML, links: linksXML)
        return Files(project: xml, sources: sourceFiles.map { ("sources/\($0.path)", $0.text) })
    }

    /// One coded passage: where it lies in the source, who coded it to which code, and the
    /// assessments that cite it.
    private func selection(_ excerpt: CodedExcerpt, code: Code, coder: String, notes: [Int], caseKey: String)
        -> String
    {
        let selectionGUID = guid("selection:\(excerpt.id)")
        var selections =
            "<PlainTextSelection guid=\"\(selectionGUID)\" name=\(attribute(excerpt.quote.prefix(60) + (excerpt.quote.count > 60 ? "…" : ""))) startPosition=\"\(excerpt.start)\" endPosition=\"\(excerpt.end)\" creatingUser=\"\(coder)\" creationDateTime=\"\(excerpt.codedAt)\">"
        if !excerpt.memo.isEmpty {
            selections += "<Description>\(XMLText.escaped(excerpt.memo))</Description>"
        }
        selections +=
            "<Coding guid=\"\(guid("coding:\(excerpt.id)"))\" creatingUser=\"\(coder)\" creationDateTime=\"\(excerpt.codedAt)\"><CodeRef targetGUID=\"\(guid("code:\(code.key)"))\"/></Coding>"
        for index in notes {
            selections += "<NoteRef targetGUID=\"\(guid("note:\(caseKey)/\(index)"))\"/>"
        }
        return selections + "</PlainTextSelection>"
    }

    /// A person's assessment as a note, with the evidence it cites, and its link to the case.
    private func noteAndLink(_ assessment: Assessment, index: Int, of item: Case, caseKey key: String, creator: String)
        -> (note: String, link: String)
    {
        let noteGUID = guid("note:\(key)/\(index)")
        let caseGUID = guid("case:\(key)")
        var text = "\(assessment.element.englishName): \(assessment.status.rawValue)\n\n\(assessment.note)"
        for evidence in assessment.evidence {
            let title = item.partnership.documents.first { $0.id == evidence.document }?.title ?? evidence.document
            text += "\n\n“\(evidence.quote)” (\(title))"
        }
        let note =
            "<Note guid=\"\(noteGUID)\" name=\(attribute("\(item.partnerName): \(assessment.element.englishName), \(assessment.status.rawValue) (\(assessment.by), \(assessment.date.description))")) creatingUser=\"\(creator)\"><PlainTextContent>\(XMLText.escaped(text))</PlainTextContent></Note>\n"
        let link =
            "<Link guid=\"\(guid("link:\(key)/\(index)"))\" name=\"assessment of\" direction=\"OneWay\" originGUID=\"\(noteGUID)\" targetGUID=\"\(caseGUID)\"/>\n"
        return (note, link)
    }

    /// The project document around its parts.
    private func project(users: [String], cases: String, sources: String, notes: String, links: String) -> String {
        let (casesXML, sourcesXML, notesXML, linksXML) = (cases, sources, notes, links)
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml +=
            "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\(attribute(name)) origin=\"Kembar\" creationDateTime=\"\(exportedAt)\">\n"
        if !users.isEmpty {
            xml += "<Users>"
            for name in users { xml += "<User guid=\"\(guid("user:\(name)"))\" name=\(attribute(name))/>" }
            xml += "</Users>\n"
        }
        xml += "<CodeBook>\(REFIQDACodeBook.codes(codeBook, guid: guid))</CodeBook>\n"
        if !casesXML.isEmpty { xml += "<Cases>\n\(casesXML)</Cases>\n" }
        if !sourcesXML.isEmpty { xml += "<Sources>\n\(sourcesXML)</Sources>\n" }
        if !notesXML.isEmpty { xml += "<Notes>\n\(notesXML)</Notes>\n" }
        if !linksXML.isEmpty { xml += "<Links>\n\(linksXML)</Links>\n" }
        xml += "<Description>\(XMLText.escaped("Exported from Kembar on \(exportedAt)."))</Description>\n"
        xml += "</Project>\n"
        return xml
    }

    private func describe(_ document: Document, in item: Case) -> String {
        var parts = [document.kind.rawValue]
        if let date = document.date { parts.append(date.description) }
        if let language = document.language { parts.append(language) }
        if let source = document.source { parts.append(source) }
        return parts.joined(separator: ", ")
    }

    private func attribute(_ value: some StringProtocol) -> String {
        "\"\(XMLText.escaped(String(value)))\""
    }
}
