import Foundation
import Hummingbird
import KembarCore
import KembarDocuments
import KembarStore

/// Bringing an office's own list: upload it, see what it would do, confirm. Nothing is written
/// before the confirmation; the upload is kept (for its uploader alone) between the two.
struct ImportController {
    let site: Site

    func addRoutes(to table: inout RouteTable) {
        table.on(.importList) { request, context in try await upload(request, context, post: false) }
        table.on(.importList, .post) { request, context in try await upload(request, context, post: true) }
        table.on(.importPreview) { request, context in try await preview(request, context) }
        table.on(.importPreview, .post) { request, context in try await decide(request, context) }
        table.on(.importTemplate) { _, context in
            SpreadsheetResponse.attachment(
                RecordSpreadsheets(words: context.words).template(), name: "kembar-daftar-kerja-sama.xlsx")
        }
        table.on(.recordWorkbook) { _, context in try await workbook(context) }
    }

    /// The governments the account may import into; refused when none.
    private func editable(_ context: KembarRequestContext) async throws -> [Organization] {
        let account = try context.account
        let organizations = try await site.store.organizations()
        let editable = organizations.filter { account.canEdit(organizationID: $0.id) }
        guard !editable.isEmpty else {
            throw account.readsWholePortfolio && !organizations.isEmpty ? AccessDenied.forbidden : .notFound
        }
        return editable
    }

    private func upload(_ request: Request, _ context: KembarRequestContext, post: Bool) async throws -> Response {
        let words = context.words
        let organizations = try await editable(context)
        let query = request.uri.queryParameters
        func page(_ view: ImportPageView, status: HTTPResponse.Status = .ok) throws -> Response {
            try site.page(
                "import", title: words.text("import_title"), model: view, words: words, request, context,
                status: status
            ).response(from: request, context: context)
        }
        guard post else {
            let written = ImportPageView.Written(query: query, words: words)
            return try page(
                ImportPageView(organizations: organizations, chosen: nil, written: written, error: nil, words: words))
        }
        let form = context.multipart ?? MultipartForm()
        let chosen = organizations.first { $0.id == form.fields["organization"] } ?? organizations[0]
        func refuse(_ error: String) throws -> Response {
            try page(
                ImportPageView(
                    organizations: organizations, chosen: chosen.id, written: nil, error: error, words: words),
                status: .unprocessableContent)
        }
        guard let file = form.files["file"], !file.bytes.isEmpty else {
            return try refuse(words.text("import_no_file"))
        }
        do throws(SpreadsheetError) {
            _ = try SpreadsheetFile.read(file.bytes, fileName: file.fileName)
        } catch {
            return try refuse(words.refusal(error))
        }
        let id = try await PendingImportStore(database: site.database).keep(
            file.bytes, fileName: file.fileName, organizationID: chosen.id, actor: context.visitor.actor)
        return Response(status: .seeOther, headers: [.location: SitePath.importPreview(chosen.id, id)])
    }

    /// The upload of this address, for the person who made it.
    private func pending(_ context: KembarRequestContext) async throws -> (PendingImport, Spreadsheet) {
        let organizationID = try context.organizationID
        let id = try context.parameters.require("upload")
        guard
            let pending = try await PendingImportStore(database: site.database).pending(
                id, organizationID: organizationID, actor: context.visitor.actor),
            let spreadsheet = try? SpreadsheetFile.read(pending.bytes, fileName: pending.fileName)
        else { throw AccessDenied.notFound }
        return (pending, spreadsheet)
    }

    private func preview(_ request: Request, _ context: KembarRequestContext) async throws -> Response {
        let (pending, spreadsheet) = try await pending(context)
        let plan = try await SpreadsheetImportStore(database: site.database).preview(
            spreadsheet, choices: pending.choices, organizationID: pending.organizationID, fileName: pending.fileName)
        return try show(plan, pending, request, context, status: .ok)
    }

    private func show(
        _ plan: ImportPlan, _ pending: PendingImport, _ request: Request, _ context: KembarRequestContext,
        status: HTTPResponse.Status
    ) throws -> Response {
        let words = context.words
        let view = ImportPreviewView(plan: plan, pending: pending, words: words)
        return try site.page(
            "import-preview", title: words.text("import_preview_title", ["file": pending.fileName]), model: view,
            words: words, request, context, status: status
        ).response(from: request, context: context)
    }

    /// The person's answer to the preview: fields for unknown columns, or the confirmation.
    private func decide(_ request: Request, _ context: KembarRequestContext) async throws -> Response {
        let (pending, spreadsheet) = try await pending(context)
        let form = try await FormState.read(request)
        let address = SitePath.importPreview(pending.organizationID, pending.id)
        let store = SpreadsheetImportStore(database: site.database)
        guard form["step"] == "confirm" else {
            let plan = try await store.preview(
                spreadsheet, choices: pending.choices, organizationID: pending.organizationID,
                fileName: pending.fileName)
            try await PendingImportStore(database: site.database).choose(
                ImportPreviewView.choices(form, layouts: plan.layouts), for: pending.id, actor: context.visitor.actor)
            return Response(status: .seeOther, headers: [.location: address])
        }
        let (plan, written) = try await store.write(
            spreadsheet, choices: pending.choices, organizationID: pending.organizationID, fileName: pending.fileName,
            actor: context.visitor.actor)
        guard written || (!plan.hasErrors && plan.changed.isEmpty) else {
            // The record changed since the preview and the list no longer fits it: show why.
            return try show(plan, pending, request, context, status: .conflict)
        }
        try await PendingImportStore(database: site.database).remove(pending.id)
        let unchanged = plan.partnerships.count { $0.action == .unchanged && !$0.sources.isEmpty }
        return Response(
            status: .seeOther,
            headers: [
                .location: SitePath.importList
                    + "?organization=\(pending.organizationID.addingPercentEncodingForPath())&created=\(plan.created)&filled=\(plan.filled)&unchanged=\(unchanged)"
            ])
    }

    private func workbook(_ context: KembarRequestContext) async throws -> Response {
        let organizationID = try context.organizationID
        guard let (record, _) = try await site.record(organizationID) else { throw AccessDenied.notFound }
        return SpreadsheetResponse.attachment(
            RecordSpreadsheets(words: context.words).record(record.partnerships),
            name: "kerja-sama-\(organizationID).xlsx")
    }
}
