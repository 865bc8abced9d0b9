import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program started with `posix_spawn`, its standard streams connected to pipes.
///
/// Foundation's `Process.run()` on Linux (Swift 6.3) crashes now and then while it starts a
/// child: it reads past a buffer as it lists `/proc/self/fd`
/// (swiftlang/swift-corelibs-foundation#5472). A server that runs `pdftotext` for every uploaded
/// PDF cannot take that risk, so Kembar starts its children itself.
public final class ChildProcess: Sendable {
    public let pid: pid_t
    /// Where the child reads its standard input; nil when it reads nothing (`/dev/null`).
    public let standardInput: FileHandle?
    public let standardOutput: FileHandle
    /// The child's standard error; nil when it is merged into standard output or discarded.
    public let standardError: FileHandle?

    public enum Errors: Sendable {
        /// Standard error is read on its own pipe.
        case separate
        /// Standard error goes where standard output goes.
        case merged
        case discarded
    }

    public struct SpawnFailure: Error, CustomStringConvertible {
        public let program: String
        public let code: Int32
        public var description: String { "cannot start \(program): \(String(cString: strerror(code)))" }
    }

    private let exitStatus = Mutex<Int32?>(nil)

    /// Starts `program` with `arguments`, in `environment` (this process's when nil).
    public init(
        program: String, arguments: [String], environment: [String: String]? = nil, readsInput: Bool = false,
        errors: Errors = .separate
    ) throws {
        let output = try Self.pipe()
        let input = readsInput ? try Self.pipe() : nil
        let error = errors == .separate ? try Self.pipe() : nil
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let input {
            posix_spawn_file_actions_adddup2(&actions, input.read, STDIN_FILENO)
        } else {
            posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, output.write, STDOUT_FILENO)
        switch errors {
        case .separate: posix_spawn_file_actions_adddup2(&actions, error!.write, STDERR_FILENO)
        case .merged: posix_spawn_file_actions_adddup2(&actions, output.write, STDERR_FILENO)
        case .discarded: posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        }
        // The child starts with no signal blocked and every signal at its default, whatever the
        // thread that starts it had set.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let environmentEntries = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let envp = environmentEntries.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child = pid_t()
        let code = posix_spawn(&child, program, &actions, &attributes, argv, envp)
        // The child holds its own copies of these ends now.
        close(output.write)
        if let input { close(input.read) }
        if let error { close(error.write) }
        guard code == 0 else {
            close(output.read)
            if let input { close(input.write) }
            if let error { close(error.read) }
            throw SpawnFailure(program: program, code: code)
        }
        pid = child
        standardOutput = FileHandle(fileDescriptor: output.read, closeOnDealloc: true)
        standardInput = input.map { FileHandle(fileDescriptor: $0.write, closeOnDealloc: true) }
        standardError = error.map { FileHandle(fileDescriptor: $0.read, closeOnDealloc: true) }
    }

    /// A pipe whose ends are closed in every child but the one they are given to. They are made
    /// close-on-exec atomically: a child started meanwhile by another thread must not inherit
    /// the write end, or the reader would wait for that child's end to see its own.
    private static func pipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        #if os(Linux)
            guard linuxPipe2(&ends, O_CLOEXEC) == 0 else { throw SpawnFailure(program: "a pipe", code: errno) }
        #else
            guard Darwin.pipe(&ends) == 0 else { throw SpawnFailure(program: "a pipe", code: errno) }
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        #endif
        return (ends[0], ends[1])
    }

    /// Sends `signal` (SIGINT, SIGTERM, SIGKILL…) to the child while it runs.
    public func send(_ signal: Int32) {
        exitStatus.withLock { status in
            // Once reaped, the pid may belong to someone else.
            if status == nil { kill(pid, signal) }
        }
    }

    /// Whether the child still runs (it is reaped, without blocking, once it has ended).
    public var isRunning: Bool {
        exitStatus.withLock { status in
            guard status == nil else { return false }
            var raw: Int32 = 0
            guard waitpid(pid, &raw, WNOHANG) == pid else { return true }
            status = Self.decode(raw)
            return false
        }
    }

    /// Waits for the child to end; its exit status, or 128 plus the signal that ended it.
    public func waitUntilExit() -> Int32 {
        while true {
            if let known = exitStatus.withLock({ $0 }) { return known }
            // Wait without reaping, then reap under the lock, so that `send` never signals a pid
            // that has been reaped and perhaps given to another process.
            var info = siginfo_t()
            let waited = waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT)
            if waited == -1 && errno == EINTR { continue }
            let ended = exitStatus.withLock { status -> Int32? in
                if status == nil {
                    var raw: Int32 = 0
                    if waitpid(pid, &raw, WNOHANG) == pid { status = Self.decode(raw) }
                }
                return status
            }
            if let ended { return ended }
            if waited == -1 { return -1 }
        }
    }

    private static func decode(_ raw: Int32) -> Int32 {
        let signal = raw & 0x7F
        return signal == 0 ? (raw >> 8) & 0xFF : 128 + signal
    }
}

#if os(Linux)
    /// glibc's `pipe2`, which its Swift module leaves out (it is a GNU extension).
    @_silgen_name("pipe2")
    private func linuxPipe2(_ ends: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32
#endif
