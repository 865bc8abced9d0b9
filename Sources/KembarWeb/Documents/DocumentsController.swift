import Foundation
import Hummingbird
import KembarCore
import KembarDocuments
import KembarStore

/// Documents of a partnership: upload (officers), reading and downloading (whoever reads the
/// partnership), and coding passages to the code book (researchers, officers, administrators).
struct DocumentsController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        table.on(.newDocument) { request, context in
            try await upload(request, context, post: false)
        }
        table.on(.newDocument, .post) { request, context in
            try await upload(request, context, post: true)
        }
        table.on(.document) { request, context in
            try await document(request, context, state: FormState(), errors: [:], status: .ok)
        }
        table.on(.documentFile) { request, context in
            try await file(request, context)
        }
        table.on(.describeDocument) { request, context in
            try await describe(request, context, post: false)
        }
        table.on(.describeDocument, .post) { request, context in
            try await describe(request, context, post: true)
        }
        table.on(.removeDocument) { request, context in
            try await removal(request, context, post: false)
        }
        table.on(.removeDocument, .post) { request, context in
            try await removal(request, context, post: true)
        }
        table.on(.codings, .post) { request, context in
            try await code(request, context)
        }
        table.on(.removeCoding, .post) {
            request, context in
            try await remove(request, context)
        }
    }

    private func ids(_ context: KembarRequestContext) throws -> (organization: String, partnership: String) {
        (try context.organizationID, try context.partnershipID)
    }

    // MARK: - Upload

    private func upload(_ request: Request, _ context: KembarRequestContext, post: Bool) async throws -> Response {
        let (organizationID, partnershipID) = try ids(context)
        let words = context.words
        guard let stored = try await site.store.partnership(organizationID: organizationID, id: partnershipID) else {
            throw AccessDenied.notFound
        }
        let action = SitePath.newDocument(organizationID, partnershipID)
        let limit = site.intake.limits.maximumBytes
        // Opened from an activity, the document belongs to it and the person returns to it.
        let multipart = post ? context.multipart ?? MultipartForm() : MultipartForm()
        let activityID =
            post ? multipart.fields[UploadForm.forActivity] : request.uri.queryParameters["activity"].map(String.init)
        let activity = activityID.flatMap { id in stored.partnership.activities.first { $0.id == id } }
        let back =
            SitePath.partnership(organizationID, partnershipID)
            + (activity.map { "#" + SitePath.anchor("activity", $0.id) } ?? "")
        var state = FormState()
        if !post {
            state["kind"] = Document.Kind.report.rawValue
            if let activity { state.set("activity", [activity.id]) }
        }
        func form(_ errors: [String: String], status: HTTPResponse.Status) throws -> Response {
            var page = UploadForm.page(
                partnership: stored.partnership, action: action, back: back, state: state, errors: errors,
                words: words, limit: limit)
            if let activity {
                page.intro = [page.intro, words.text("upload_for_activity_intro", ["title": activity.title])]
                    .compactMap { $0 }.joined(separator: " ")
                page.hidden.append(FormPage.HiddenField(name: UploadForm.forActivity, value: activity.id))
            }
            return try site.page(
                "form", title: page.heading, model: page, words: words, request, context, status: status
            )
            .response(from: request, context: context)
        }
        guard post else { return try form([:], status: .ok) }
        // An upload arrives as multipart; a form sent any other way carries no file.
        state = multipart.fields
        let (read, errors) = await received(multipart, state: state, partnership: stored.partnership, words: words)
        guard let (description, file, extracted) = read else { return try form(errors, status: .unprocessableContent) }
        let upload = DocumentUpload(
            description: description, fileName: file.fileName, mediaType: extracted.format.mediaType,
            bytes: file.bytes, text: extracted.text)
        let id = try await site.documents.attach(
            upload, organizationID: organizationID, partnershipID: partnershipID, actor: context.visitor.actor)
        if let activity, description.activityIDs.contains(activity.id) {
            return Response(
                status: .seeOther,
                headers: [
                    .location: SitePath.partnership(organizationID, partnershipID) + "?saved=document#"
                        + SitePath.anchor("activity", activity.id)
                ])
        }
        return Response(
            status: .seeOther,
            headers: [.location: SitePath.document(organizationID, partnershipID, id) + "?saved=document"])
    }

    /// The uploaded file read for its text, and the form's description of it; or every error.
    private func received(
        _ multipart: MultipartForm, state: FormState, partnership: Partnership, words: Words
    ) async -> ((DocumentDescription, MultipartForm.File, ExtractedDocument)?, [String: String]) {
        var errors: [String: String] = [:]
        var extracted: ExtractedDocument?
        let file = multipart.files["file"].flatMap { $0.fileName.isEmpty && $0.bytes.isEmpty ? nil : $0 }
        if let file {
            do throws(IntakeError) {
                extracted = try await site.intake.read(name: file.fileName, bytes: file.bytes)
            } catch {
                errors["file"] = UploadForm.message(error, words: words)
            }
        } else {
            errors["file"] = words.text("upload_error_no_file")
        }
        let (description, fieldErrors) = UploadForm.readDescription(
            state, partnership: partnership, fileName: file?.fileName ?? "", words: words)
        errors.merge(fieldErrors) { first, _ in first }
        guard errors.isEmpty, let description, let file, let extracted else { return (nil, errors) }
        return ((description, file, extracted), [:])
    }

    // MARK: - Description

    /// The form that changes what the record says of a document: title, kind, date, language,
    /// source and activities. The file and its text stay as uploaded.
    private func describe(_ request: Request, _ context: KembarRequestContext, post: Bool) async throws -> Response {
        let (organizationID, partnershipID) = try ids(context)
        let documentID = try context.parameters.require("document")
        let words = context.words
        guard let stored = try await site.store.partnership(organizationID: organizationID, id: partnershipID),
            let document = stored.partnership.documents.first(where: { $0.id == documentID })
        else { throw AccessDenied.notFound }
        let back = SitePath.document(organizationID, partnershipID, documentID)
        let state =
            post
            ? try await FormState.read(request)
            : EditBasis.stamped(UploadForm.state(of: document, in: stored.partnership))
        func page(_ state: FormState, _ errors: [String: String], of document: Document, in partnership: Partnership)
            -> FormPage
        {
            var page = UploadForm.editPage(
                document: document, partnership: partnership,
                action: SitePath.describeDocument(organizationID, partnershipID, documentID), back: back, state: state,
                errors: errors, words: words)
            page.hidden += EditBasis.hidden(state)
            return page
        }
        func form(_ page: FormPage, status: HTTPResponse.Status) throws -> Response {
            try site.page("form", title: page.heading, model: page, words: words, request, context, status: status)
                .response(from: request, context: context)
        }
        guard post else { return try form(page(state, [:], of: document, in: stored.partnership), status: .ok) }
        let (description, errors) = UploadForm.readDescription(
            state, partnership: stored.partnership, fileName: nil, words: words)
        guard let description else {
            return try form(page(state, errors, of: document, in: stored.partnership), status: .unprocessableContent)
        }
        do {
            try await site.documents.describe(
                documentID, as: description, organizationID: organizationID, partnershipID: partnershipID,
                actor: context.visitor.actor
            ) { partnership, document in
                if EditBasis.isOutdated(state, current: UploadForm.state(of: document, in: partnership)) {
                    throw DocumentOutdated(partnership: partnership, document: document)
                }
            }
        } catch let outdated as DocumentOutdated {
            let refused = try await EditConflict(words: words).answer(
                state, current: UploadForm.state(of: outdated.document, in: outdated.partnership),
                of: .init(
                    organizationID: organizationID, partnershipID: partnershipID, entity: "document",
                    entityID: documentID),
                in: site.database
            ) { page($0, $1, of: outdated.document, in: outdated.partnership) }
            return try form(refused, status: .conflict)
        }
        return Response(status: .seeOther, headers: [.location: back + "?saved=document"])
    }

    /// The document's description changed after the form was opened on it; these are they now.
    private struct DocumentOutdated: Error {
        let partnership: Partnership
        let document: Document
    }

    // MARK: - Removal

    /// Asks to confirm, then removes the document with its file and coded passages; a document
    /// that results or assessments cite is kept, and the page says which.
    private func removal(_ request: Request, _ context: KembarRequestContext, post: Bool) async throws -> Response {
        let (organizationID, partnershipID) = try ids(context)
        let documentID = try context.parameters.require("document")
        let words = context.words
        guard
            let preview = try await site.documents.removalPreview(
                organizationID: organizationID, partnershipID: partnershipID, documentID: documentID)
        else { throw AccessDenied.notFound }
        let back = SitePath.document(organizationID, partnershipID, documentID)
        guard preview.citations.isEmpty else {
            return try site.message(
                request, context, words: words, title: words.text("remove_document_title"),
                message: DocumentRemovalPage.citedMessage(preview, words: words),
                status: post ? .unprocessableContent : .ok
            ).response(from: request, context: context)
        }
        guard post else {
            let page = DocumentRemovalPage.confirmation(
                preview, action: SitePath.removeDocument(organizationID, partnershipID, documentID), back: back,
                words: words)
            return try site.page("form", title: page.heading, model: page, words: words, request, context)
                .response(from: request, context: context)
        }
        try await site.documents.remove(
            documentID: documentID, organizationID: organizationID, partnershipID: partnershipID,
            actor: context.visitor.actor)
        return Response(
            status: .seeOther,
            headers: [
                .location: SitePath.partnership(organizationID, partnershipID)
                    + "?saved=\(SavedNotice.documentRemoved.rawValue)#documents"
            ])
    }

    // MARK: - Reading and coding

    private func document(
        _ request: Request, _ context: KembarRequestContext, state: FormState, errors: [String: String],
        status: HTTPResponse.Status
    ) async throws -> Response {
        let (organizationID, partnershipID) = try ids(context)
        let documentID = try context.parameters.require("document")
        let account = try context.account
        let words = context.words
        guard let stored = try await site.store.partnership(organizationID: organizationID, id: partnershipID),
            let document = stored.partnership.documents.first(where: { $0.id == documentID })
        else { throw AccessDenied.notFound }
        let showsCodings = account.canReadEvidence(organizationID: organizationID)
        let excerpts =
            showsCodings
            ? try await site.evidence.excerpts(organizationIDs: [organizationID], partnershipID: partnershipID)
                .filter { $0.documentID == documentID } : []
        let files = try await site.documents.files(organizationID: organizationID, partnershipID: partnershipID)
        let view = DocumentView(
            document: document, partnership: stored.partnership, organization: stored.organization,
            file: files[documentID], excerpts: excerpts, codeBook: try await codeBook(words),
            showsCodings: showsCodings, canCode: account.canCodeEvidence(organizationID: organizationID),
            canEdit: account.canEdit(organizationID: organizationID),
            state: state, errors: errors,
            saved: SavedNotice.message(of: request, words: words), words: words)
        return try site.page("document", title: view.title, model: view, words: words, request, context, status: status)
            .response(from: request, context: context)
    }

    private func file(_ request: Request, _ context: KembarRequestContext) async throws -> Response {
        let (organizationID, partnershipID) = try ids(context)
        let documentID = try context.parameters.require("document")
        guard
            let (file, bytes) = try await site.documents.content(
                organizationID: organizationID, partnershipID: partnershipID, documentID: documentID)
        else { throw AccessDenied.notFound }
        return Response(
            status: .ok,
            headers: [
                .contentType: file.mediaType.hasPrefix("text/") ? file.mediaType + "; charset=utf-8" : file.mediaType,
                .contentDisposition: Self.attachment(file.fileName),
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// Always a download, never shown in place: an uploaded HTML file must not run as Kembar's page.
    static func attachment(_ fileName: String) -> String {
        let ascii = String(
            fileName.unicodeScalars.map {
                $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_"
            })
        let encoded = fileName.addingPercentEncodingForPath()
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    private func code(_ request: Request, _ context: KembarRequestContext) async throws -> Response {
        let (organizationID, partnershipID) = try ids(context)
        let documentID = try context.parameters.require("document")
        let words = context.words
        let state = try await FormState.read(request)
        var reader = FormReader(state, words: words)
        let quote = reader.text("quote", required: true, maximum: 20_000, multiline: true)
        let memo = reader.text("memo", required: false, maximum: FormReader.maximumText, multiline: true)
        let code = reader.text("code", required: true)
        let near = Int(state["near"])
        if let code, try await codeBook(words).code(code) == nil { reader.fail("code", "error_choice") }
        guard reader.errors.isEmpty, let quote, let code else {
            return try await document(
                request, context, state: state, errors: reader.errors, status: .unprocessableContent)
        }
        do {
            let excerpt = try await site.evidence.code(
                .init(documentID: documentID, quote: quote, near: near, code: code, memo: memo ?? ""),
                organizationID: organizationID, partnershipID: partnershipID, actor: context.visitor.actor)
            return Response(
                status: .seeOther,
                headers: [
                    .location: SitePath.document(organizationID, partnershipID, documentID)
                        + "?saved=coding#coding-\(excerpt.id)"
                ])
        } catch let error as EvidenceError {
            let message: String
            switch error {
            case .quote(.notFound): message = words.text("coding_error_not_found")
            case .quote(.empty): message = words.text("error_required")
            case .quote(.ambiguous(let count)):
                message = words.text("coding_error_ambiguous", ["count": words.count(count)])
            case .documentNotFound, .excerptNotFound, .evidenceNotFound: throw AccessDenied.notFound
            case .documentHasNoText: message = words.text("coding_error_no_text")
            case .unknownCode, .codeExists: message = words.text("error_choice")
            }
            let field = { if case .unknownCode = error { return "code" } else { return "quote" } }()
            return try await document(
                request, context, state: state, errors: [field: message], status: .unprocessableContent)
        }
    }

    private func remove(_ request: Request, _ context: KembarRequestContext) async throws -> Response {
        let (organizationID, partnershipID) = try ids(context)
        let documentID = try context.parameters.require("document")
        guard let excerptID = Int(try context.parameters.require("excerpt")) else { throw AccessDenied.notFound }
        do {
            try await site.evidence.remove(
                excerpt: excerptID, organizationID: organizationID, partnershipID: partnershipID,
                actor: context.visitor.actor)
        } catch EvidenceError.excerptNotFound {
            throw AccessDenied.notFound
        }
        return Response(
            status: .seeOther,
            headers: [.location: SitePath.document(organizationID, partnershipID, documentID) + "?saved=uncoded"])
    }

    private func codeBook(_ words: Words) async throws -> CodeBook {
        try await site.evidence.codeBook(words: words)
    }
}

extension EvidenceStore {
    /// The code book with the elements and indicators named in the page's language.
    func codeBook(words: Words) async throws -> CodeBook {
        CodeBook(subCodes: try await subCodes(), words: words)
    }
}
