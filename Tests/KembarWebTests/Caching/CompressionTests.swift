import CompressNIO
import Foundation
import HTTPTypes
import KembarTestSupport
import NIOCore
import Testing

@testable import KembarWeb

/// Pages and Kembar's own files go out gzipped to those who ask, the same bytes once unpacked,
/// and every one of them says that it varies by `Accept-Encoding`.
@Suite struct CompressionTests {
    private let liuzhou = "/partnerships/bandung/bandung-liuzhou"
    private let gzip: HTTPFields = [.acceptEncoding: "gzip, deflate, br"]

    private func unpacked(_ bytes: [UInt8]) throws -> String {
        var buffer = ByteBuffer(bytes: bytes)
        return String(buffer: try buffer.decompress(with: .gzip()))
    }

    @Test func aPageAskedForGzipComesGzippedAndUnpacksToTheSamePage() async throws {
        try await WebHarness.with { site in
            let plain = try await site.download(liuzhou)
            #expect(plain.headers[.contentEncoding] == nil)
            #expect(plain.headers[.vary] == "Accept-Encoding")
            // Twice: rendered and kept, then answered from the cache with its kept bytes.
            for _ in 1...2 {
                let packed = try await site.download(liuzhou, headers: gzip)
                #expect(packed.status == .ok)
                #expect(packed.headers[.contentEncoding] == "gzip")
                #expect(packed.headers[.vary] == "Accept-Encoding")
                #expect(packed.bytes.count * 3 < plain.bytes.count)
                #expect(try unpacked(packed.bytes) == String(decoding: plain.bytes, as: UTF8.self))
            }
        }
    }

    @Test func aPageThatIsNotKeptIsCompressedToo() async throws {
        try await WebHarness.with { site in
            let form = try await site.download(liuzhou + "/activities/new", headers: gzip)
            #expect(form.headers[.contentEncoding] == "gzip")
            #expect(try unpacked(form.bytes).contains("<form"))
        }
    }

    @Test func gzipRefusedOrNotNamedIsNotSent() async throws {
        try await WebHarness.with { site in
            for refusal in ["gzip;q=0", "identity", "br", "*;q=0", "gzip; q=0.0, *"] {
                let answer = try await site.download(liuzhou, headers: [.acceptEncoding: refusal])
                #expect(answer.headers[.contentEncoding] == nil, "\(refusal)")
                #expect(String(decoding: answer.bytes, as: UTF8.self).hasPrefix("<!DOCTYPE html>"))
            }
        }
    }

    @Test func acceptEncodingIsReadAsHTTPSaysIt() {
        func accepts(_ value: String) -> Bool { Gzip.isAccepted(by: [.acceptEncoding: value]) }
        #expect(accepts("gzip"))
        #expect(accepts("GZIP"))
        #expect(accepts("deflate, gzip;q=0.5"))
        #expect(accepts("*"))
        #expect(accepts("br, *;q=0.1"))
        #expect(!accepts("gzip;q=0"))
        #expect(!accepts("gzip;q=0.000, *"))
        #expect(!accepts("identity"))
        #expect(!Gzip.isAccepted(by: [:]))
    }

    @Test func kembarsOwnFilesAreGzippedAndRevalidated() async throws {
        try await WebHarness.with(signedIn: false) { site in
            let plain = try await site.download("/static/kembar.css")
            #expect(plain.status == .ok)
            #expect(plain.headers[.contentEncoding] == nil)
            #expect(plain.headers[.vary] == "Accept-Encoding")
            let packed = try await site.download("/static/kembar.css", headers: gzip)
            #expect(packed.headers[.contentEncoding] == "gzip")
            #expect(packed.headers[.contentType] == "text/css; charset=utf-8")
            #expect(packed.headers[.cacheControl] == "max-age=3600")
            #expect(try unpacked(packed.bytes) == String(decoding: plain.bytes, as: UTF8.self))
            let tag = try #require(packed.headers[.eTag])
            var again = gzip
            again[.ifNoneMatch] = tag
            let unchanged = try await site.download("/static/kembar.css", headers: again)
            #expect(unchanged.status == .notModified)
            #expect(unchanged.bytes.isEmpty)
            let missing = try await site.download("/static/no-such-file.css", headers: gzip)
            #expect(missing.status == .notFound)
        }
    }
}
