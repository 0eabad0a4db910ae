#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// CPU seconds (user + system) used so far, by this process or by its finished children.
///
/// On a machine shared with other work, wall-clock rates fall with the load;
/// rows per CPU second stay comparable from run to run, so the benchmark
/// reports both.
enum CPUTime {
    static var process: Double { seconds(RUSAGE_SELF) }
    static var children: Double { seconds(RUSAGE_CHILDREN) }

    #if canImport(Glibc)
        private static func seconds(_ who: __rusage_who) -> Double {
            var usage = rusage()
            getrusage(__rusage_who_t(who.rawValue), &usage)
            return seconds(usage)
        }
    #else
        private static func seconds(_ who: Int32) -> Double {
            var usage = rusage()
            getrusage(who, &usage)
            return seconds(usage)
        }
    #endif

    private static func seconds(_ usage: rusage) -> Double {
        Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
    }
}
