import Benchmark
import Foundation
import KembarCore

/// Speed and memory of the evaluation engine and of the kembar/1 codec, on records from the
/// deterministic generator (`SyntheticRecord`). Run from this folder:
///
///     swift package benchmark
///
/// The national record (20,000 partnerships, 1,000,000 activities) is built in setup, outside
/// the measurement; peak resident memory includes it, as it would in a process holding it.
let benchmarks: @Sendable () -> Void = {
    let asOf = CalendarDay(year: 2026, month: 1, day: 1)!
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal]
    let national = SyntheticRecord.Parameters(partnerships: 20_000, activities: 1_000_000, seed: 2026)
    let office = SyntheticRecord.Parameters(partnerships: 2_000, activities: 100_000, seed: 2006)

    // Results are taken one at a time as `kembar evaluate` writes them, so the process holds the
    // record and one partnership's result; the second benchmark keeps every result, as a caller
    // that wants them all in memory would.
    Benchmark(
        "Evaluate every partnership of a national record (20,000 partnerships, 1,000,000 activities)",
        configuration: .init(metrics: metrics, warmupIterations: 0, maxDuration: .seconds(120), maxIterations: 3)
    ) { benchmark, record in
        for _ in benchmark.scaledIterations {
            for evaluation in try! Evaluator.evaluateEach(record, asOf: asOf) { blackHole(evaluation) }
        }
    } setup: {
        SyntheticRecord.make(national)
    }

    Benchmark(
        "Evaluate a national record keeping every result in memory",
        configuration: .init(metrics: metrics, warmupIterations: 0, maxDuration: .seconds(120), maxIterations: 3)
    ) { benchmark, record in
        for _ in benchmark.scaledIterations {
            blackHole(try! Evaluator.evaluate(record, asOf: asOf))
        }
    } setup: {
        SyntheticRecord.make(national)
    }

    Benchmark(
        "Evaluate one partnership of 50 activities",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], maxDuration: .seconds(5))
    ) { benchmark, record in
        for _ in benchmark.scaledIterations {
            blackHole(Evaluator.evaluate(record.partnerships[0], of: record, asOf: asOf))
        }
    } setup: {
        SyntheticRecord.make(.init(partnerships: 1, activities: 50, seed: 7))
    }

    Benchmark(
        "Evaluate the Bandung–Liuzhou reference case",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], maxDuration: .seconds(5))
    ) { benchmark, record in
        let liuzhou = record.partnerships.first { $0.id == "bandung-liuzhou" }!
        let day = CalendarDay(year: 2022, month: 5, day: 11)!
        for _ in benchmark.scaledIterations {
            blackHole(Evaluator.evaluate(liuzhou, of: record, asOf: day))
        }
    } setup: {
        try DemoRecord.record()
    }

    Benchmark(
        "Decode a kembar/1 file of 2,000 partnerships and 100,000 activities",
        configuration: .init(metrics: metrics, warmupIterations: 1, maxDuration: .seconds(60), maxIterations: 5)
    ) { benchmark, bytes in
        for _ in benchmark.scaledIterations {
            blackHole(try! RecordDecoder.decode(bytes))
        }
    } setup: {
        Data(RecordEncoder.encode(SyntheticRecord.make(office)))
    }

    Benchmark(
        "Encode a kembar/1 file of 2,000 partnerships and 100,000 activities",
        configuration: .init(metrics: metrics, warmupIterations: 1, maxDuration: .seconds(60), maxIterations: 5)
    ) { benchmark, record in
        for _ in benchmark.scaledIterations {
            var size = 0
            RecordEncoder.write(record) { size += $0.count }
            blackHole(size)
        }
    } setup: {
        SyntheticRecord.make(office)
    }
}
