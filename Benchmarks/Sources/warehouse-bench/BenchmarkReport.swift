import Foundation

/// The figures of one run as Markdown tables, ready to paste into the README.
struct BenchmarkReport {
    var sizeLabel: String
    var seed: UInt64
    var corpus: CorpusStats
    var load: LoadMeasurement
    var queries: [QueryTiming]
    var python: Result<PeerMeasurement, Error>?
    var imports: [(table: String, result: Result<PeerMeasurement, Error>)]
    /// 1-minute load averages when the run started and ended.
    var loadAverages: (start: Double?, end: Double?)

    static let targetMBps = 100.0
    static let targetPeerRatio = 3.0
    static let targetPeakMB = 300.0
    static let targetDatabaseRatio = 2.0
    static let targetQueryMs = 100.0
    static let targetFacts = 1_000_000

    var inputMB: Double { Double(load.summary.bytesRead) / 1e6 }
    var loadMBps: Double { inputMB / load.seconds }
    var loadMBperCPUSecond: Double { inputMB / load.cpuSeconds }

    func render() -> String {
        var lines: [String] = []
        let cores = ProcessInfo.processInfo.activeProcessorCount
        lines.append("### warehouse-bench --size \(sizeLabel) (seed \(seed), \(cores) cores, release)")
        lines.append("")
        let averages = [loadAverages.start, loadAverages.end].compactMap { $0 }
        if let busiest = averages.max() {
            let shared = busiest > Double(cores) + 0.5
            lines.append("Load average \(averages.map { fixed($0, 2) }.joined(separator: " → "))\(shared ? " (more than \(cores): other processes competed for the cores; wall-clock rates are understated, per-CPU-second rates are not)" : "").")
            lines.append("")
        }
        lines.append("| Figure | Value | Target | Met |")
        lines.append("|---|---|---|---|")
        let s = load.summary
        lines.append(row("Input", "\(mb(inputMB)) MB in \(s.filesSeen) files (\(corpus.compilations) compilations); \(group(corpus.reports)) reports written"))
        lines.append(row("Reports found", "\(group(s.reports)) (+\(group(s.duplicates)) near-duplicates), \(group(s.openRegions)) with an open region, \(s.failures.count) files failed"))
        lines.append(row("Load time", "\(fixed(load.seconds, 2)) s wall, \(fixed(load.cpuSeconds / load.seconds, 2)) cores busy on average"))
        lines.append(row("Throughput", "\(fixed(loadMBps, 1)) MB/s", "≥ \(Int(Self.targetMBps)) MB/s", verdict(loadMBps >= Self.targetMBps)))
        lines.append(row("Throughput per CPU-second", "\(fixed(loadMBperCPUSecond, 1)) MB (\(fixed(load.cpuSeconds, 2)) CPU-s)"))
        lines.append(row("Reports/s", group(Int((Double(s.reports + s.duplicates) / load.seconds).rounded()))))
        let factsPerMB = Double(s.facts) / inputMB
        let factsNote = s.facts >= Self.targetFacts
            ? "" : s.facts == 0 ? " (none extracted)" : "; 1 GB would give ~\(group(Int(factsPerMB * 1000)))"
        lines.append(row(
            "Facts", "\(group(s.facts)) (\(fixed(factsPerMB, 1)) per MB)\(factsNote)", "≥ 1,000,000 at the largest size",
            s.facts >= Self.targetFacts ? "yes" : (inputMB >= 999 ? "no" : "n/a")))
        if let peak = load.peakResidentBytes {
            let peakMB = Double(peak) / 1_048_576
            lines.append(row(
                load.coversLoadOnly ? "Peak RSS (load)" : "Peak RSS (whole run)", "\(fixed(peakMB, 0)) MiB", "< \(Int(Self.targetPeakMB)) MiB",
                verdict(peakMB < Self.targetPeakMB)))
        }
        let dbRatio = Double(load.databaseBytes) / Double(max(s.bytesRead, 1))
        lines.append(row(
            "Database", "\(mb(Double(load.databaseBytes) / 1e6)) MB, \(fixed(dbRatio, 2))× input", "≤ \(Int(Self.targetDatabaseRatio))× input",
            verdict(dbRatio <= Self.targetDatabaseRatio)))
        switch python {
        case .success(let peer):
            let peerMBps = Double(peer.bytes) / 1e6 / peer.seconds
            let peerCPU = peer.cpuSeconds.map { ", \(fixed(Double(peer.bytes) / 1e6 / $0, 1)) MB per CPU-second" } ?? ""
            lines.append(row("Python peer (re + sqlite3)", "\(fixed(peerMBps, 1)) MB/s\(peerCPU) (\(fixed(peer.seconds, 2)) s, \(group(peer.rows)) facts)"))
            let ratio = loadMBps / peerMBps
            let cpuRatio = peer.cpuSeconds.map { "; per CPU-second \(fixed(loadMBperCPUSecond / (Double(peer.bytes) / 1e6 / $0), 2))×" } ?? ""
            lines.append(row("Warehouse ÷ peer", "\(fixed(ratio, 2))× (MB/s)\(cpuRatio)", "≥ \(Int(Self.targetPeerRatio))× (MB/s)", verdict(ratio >= Self.targetPeerRatio)))
        case .failure(let error):
            lines.append(row("Python peer (re + sqlite3)", "did not run: \(error)"))
        case nil:
            break
        }
        for (table, result) in imports {
            switch result {
            case .success(let m) where m.rows == 0:
                lines.append(row("sqlite3 .import \(table) CSV", "nothing to import (no rows)"))
            case .success(let m):
                let rate = Double(m.rows) / m.seconds
                let perCPU = m.cpuSeconds.map { ", \(fixed(inputMB / $0, 1)) MB per CPU-second" } ?? ""
                lines.append(row(
                    "sqlite3 .import \(table) CSV",
                    "\(fixed(m.seconds, 2)) s for \(group(m.rows)) rows (\(mb(Double(m.bytes) / 1e6)) MB of CSV, \(group(Int(rate))) rows/s; \(fixed(inputMB / m.seconds, 1)) MB/s of corpus\(perCPU))"))
            case .failure(let error):
                lines.append(row("sqlite3 .import \(table) CSV", "did not run: \(error)"))
            }
        }
        if !queries.isEmpty {
            lines.append("")
            lines += QueryTiming.markdown(queries, targetMilliseconds: Self.targetQueryMs)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func row(_ figure: String, _ value: String, _ target: String = "", _ met: String = "") -> String {
        "| \(figure) | \(value.replacingOccurrences(of: "|", with: "\\|")) | \(target) | \(met) |"
    }

    private func verdict(_ met: Bool) -> String { met ? "yes" : "**no**" }
}

func fixed(_ value: Double, _ digits: Int) -> String {
    value.isFinite ? String(format: "%.\(digits)f", value) : "–"
}

func mb(_ value: Double) -> String { fixed(value, value < 10 ? 2 : 1) }

/// 1234567 → "1,234,567", whatever the locale.
func group(_ value: Int) -> String {
    let digits = Array(String(abs(value)))
    var out = ""
    for (i, d) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(d)
    }
    return value < 0 ? "-" + out : out
}
