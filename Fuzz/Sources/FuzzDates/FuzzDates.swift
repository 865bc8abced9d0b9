import KembarCore

/// Partial dates as `kembar/1` writes them, and as people write them in spreadsheets.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let date = try? PartialDate(parsing: text) {
        _ = date.span
    }
    _ = try? WrittenDate.read(text)
    return 0
}
