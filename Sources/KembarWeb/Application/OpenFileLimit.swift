import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every connection takes a file descriptor, and systemd starts a service with a soft limit of
/// 1,024: a thousand idle clients would leave the server unable to accept another connection or
/// open a document. The hard limit is the administrator's choice, so the server takes all of it.
public enum OpenFileLimit {
    public static func raise(logger: Logger) {
        var limit = rlimit()
        guard getrlimit(resourceLimit, &limit) == 0 else { return }
        let before = limit.rlim_cur
        // Linux refuses an unlimited soft limit of open files; a million is as good.
        let target = limit.rlim_max == rlim_t.max ? min(limit.rlim_max, 1 << 20) : limit.rlim_max
        guard before < target else { return }
        limit.rlim_cur = target
        if setrlimit(resourceLimit, &limit) == 0 {
            logger.debug("open files", metadata: ["from": "\(before)", "to": "\(target)"])
        } else {
            logger.warning("could not raise the limit of open files", metadata: ["limit": "\(before)"])
        }
    }

    #if canImport(Glibc)
        private static let resourceLimit = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
        private static let resourceLimit = RLIMIT_NOFILE
    #endif
}
