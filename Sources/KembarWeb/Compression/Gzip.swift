import CompressNIO
import Foundation
import HTTPTypes
import NIOCore

/// Compressed answers, for the connections (often mobile ones) that ask for them: a page of the
/// partnership shrinks to about a fifth.
enum Gzip {
    /// Below this a page is sent as it is: the gzip framing would cost more than it saves.
    static let smallest = 1024

    /// The bytes compressed at zlib's level 6, the level nginx uses by default; nil when
    /// compressing fails (then the plain bytes are sent).
    static func compress(_ bytes: ByteBuffer) -> ByteBuffer? {
        var input = bytes
        return try? input.compress(
            with: .gzip(configuration: .init(windowSize: .window128k, compressionLevel: .compressionLevel6)))
    }

    /// Whether the request's `Accept-Encoding` takes gzip: named (or `*`), and not with `q=0`.
    static func isAccepted(by fields: HTTPFields) -> Bool {
        var gzip: Bool?
        var any: Bool?
        for value in fields[values: .acceptEncoding] {
            for item in value.split(separator: ",") {
                let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard let name = parts.first else { continue }
                let refused = parts.dropFirst().contains { parameter in
                    let pair = parameter.split(separator: "=", maxSplits: 1).map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }
                    return pair.count == 2 && pair[0] == "q" && (Double(pair[1]) ?? 1) == 0
                }
                if name == "gzip" || name == "x-gzip" { gzip = !refused } else if name == "*" { any = !refused }
            }
        }
        return gzip ?? any ?? false
    }
}
