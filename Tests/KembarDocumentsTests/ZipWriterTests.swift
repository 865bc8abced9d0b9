import Testing

@testable import KembarDocuments

@Suite struct ZipWriterTests {
    @Test func whatIsWrittenReadsBackEntryByEntry() throws {
        var writer = ZipWriter()
        writer.add("project.qde", Array("<Project/>".utf8))
        writer.add("sources/ü.txt", Array("teks".utf8))
        let archive = try ZipArchive(writer.bytes())
        #expect(archive.entries.map(\.name) == ["project.qde", "sources/ü.txt"])
        let entry = try #require(archive.entry(named: "sources/ü.txt"))
        #expect(try archive.contents(of: entry, limit: 100) == Array("teks".utf8))
    }

    @Test func theChecksumIsZIPsCRC32() {
        #expect(Inflate.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    }
}
