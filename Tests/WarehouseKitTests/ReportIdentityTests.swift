import Foundation
import Testing
@testable import WarehouseKit

/// Report identity at scale: `../shared/corpora/gov-major-cities`, 941 real government work
/// reports as published (front matter, Markdown headings, delivery lines broken across lines),
/// checked like `shared/tools/check_labels.py`: the first report of each file against the
/// file's labelled body, region code ('' for the State Council's national reports, which must
/// stay without a code) and year reviewed.
@Suite struct ReportIdentityTests {
    struct Label {
        var path: String
        var body: String
        var regionCode: String?
        var yearReviewed: Int?
    }

    static var corpus: URL? {
        let url = RepositoryFiles.root.deletingLastPathComponent().appendingPathComponent("shared/corpora/gov-major-cities")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("labels.csv").path) ? url : nil
    }

    /// Targets: no report in at most 10 files, body 0.99, region 0.97 with none wrong, year 0.98;
    /// the bars sit a little below.
    @Test(.enabled(if: corpus != nil, "../shared/corpora/gov-major-cities is not beside the repository: skipped"))
    func governmentReportsHaveTheirBodyRegionAndYear() throws {
        let folder = try #require(Self.corpus)
        let table = try CSVTable(
            parsing: String(contentsOf: folder.appendingPathComponent("labels.csv"), encoding: .utf8), source: "labels.csv")
        let labels = table.records.map { row in
            Label(
                path: row["path", default: ""], body: row["body", default: ""],
                regionCode: row["region_code"].flatMap { $0.isEmpty ? nil : $0 },
                yearReviewed: row["year_reviewed"].flatMap { Int($0) })
        }
        let pipeline = ReportPipeline(
            activities: try RepositoryFiles.activities(),
            gazetteer: try Gazetteer.load(
                regionsAt: RepositoryFiles.root.appendingPathComponent("data/regions.csv"),
                changesAt: RepositoryFiles.root.appendingPathComponent("data/region_changes.csv")))
        let texts = folder.appendingPathComponent("texts")
        let firstReports = FirstReports(count: labels.count)
        DispatchQueue.concurrentPerform(iterations: labels.count) { k in
            let url = texts.appendingPathComponent(labels[k].path)
            guard let data = try? Data(contentsOf: url), let parsed = try? pipeline.parse(data, path: url.path) else { return }
            firstReports.set(k, parsed.reports.first { $0.duplicateOf == nil })
        }
        var noReport: [String] = []
        var bodyRight = 0
        var regionRight = 0
        var regionWrong: [String] = []
        var yearRight = 0
        var yearLabelled = 0
        var yearWrong: [String] = []
        for (k, label) in labels.enumerated() {
            guard let report = firstReports.get(k) else {
                noReport.append(label.path)
                continue
            }
            if report.body.rawValue == label.body { bodyRight += 1 }
            switch (report.region.code, label.regionCode) {
            case (nil, nil): regionRight += 1
            case (nil, _): break
            case (let code?, let want): if code == want { regionRight += 1 } else { regionWrong.append("\(label.path): \(code)") }
            }
            // A national report is marked so, not merely left open.
            if label.regionCode == nil && label.path.hasPrefix("国务院/") && !report.national {
                regionWrong.append("\(label.path): not marked national")
            }
            if let year = label.yearReviewed {
                yearLabelled += 1
                if report.period?.year == year { yearRight += 1 } else { yearWrong.append("\(label.path): \(report.period?.year.description ?? "none")") }
            }
        }
        let n = Double(labels.count)
        #expect(labels.count == 941)
        #expect(noReport.count <= 10, "no report: \(noReport)")
        #expect(Double(bodyRight) >= 0.98 * n, "body right \(bodyRight)")
        #expect(Double(regionRight) >= 0.96 * n, "region right \(regionRight)")
        #expect(regionWrong.isEmpty, "\(regionWrong)")
        #expect(Double(yearRight) >= 0.97 * Double(yearLabelled), "year right \(yearRight) of \(yearLabelled): \(yearWrong)")
    }
}

/// Each file's first report, filled by parsers on every core.
private final class FirstReports: @unchecked Sendable {
    private var reports: [Report?]
    private let lock = NSLock()

    init(count: Int) { reports = Array(repeating: nil, count: count) }

    func set(_ k: Int, _ report: Report?) { lock.withLock { reports[k] = report } }
    func get(_ k: Int) -> Report? { lock.withLock { reports[k] } }
}
