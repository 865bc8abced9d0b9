import Dispatch

/// Waits, in libFuzzer's synchronous callback, for the intake's asynchronous read.
final class Completion: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)

    func signal() { semaphore.signal() }
    func wait() { semaphore.wait() }
}
