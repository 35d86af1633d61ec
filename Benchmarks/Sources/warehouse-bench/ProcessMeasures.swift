import Foundation

/// What the kernel says about this process: peak resident memory and CPU time used.
enum ProcessMeasures {
    /// Resets the peak resident set size (`VmHWM`) so that the next reading covers only what
    /// follows; returns false where the kernel does not allow it.
    static func resetPeakResident() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }

    /// Peak resident set size in bytes (`VmHWM` in /proc/self/status), nil off Linux.
    static func peakResidentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first
            return kilobytes.map { $0 * 1024 }
        }
        return nil
    }

    /// User plus system CPU time of this process, in seconds.
    static func cpuSeconds() -> Double { cpuSeconds(RUSAGE_SELF) }

    /// User plus system CPU time of the child processes waited for so far, in seconds.
    static func childrenCPUSeconds() -> Double { cpuSeconds(RUSAGE_CHILDREN) }

    private static func cpuSeconds(_ who: __rusage_who) -> Double {
        var usage = rusage()
        getrusage(who.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The 1-minute load average: above the core count, other processes compete for the
    /// cores and wall-clock figures understate the speed (CPU-time figures do not).
    static func loadAverage() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
        return text.split(separator: " ").first.flatMap { Double($0) }
    }
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
