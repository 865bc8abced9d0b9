import Foundation
import Hummingbird
import KembarCore
import KembarStore

/// The evidence pages: the matrix of partnerships × elements, each partnership's evidence with
/// its assessments, the code book, and the exports for qualitative-analysis tools.
struct EvidenceController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        table.on(.evidence) { request, context in try await matrix(request, context) }
        table.on(.projectExport) { request, context in try await project(request, context) }
        table.on(.partnershipEvidence) { request, context in
            try await partnership(request, context, state: FormState(), errors: [:], status: .ok)
        }
        table.on(.assessments, .post) { request, context in
            try await assess(request, context)
        }
        table.on(.codeBook) { request, context in
            try await codeBookPage(request, context, state: FormState(), errors: [:], status: .ok)
        }
        table.on(.codeBook, .post) { request, context in try await addCode(request, context) }
        table.on(.codeBookQDC) { request, context in
            let words = context.words
            return download(
                Array(QDPXExport.codeBookDocument(try await site.evidence.codeBook(words: words)).utf8),
                type: "application/xml; charset=utf-8", name: "kembar-codebook.qdc")
        }
        table.on(.codeBookCSV) { request, context in
            let words = context.words
            return download(
                Array(REFIQDACodeBook.csv(try await site.evidence.codeBook(words: words)).utf8),
                type: "text/csv; charset=utf-8", name: "kembar-codebook.csv")
        }
    }

    private func download(_ bytes: [UInt8], type: String, name: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: DocumentsController.attachment(name)],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    // MARK: - The matrix

    private func matrix(_ request: Request, _ context: KembarRequestContext) async throws -> Response {
        let account = try context.account
        let words = context.words
        let chosen = request.uri.queryParameters["organization"].map(String.init)
        let shown = GovernmentChoice(readable: try await site.organizationIDs(readBy: account), chosen: chosen)
        let records = try await site.records(shown.organizationIDs)
        let excerpts = try await site.evidence.excerpts(organizationIDs: shown.organizationIDs)
        let anchored = anchoredExcerpts(
            excerpts, in: try await site.evidence.codedDocumentTexts(organizationIDs: shown.organizationIDs))
        let view = EvidenceMatrixView(
            records: records, excerpts: anchored, codeBook: try await site.evidence.codeBook(words: words),
            governments: try await shown.links(site, words: words) {
                SitePath.evidence + "?organization=" + $0.addingPercentEncodingForPath()
            }, words: words)
        return try site.page(
            "evidence", title: words.text("evidence_title"), model: view, words: words, request, context,
            section: .evidence
        ).response(from: request, context: context)
    }

    /// Coded passages still found in their document's current text (`texts`, keyed
    /// `organization/partnership/document`), at their current positions.
    private func anchoredExcerpts(_ excerpts: [CodedExcerpt], in texts: [String: String]) -> [CodedExcerpt] {
        excerpts.compactMap { excerpt in
            texts["\(excerpt.organizationID)/\(excerpt.partnershipID)/\(excerpt.documentID)"].flatMap {
                excerpt.anchored(in: $0)
            }
        }
    }

    // MARK: - One partnership

    private func partnership(
        _ request: Request, _ context: KembarRequestContext, state: FormState, errors: [String: String],
        status: HTTPResponse.Status
    ) async throws -> Response {
        let organizationID = try context.organizationID
        let partnershipID = try context.partnershipID
        let account = try context.account
        let words = context.words
        guard let cached = try await site.partnership(organizationID, partnershipID) else {
            throw AccessDenied.notFound
        }
        let excerpts = anchoredExcerpts(
            try await site.evidence.excerpts(organizationIDs: [organizationID], partnershipID: partnershipID),
            in: try await site.evidence.codedDocumentTexts(
                organizationIDs: [organizationID], partnershipID: partnershipID))
        let view = PartnershipEvidenceView(
            organization: cached.organization, partnership: cached.partnership,
            evaluation: cached.evaluation, day: cached.day, excerpts: excerpts,
            codeBook: try await site.evidence.codeBook(words: words),
            form: account.canCodeEvidence(organizationID: organizationID), state: state, errors: errors,
            defaultBy: account.name, saved: SavedNotice.message(of: request, words: words),
            words: words)
        return try site.page(
            "evidence-partnership", title: view.title, model: view, words: words, request, context,
            section: .evidence, status: status
        ).response(from: request, context: context)
    }

    private func assess(_ request: Request, _ context: KembarRequestContext) async throws -> Response {
        let organizationID = try context.organizationID
        let partnershipID = try context.partnershipID
        let words = context.words
        let state = try await FormState.read(request)
        var reader = FormReader(state, words: words)
        let element: KeyElement? = reader.choice("element", required: true)
        let status: ElementStatus? = reader.choice("status", required: true)
        let note = reader.text("note", required: true, maximum: FormReader.maximumText, multiline: true)
        let by = reader.text("by", required: true)
        let date = reader.date("date", required: true)
        var evidence: [Int] = []
        for value in state.all("evidence") {
            guard let id = Int(value) else {
                reader.fail("evidence", "error_choice")
                continue
            }
            evidence.append(id)
        }
        guard reader.errors.isEmpty, let element, let status, let note, let by, let date else {
            return try await partnership(
                request, context, state: state, errors: reader.errors, status: .unprocessableContent)
        }
        do {
            try await site.evidence.assess(
                .init(element: element, status: status, note: note, evidence: evidence, by: by, date: date),
                organizationID: organizationID, partnershipID: partnershipID, actor: context.visitor.actor)
        } catch EvidenceError.evidenceNotFound {
            return try await partnership(
                request, context, state: state, errors: ["evidence": words.text("error_choice")],
                status: .unprocessableContent)
        }
        return Response(
            status: .seeOther,
            headers: [
                .location: SitePath.partnershipEvidence(organizationID, partnershipID)
                    + "?saved=assessment#element-\(element.rawValue)"
            ])
    }

    // MARK: - The code book

    private func codeBookPage(
        _ request: Request, _ context: KembarRequestContext, state: FormState, errors: [String: String],
        status: HTTPResponse.Status
    ) async throws -> Response {
        let account = try context.account
        let words = context.words
        let view = CodeBookView(
            codeBook: try await site.evidence.codeBook(words: words), canAdd: account.canExtendCodeBook, state: state,
            errors: errors, saved: SavedNotice.message(of: request, words: words),
            words: words)
        return try site.page(
            "codebook", title: words.text("codebook_title"), model: view, words: words, request, context,
            section: .evidence, status: status
        ).response(from: request, context: context)
    }

    private func addCode(_ request: Request, _ context: KembarRequestContext) async throws -> Response {
        let account = try context.account
        guard account.canExtendCodeBook else { throw AccessDenied.forbidden }
        let words = context.words
        let state = try await FormState.read(request)
        var reader = FormReader(state, words: words)
        let parent = reader.text("parent", required: true)
        let name = reader.text("name", required: true, maximum: 100)
        let description = reader.text("description", required: false, maximum: FormReader.maximumText, multiline: true)
        guard reader.errors.isEmpty, let parent, let name else {
            return try await codeBookPage(
                request, context, state: state, errors: reader.errors, status: .unprocessableContent)
        }
        do {
            try await site.evidence.addSubCode(
                name: name, description: description ?? "", parent: parent, actor: context.visitor.actor)
        } catch EvidenceError.unknownCode {
            return try await codeBookPage(
                request, context, state: state, errors: ["parent": words.text("error_choice")],
                status: .unprocessableContent)
        } catch EvidenceError.codeExists {
            return try await codeBookPage(
                request, context, state: state, errors: ["name": words.text("codebook_error_exists")],
                status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: SitePath.codeBook + "?saved=code"])
    }

    // MARK: - Export

    private func project(_ request: Request, _ context: KembarRequestContext) async throws -> Response {
        let account = try context.account
        let words = context.words
        let organizationIDs = try await site.organizationIDs(readBy: account)
        let bytes = try await QDPXExport(database: site.database).project(
            organizationIDs: organizationIDs, codeBook: try await site.evidence.codeBook(words: words))
        let name = organizationIDs.count == 1 ? "kembar-\(organizationIDs[0]).qdpx" : "kembar.qdpx"
        return download(bytes, type: "application/zip", name: name)
    }
}
