import KembarWeb
import Testing

/// `kembar serve --public-url`: the scheme and host the links lead to, and nothing else.
@Suite struct PublicURLTests {
    @Test func aSchemeAndHostAreKeptInOneSpelling() throws {
        #expect(try PublicURL.normalized("https://Kerjasama.Example.go.id/") == "https://kerjasama.example.go.id")
        #expect(try PublicURL.normalized(" HTTP://kembar.local:8443 ") == "http://kembar.local:8443")
        #expect(try PublicURL.normalized("http://[::1]:8080") == "http://[::1]:8080")
    }

    @Test(arguments: [
        ("kerjasama.example.go.id", "must start with https:// or http://"),
        ("ftp://kerjasama.example.go.id", "must start with https:// or http://"),
        ("https://", "names no host"),
        ("https://kerjasama.example.go.id/kembar", "the scheme and host only"),
        ("https://kerjasama.example.go.id/?a=1", "the scheme and host only"),
        ("https://user:secret@kerjasama.example.go.id", "the scheme and host only"),
    ])
    func anythingElseIsRefusedSayingWhy(text: String, reason: String) {
        #expect {
            try PublicURL.normalized(text)
        } throws: { error in
            "\(error)".contains(reason)
        }
    }
}
