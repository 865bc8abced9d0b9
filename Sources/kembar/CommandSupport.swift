import ArgumentParser
import Foundation
import KembarStore
import Logging

/// Opens the configured database for the length of a command and always closes it.
enum CommandSupport {
    /// A logger at `LOG_LEVEL` (trace, debug, info, notice, warning, error, critical) or `defaultLevel`.
    static func logger(_ label: String, defaultLevel: Logger.Level = .warning) -> Logger {
        var logger = Logger(label: label)
        let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
        logger.logLevel = level ?? defaultLevel
        return logger
    }

    static func withDatabase<R>(
        migrate: Bool = true, logger: Logger, _ body: (any KembarDatabase) async throws -> R
    ) async throws -> R {
        let configuration = DatabaseConfiguration()
        let database: any KembarDatabase
        do {
            database = try await configuration.open(logger: logger)
        } catch {
            throw CommandFailure("cannot open the database: \(error)")
        }
        do {
            if migrate { try await Migrator.migrate(database, logger: logger) }
            let result = try await body(database)
            try await database.close()
            return result
        } catch {
            try? await database.close()
            throw error
        }
    }

    /// Prints a message for people at once, even when standard output is a file or a pipe.
    static func say(_ message: String) {
        FileHandle.standardOutput.write(Data((message + "\n").utf8))
    }

    /// Writes to standard error, where messages for people go when data goes to standard output.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

/// A command that failed for a reason the user can act on: printed as one line, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

extension AsyncParsableCommand {
    /// Runs `body`, turning failures into a clear message and a non-zero exit status.
    func reportingFailures(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ExitCode {
            throw error
        } catch {
            CommandSupport.printError("kembar: \(error)")
            throw ExitCode.failure
        }
    }
}
