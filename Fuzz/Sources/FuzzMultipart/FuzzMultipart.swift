import NIOCore

@testable import KembarWeb

/// A `multipart/form-data` body as an upload brings it: the first line is the boundary, the
/// rest the body.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return 0 }
    let boundary = String(decoding: bytes[..<newline], as: UTF8.self)
    guard MultipartForm.boundary(of: "multipart/form-data; boundary=\(boundary)") != nil else { return 0 }
    _ = try? MultipartForm(ByteBuffer(bytes: bytes[(newline + 1)...]), boundary: boundary)
    return 0
}
