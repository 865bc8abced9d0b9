import Benchmark
import Foundation
import KembarCore
import KembarWeb

/// The yearly report to the Ministry and the calendar feed, on records from the deterministic
/// generator (`SyntheticRecord`): an office's record (2,000 partnerships, 100,000 activities)
/// and a national one (20,000 partnerships, 1,000,000 activities). Building the report
/// evaluates every partnership as of the year's end. Run from this folder:
///
///     swift package benchmark --target Reports
let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal]
    let configuration = Benchmark.Configuration(
        metrics: metrics, warmupIterations: 1, maxDuration: .seconds(60), maxIterations: 10)
    let today = CalendarDay(year: 2026, month: 12, day: 1)!
    let period = ReportPeriod(year: 2025, today: today)!
    let office = SyntheticRecord.Parameters(partnerships: 2_000, activities: 100_000, seed: 2006)
    let national = SyntheticRecord.Parameters(partnerships: 20_000, activities: 1_000_000, seed: 2026)

    Benchmark(
        "Yearly report of an office record (2,000 partnerships, 100,000 activities)", configuration: configuration
    ) { benchmark, record in
        for _ in benchmark.scaledIterations { blackHole(AnnualReport(record: record, period: period)) }
    } setup: {
        SyntheticRecord.make(office)
    }

    Benchmark(
        "Yearly report of a national record (20,000 partnerships, 1,000,000 activities)",
        configuration: .init(metrics: metrics, warmupIterations: 0, maxDuration: .seconds(120), maxIterations: 3)
    ) { benchmark, record in
        for _ in benchmark.scaledIterations { blackHole(AnnualReport(record: record, period: period)) }
    } setup: {
        SyntheticRecord.make(national)
    }

    Benchmark("Yearly report of an office record written as HTML", configuration: configuration) { benchmark, input in
        for _ in benchmark.scaledIterations { blackHole(input.writer.annualHTML(input.report)) }
    } setup: {
        (
            writer: try await ReportWriter.bundled(),
            report: AnnualReport(record: SyntheticRecord.make(office), period: period)
        )
    }

    Benchmark("Yearly report of an office record written as CSV", configuration: configuration) { benchmark, input in
        for _ in benchmark.scaledIterations { blackHole(input.writer.annualCSV(input.report)) }
    } setup: {
        (
            writer: try await ReportWriter.bundled(),
            report: AnnualReport(record: SyntheticRecord.make(office), period: period)
        )
    }

    Benchmark("Calendar feed of an office record", configuration: configuration) { benchmark, record in
        for _ in benchmark.scaledIterations {
            blackHole(CalendarFeed.entries(record.partnerships, today: today))
        }
    } setup: {
        SyntheticRecord.make(office)
    }
}
