import KembarCore

/// The JSON parser and the `kembar/1` decoder over any bytes: an error is fine, a crash is not.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let value = try? JSONParser.parse(bytes) {
        _ = try? RecordDecoder.decode(value)
    }
    return 0
}
