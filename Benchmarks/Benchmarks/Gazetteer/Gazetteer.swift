import Benchmark
import Foundation
import KembarCore
import KembarStore
import Logging

/// The partner form's search in the gazetteer (32,847 cities) on SQLite (issue 16's aim: p50
/// under 20 ms). Setup, outside the measurement, migrates a database in the temporary directory
/// once (the migration loads the gazetteer). Run from this folder:
///
///     swift package benchmark --target Gazetteer
let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal], warmupIterations: 3, maxDuration: .seconds(5),
        maxIterations: 1_000)
    let queries = [
        ("a whole name", "Liuzhou"),
        ("the start of a name", "hamama"),
        ("two letters, thousands of cities", "sa"),
        ("a name with an accent, in capitals", "LIÈGE"),
        ("no city", "xqzzy"),
    ]
    for (label, text) in queries {
        Benchmark("Gazetteer search: \(label) (“\(text)”)", configuration: configuration) { benchmark, store in
            for _ in benchmark.scaledIterations {
                blackHole(try await store.search(text, limit: 8))
            }
        } setup: {
            try await GazetteerDatabase.shared.store()
        }
    }
}

actor GazetteerDatabase {
    static let shared = GazetteerDatabase()
    private var made: GazetteerStore?

    func store() async throws -> GazetteerStore {
        if let made { return made }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kembar-gazetteer-benchmark-1")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var logger = Logger(label: "benchmark")
        logger.logLevel = .warning
        let database = try await DatabaseConfiguration.sqlite(path: directory.appendingPathComponent("k.sqlite").path)
            .open(logger: logger)
        try await Migrator.migrate(database, logger: logger)
        let store = GazetteerStore(database: database)
        made = store
        return store
    }
}
