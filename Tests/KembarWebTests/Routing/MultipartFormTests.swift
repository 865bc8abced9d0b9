import Foundation
import NIOCore
import Testing

@testable import KembarWeb

/// Upload bodies as browsers send them, read through multipart-kit's parser: fields, files,
/// names in any language's letters, and bodies cut short or not multipart at all.
@Suite struct MultipartFormTests {
    private let boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW"

    private func body(_ parts: [String], closed: Bool = true) -> ByteBuffer {
        var text = parts.map { "--\(boundary)\r\n\($0)\r\n" }.joined()
        if closed { text += "--\(boundary)--\r\n" }
        return ByteBuffer(string: text)
    }

    @Test func readsFieldsAndAFile() throws {
        let form = try MultipartForm(
            body([
                "Content-Disposition: form-data; name=\"title\"\r\n\r\nNotulen rapat",
                "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\\\rapat\\\\notulen.txt\"\r\nContent-Type: text/plain\r\n\r\nbaris satu\r\nbaris dua",
            ]), boundary: boundary)
        #expect(form.fields["title"] == "Notulen rapat")
        #expect(form.files["file"]?.fileName == "notulen.txt")
        #expect(form.files["file"]?.bytes == Array("baris satu\r\nbaris dua".utf8))
    }

    @Test func aNameInAnyLanguageComesFromFilenameStar() throws {
        let form = try MultipartForm(
            body([
                "Content-Disposition: form-data; name=\"file\"; filename=\"____.txt\"; filename*=UTF-8''%E6%9F%B3%E5%B7%9E%20notes%3B%3D.txt\r\n\r\nisi"
            ]), boundary: boundary)
        #expect(form.files["file"]?.fileName == "柳州 notes;=.txt")
    }

    @Test func aQuotedNameMayHoldSemicolonsAndEqualSigns() throws {
        let form = try MultipartForm(
            body(["Content-Disposition: form-data; name=\"file\"; filename=\"a; b=c.txt\"\r\n\r\nisi"]),
            boundary: boundary)
        #expect(form.files["file"]?.fileName == "a; b=c.txt")
    }

    @Test func aBodyCutShortOrNotMultipartIsMalformed() {
        let cut = body(["Content-Disposition: form-data; name=\"title\"\r\n\r\nNotulen"], closed: false)
        #expect(throws: MultipartForm.Failure.self) { try MultipartForm(cut, boundary: boundary) }
        #expect(throws: MultipartForm.Failure.self) {
            try MultipartForm(ByteBuffer(string: "title=Notulen"), boundary: boundary)
        }
        let nameless = body(["Content-Disposition: form-data\r\n\r\nisi"])
        #expect(throws: MultipartForm.Failure.self) { try MultipartForm(nameless, boundary: boundary) }
        let headerless = body(["\r\nisi"])
        #expect(throws: MultipartForm.Failure.self) { try MultipartForm(headerless, boundary: boundary) }
    }

    /// Found by libFuzzer (Fuzz/FuzzMultipart): a header name holding a byte above 127 made
    /// multipart-kit's parser trap, ending the server. Its first line is the boundary.
    @Test func aHeaderNameBeyondASCIIIsMalformedNotACrash() throws {
        let input = try #require(
            Data(
                base64Encoded:
                    "WHlaCi0tWHlaDQpDb250ZW50LURpc40Ac2l0aW9uOiBmb3JtLWRhdGE7IG5hbWU9InZpdGxlIg0KDQoAAE5vdHVsZW4NCi0tWHlaDQp0ZW9DbnRuLURpc3Bvc2l0aW9uOiBmb3JtLWRhdGE7IG5hbWU9ImZpbGUiOyBmaWxlbmFzaQ0KLS1YeVotLQ0K"
            ))
        let newline = try #require(input.firstIndex(of: UInt8(ascii: "\n")))
        let boundary = String(decoding: input[..<newline], as: UTF8.self)
        #expect(throws: MultipartForm.Failure.self) {
            try MultipartForm(ByteBuffer(bytes: input[(newline + 1)...]), boundary: boundary)
        }
        // A name beyond ASCII in a value (a file name) is still read.
        let form = try MultipartForm(
            body(["Content-Disposition: form-data; name=\"file\"; filename=\"柳州.txt\"\r\n\r\nisi"]),
            boundary: self.boundary)
        #expect(form.files["file"]?.fileName == "柳州.txt")
    }
}
