import Foundation
import WarehouseKit

/// What the generator wrote.
struct CorpusStats: Codable, Sendable {
    var bytes = 0
    var files = 0
    var compilations = 0
    var reports = 0
}

/// Writes a synthetic corpus of distinct reports to a folder, one report at a time.
///
/// Each report draws its own paragraphs from the pool in a random order under a random unit of
/// the gazetteer, year and body, with every number redrawn, so that no two reports are
/// near-duplicates. Most bytes go into compilations of many reports (1–5 MB, the way
/// reports circulate), the rest into single-report files. Only one report is in memory at a time.
struct CorpusGenerator {
    let pool: ParagraphPool
    let regions: [Region]
    let gazetteer: Gazetteer
    let seed: UInt64

    /// Share of the bytes written as single-report files.
    static let singleShare = 0.1
    static let years = 2015...2024
    static let reportBytes = 10_000...30_000
    static let compilationBytes = 1_000_000...5_000_000

    init(pool: ParagraphPool, gazetteer: Gazetteer, seed: UInt64) {
        self.pool = pool
        self.gazetteer = gazetteer
        self.regions = gazetteer.regions
        self.seed = seed
    }

    func write(bytes target: Int, to folder: URL, progress: (CorpusStats) -> Void = { _ in }) throws -> CorpusStats {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var rng = SeededGenerator(seed: seed)
        var stats = CorpusStats()
        var singleBytes = 0
        while stats.bytes < target {
            let remaining = target - stats.bytes
            let single = Double(singleBytes) < Self.singleShare * Double(stats.bytes) || remaining < Self.reportBytes.upperBound
            let name = single ? String(format: "report-%05d.txt", stats.files + 1) : String(format: "compilation-%05d.txt", stats.files + 1)
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            let fileTarget = single ? 1 : min(Int.random(in: Self.compilationBytes, using: &rng), remaining)
            var fileBytes = 0
            repeat {
                var report = self.report(using: &rng)
                if fileBytes > 0 { report.insert(UInt8(ascii: "\n"), at: 0) }
                try handle.write(contentsOf: report)
                fileBytes += report.count
                stats.reports += 1
            } while fileBytes < fileTarget
            stats.bytes += fileBytes
            stats.files += 1
            if single { singleBytes += fileBytes } else { stats.compilations += 1 }
            progress(stats)
        }
        return stats
    }

    /// One report: title, occasion line, salutation, review heading and paragraphs, plan heading and paragraphs.
    func report<R: RandomNumberGenerator>(using rng: inout R) -> [UInt8] {
        let region = regions.randomElement(using: &rng)!
        let body: Body = Bool.random(using: &rng) ? .npc : .cppcc
        let year = Int.random(in: Self.years, using: &rng)
        let prefecture = region.prefecture ?? region.province
        let name = region.level == .county && Bool.random(using: &rng) ? prefecture + region.name : region.name
        let context = ParagraphContext(
            year: year, region: Array(region.name.utf8), prefecture: Array(prefecture.utf8), province: Array(region.province.utf8))

        var lines: [String] = []
        let session = "第\(Int.random(in: 1...20, using: &rng))届"
        let meeting = "第\(Int.random(in: 1...6, using: &rng))次会议"
        let date = "\(year + 1)年\(Int.random(in: 1...2, using: &rng))月\(Int.random(in: 1...28, using: &rng))日"
        switch body {
        case .cppcc:
            lines.append("政协\(name)委员会常务委员会工作报告")
            lines.append("——\(date)在政协\(name)\(session)委员会\(meeting)上")
            lines.append("各位委员:")
        default:
            lines.append("\(name)人民代表大会常务委员会工作报告")
            lines.append("——\(date)在\(name)\(session)人民代表大会\(meeting)上")
            lines.append("各位代表:")
        }
        lines.append(["\(year)年主要工作", "一、\(year)年工作回顾", "\(year)年的主要工作"].randomElement(using: &rng)!)
        var out = Array((lines.joined(separator: "\n") + "\n").utf8)

        let size = Int.random(in: Self.reportBytes, using: &rng)
        let planBytes = pool.plan.isEmpty ? 0 : size / 6
        append(from: pool.review, bytes: size - planBytes, body: body, context: context, into: &out, using: &rng)
        if planBytes > 0 {
            let heading = ["\(year + 1)年工作安排", "二、\(year + 1)年工作任务", "\(year + 1)年的工作安排"].randomElement(using: &rng)!
            out += Array((heading + "\n").utf8)
            append(from: pool.plan, bytes: planBytes, body: body, context: context, into: &out, using: &rng)
        }
        return out
    }

    /// Paragraphs drawn without repetition until `bytes` are written.
    private func append<R: RandomNumberGenerator>(
        from templates: [ParagraphTemplate], bytes: Int, body: Body, context: ParagraphContext,
        into out: inout [UInt8], using rng: inout R
    ) {
        let start = out.count
        var tries = 0
        var used = Set<Int>()
        while out.count - start < bytes, tries < templates.count * 4 {
            tries += 1
            let index = Int.random(in: 0..<templates.count, using: &rng)
            let template = templates[index]
            guard !used.contains(index), template.fits(body) else { continue }
            used.insert(index)
            template.write(into: &out, context: context, using: &rng)
        }
    }
}

extension ParagraphTemplate {
    func fits(_ body: Body) -> Bool {
        switch affinity {
        case .either: true
        case .npc: body == .npc
        case .cppcc: body == .cppcc
        }
    }
}
