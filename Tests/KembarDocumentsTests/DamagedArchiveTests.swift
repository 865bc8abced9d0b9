import Foundation
import Testing

@testable import KembarDocuments

/// Uploaded DOCX files damaged every way a byte can be: the reader refuses them or reads them,
/// and never stops the process. (ZIPFoundation 0.9.20, tried in its place, stopped on 10 of 200
/// such files with "Range requires lowerBound <= upperBound" in its in-memory archive: one upload
/// would take the whole server down.)
@Suite struct DamagedArchiveTests {
    /// A small deterministic generator, so that a failure names a file that can be made again.
    private struct Mixer {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test func damagedArchivesAreRefusedOrReadNeverFatal() async throws {
        let original = try DocumentIntakeTests.fixture("minutes.docx")
        let intake = DocumentIntake(pdf: PDFText(program: nil))
        var mixer = Mixer(state: 20_261_205)
        var refused = 0
        for _ in 0..<1_500 {
            var bytes = original
            for _ in 0...mixer.next(8) {
                bytes[mixer.next(bytes.count)] = UInt8(mixer.next(256))
            }
            if mixer.next(5) == 0 { bytes = Array(bytes.prefix(mixer.next(bytes.count))) }
            do {
                _ = try await intake.read(name: "notulen.docx", bytes: bytes)
            } catch {
                refused += 1
            }
        }
        // Most damage is caught by a checksum or a bound; some lands where nothing reads.
        #expect(refused > 500)
    }
}
