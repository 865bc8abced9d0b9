import Foundation
import KembarCore

/// The `kembar-policy/1` codec over any bytes; a policy it accepts must be written and read again.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    if let policy = try? PolicyCodec.decode(bytes) {
        let written = Data(JSONWriter.bytes(PolicyCodec.value(policy)))
        guard (try? PolicyCodec.decode(written)) != nil else { fatalError("a policy read cannot be read again") }
    }
    return 0
}
