import KembarDocuments

/// Document intake over any bytes: recognised by content, then ZIP and DOCX, HTML or text read
/// (PDF is left to pdftotext, a program of its own, and not run here).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let intake = DocumentIntake(pdf: PDFText(program: nil))
    let done = Completion()
    Task {
        _ = try? await intake.read(name: "upload", bytes: bytes)
        done.signal()
    }
    done.wait()
    return 0
}
