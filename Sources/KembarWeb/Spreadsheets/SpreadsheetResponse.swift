import Hummingbird
import KembarCore
import KembarDocuments

/// A table sent as a download: an XLSX workbook, or CSV.
enum SpreadsheetResponse {
    static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    static func attachment(_ bytes: [UInt8], name: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: mediaType, .contentDisposition: DocumentsController.attachment(name)],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `sheet` as `NAME.csv` when `format` is `csv`, else as the workbook `NAME.xlsx`.
    static func download(_ sheet: SheetContent, format: String, name: String) -> Response {
        guard format == "csv" else {
            return attachment(XLSXWriter.bytes(WorkbookContent(sheets: [sheet])), name: name + ".xlsx")
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8; header=present",
                .contentDisposition: DocumentsController.attachment(name + ".csv"),
            ],
            body: .init(byteBuffer: ByteBuffer(string: CSVTable(sheet).text)))
    }
}
