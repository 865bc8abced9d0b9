import Foundation
import KembarCore
import KembarTestSupport
import Testing

@Suite struct ReportCommandTests {
    private func demoFile() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kembar-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("bandung.json")
        try Fixtures.demoBytes().write(to: url)
        return url
    }

    @Test func writesTheYearlyReportAsOneSelfContainedHTMLFile() async throws {
        let file = try demoFile()
        let output = file.deletingLastPathComponent().appendingPathComponent("laporan-2022.html")
        let outcome = try await KembarProcess.run([
            "report", "annual", "--year", "2022", "--input", file.path, "--today", "2026-12-01", "--output",
            output.path,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let html = try String(contentsOf: output, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"id\">"))
        // The style travels inside the file: no server is behind it.
        #expect(html.contains("<style>") && html.contains("size: A4"))
        #expect(!html.contains("/static/"))
        #expect(!html.contains("class=\"report-tools\""))
        #expect(html.contains("Laporan Kerja Sama Daerah dengan Pihak Luar Negeri Tahun 2022"))
        #expect(html.contains("Lomba menyanyi lagu tradisional daring"))
    }

    @Test func writesTheCSVToStandardOutput() async throws {
        let file = try demoFile()
        let outcome = try await KembarProcess.run([
            "report", "annual", "--year", "2020", "--format", "csv", "--input", file.path, "--today", "2026-12-01",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("\u{FEFF}Tahun,Kategori,Mitra,"))
        #expect(outcome.standardOutput.contains("masker"))
    }

    @Test func reportsTheDatabaseLikeTheFile() async throws {
        try await TestDatabase.withFresh { database in
            let file = try demoFile()
            #expect(try await KembarProcess.run(["import", file.path], environment: database.environment).status == 0)
            let arguments = ["report", "annual", "--year", "2019", "--format", "csv", "--today", "2026-12-01"]
            let fromDatabase = try await KembarProcess.run(arguments, environment: database.environment)
            let fromFile = try await KembarProcess.run(arguments + ["--input", file.path])
            #expect(fromDatabase.status == 0, "\(fromDatabase.standardError)")
            #expect(fromDatabase.standardOutput == fromFile.standardOutput)
        }
    }

    @Test func aYearNotYetBegunIsRefusedAndNothingIsWritten() async throws {
        let file = try demoFile()
        let output = file.deletingLastPathComponent().appendingPathComponent("laporan-2031.html")
        let outcome = try await KembarProcess.run([
            "report", "annual", "--year", "2031", "--input", file.path, "--today", "2026-12-01", "--output",
            output.path,
        ])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("--year must be a year that has begun by 2026-12-01, not 2031"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let badDay = try await KembarProcess.run(["report", "annual", "--year", "2022", "--today", "2026-13-01"])
        #expect(badDay.status != 0)
        #expect(badDay.standardError.contains("--today must be a real day"))
    }
}

@Suite struct DossierCommandTests {
    @Test func writesADossierFileThatStandsAlone() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kembar-dossier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("bandung.json")
        try Fixtures.demoBytes().write(to: file)
        let outcome = try await KembarProcess.run([
            "report", "dossier", "--partnership", "bandung-seoul", "--input", file.path, "--language", "en",
            "--today", "2026-12-01",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let html = outcome.standardOutput
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("Partnership dossier: Bandung – Seoul"))
        #expect(html.components(separatedBy: "<style>").count == 3)
        #expect(!html.contains("href=\"/"))
        let unknown = try await KembarProcess.run([
            "report", "dossier", "--partnership", "bandung-atlantis", "--input", file.path,
        ])
        #expect(unknown.status != 0)
        #expect(unknown.standardError.contains("no partnership \"bandung-atlantis\" in the record; it holds: "))
        #expect(unknown.standardOutput.isEmpty)
    }

    @Test func aDossierAsOfAPastDayShowsNothingRecordedForLaterThanTheYearAfter() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kembar-dossier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("bandung.json")
        try Fixtures.demoBytes().write(to: file)
        let asOf = CalendarDay(iso: "2012-06-30")!
        let horizon = asOf.adding(months: 12)
        let outcome = try await KembarProcess.run([
            "report", "dossier", "--partnership", "bandung-liuzhou", "--input", file.path, "--today", asOf.description,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let partnership = try Fixtures.demoRecord().partnerships.first { $0.id == "bandung-liuzhou" }!
        let later = partnership.activities.filter { $0.start.span.lowerBound > horizon }
        let known = partnership.activities.filter { $0.start.span.lowerBound <= horizon }
        #expect(!later.isEmpty && !known.isEmpty)
        for activity in later { #expect(!outcome.standardOutput.contains(activity.title), "\(activity.id)") }
        for activity in known { #expect(outcome.standardOutput.contains(activity.title), "\(activity.id)") }
    }

    @Test func fromTheDatabaseTheDossierNamesTheOfficeAndTheLiaisons() async throws {
        try await TestDatabase.withFresh { database in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "kembar-dossier-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let file = directory.appendingPathComponent("bandung.json")
            try Fixtures.demoBytes().write(to: file)
            let environment = database.environment
            #expect(try await KembarProcess.run(["import", file.path], environment: environment).status == 0)
            for arguments in [
                ["--role", "officer", "--organization", "bandung", "--name", "Rina", "rina@bandung.example"],
                [
                    "--role", "partner", "--organization", "bandung", "--partnership", "bandung-liuzhou", "--name",
                    "Wei", "wei@liuzhou.example",
                ],
            ] {
                let added = try await KembarProcess.run(["user", "add"] + arguments, environment: environment)
                #expect(added.status == 0, "\(added.standardError)")
            }
            let outcome = try await KembarProcess.run(
                ["report", "dossier", "--partnership", "bandung-liuzhou", "--today", "2026-12-01"],
                environment: environment)
            #expect(outcome.status == 0, "\(outcome.standardError)")
            #expect(outcome.standardOutput.contains("mailto:rina@bandung.example"))
            #expect(outcome.standardOutput.contains("mailto:wei@liuzhou.example"))
        }
    }
}
