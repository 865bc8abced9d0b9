import Benchmark
import Foundation
import KembarCore
import KembarStore
import Logging

/// Full-text search over 100,000 documents of generated text on SQLite (issue 6's aim: p50 under
/// 20 ms per query). Setup, outside the measurement, writes a record of 1,000 partnerships with
/// 100 documents each (about 120 words of Indonesian and English each) into a database file in
/// the temporary directory, once; delete `kembar-search-benchmark-1` there to write it anew.
/// Run from this folder:
///
///     swift package benchmark --target Search
let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal]
    let configuration = Benchmark.Configuration(
        metrics: metrics, warmupIterations: 3, maxDuration: .seconds(10), maxIterations: 1_000)
    let queries = [
        ("a common word", "kerja"),
        ("two words", "pertukaran pelajar"),
        ("the start of a word", "kebuday"),
        ("a rare word", "purnabakti"),
        ("three words, one of them rare", "kota kembar purnabakti"),
    ]
    for (label, text) in queries {
        Benchmark("Search 100,000 documents: \(label) (“\(text)”)", configuration: configuration) { benchmark, store in
            let query = SearchQuery(text)
            for _ in benchmark.scaledIterations {
                blackHole(try await store.search(query, in: .init(organizationID: "nasional")).hits)
            }
        } setup: {
            try await SearchCorpus.shared.store()
        }
    }
}

/// The generated database, made once per process and shared by the benchmarks.
actor SearchCorpus {
    static let shared = SearchCorpus()
    private var made: SearchStore?

    /// Each benchmark runs in a process of its own; the database is written by the first and
    /// kept (in the temporary directory) for the others and for later runs.
    func store() async throws -> SearchStore {
        if let made { return made }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kembar-search-benchmark-1")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var logger = Logger(label: "benchmark")
        logger.logLevel = .warning
        let database = try await DatabaseConfiguration.sqlite(path: directory.appendingPathComponent("k.sqlite").path)
            .open(logger: logger)
        try await Migrator.migrate(database, logger: logger)
        let records = RecordStore(database: database)
        if try await records.isEmpty() {
            try await records.importRecord(
                Self.record(partnerships: 1_000, documentsEach: 100), actor: "benchmark", source: "generated text")
        }
        let store = SearchStore(database: database)
        made = store
        return store
    }

    /// Deterministic text: common words of the domain in both languages, drawn with a skewed
    /// frequency, and generated Indonesian-like words for a long tail.
    static func record(partnerships: Int, documentsEach: Int) -> CooperationRecord {
        var random = SplitMix(seed: 2026)
        let common = """
            kerja sama kota kembar pemerintah daerah kegiatan pertukaran pelajar kebudayaan pendidikan ekonomi \
            perdagangan investasi pariwisata delegasi kunjungan pertemuan kelompok bersama sekolah universitas \
            pemuda seni pameran lomba lagu bantuan masker kesehatan lingkungan hidup taman kebun binatang \
            laporan surat undangan nota kesepahaman perjanjian bidang tujuan hasil manfaat biaya anggaran \
            city partnership exchange students culture education economy trade investment tourism delegation \
            visit meeting working group school university youth art exhibition contest song donation health \
            environment park zoo report letter invitation memorandum understanding agreement area objective \
            result benefit cost budget mayor governor minister embassy consulate program training workshop
            """.split(separator: " ").map(String.init)
        let syllables = [
            "ka", "ta", "ma", "na", "ra", "la", "sa", "pa", "ba", "da", "ga", "ja", "ku", "tu", "mu",
            "nu", "ru", "lu", "su", "pu", "bu", "di", "gi", "ji", "ke", "te", "me", "ne", "ri", "li", "si", "pi", "an",
            "ng", "ber", "per", "kan", "nya",
        ]
        var tail: [String] = []
        for _ in 0..<20_000 {
            tail.append((0..<(2 + Int(random.next() % 3))).map { _ in syllables[Int(random.next() % 38)] }.joined())
        }
        func word() -> String {
            let roll = random.next() % 100
            if roll < 60 {
                // Skewed towards the first words of the list.
                let index = Int(Double(common.count) * pow(Double(random.next() % 10_000) / 10_000, 2))
                return common[min(index, common.count - 1)]
            }
            return tail[Int(random.next() % UInt64(tail.count))]
        }
        var list: [Partnership] = []
        for number in 0..<partnerships {
            var partnership = Partnership(
                id: "p\(number)", kind: .sisterCity,
                partner: Partner(name: "Kota \(tail[number].capitalized)", country: "JP", kind: .city))
            for index in 0..<documentsEach {
                var text = (0..<120).map { _ in word() }.joined(separator: " ")
                if random.next() % 2_000 == 0 { text += " purnabakti" }
                partnership.documents.append(
                    Document(
                        id: "d\(index)", title: (0..<6).map { _ in word() }.joined(separator: " "), kind: .report,
                        language: "id", text: text))
            }
            list.append(partnership)
        }
        return CooperationRecord(
            organization: Organization(
                id: "nasional", name: "Pemerintah Contoh", place: Place(name: "Contoh", country: "ID")),
            partnerships: list)
    }
}

/// A small, fast, deterministic generator (SplitMix64), so that every run searches the same text.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
