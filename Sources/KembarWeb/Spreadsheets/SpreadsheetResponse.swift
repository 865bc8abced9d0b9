import Hummingbird

/// An XLSX workbook sent as a download.
enum SpreadsheetResponse {
    static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    static func attachment(_ bytes: [UInt8], name: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: mediaType, .contentDisposition: DocumentsController.attachment(name)],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
