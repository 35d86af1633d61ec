import Foundation
import Testing
@testable import WarehouseKit

/// Scores extracted facts against the hand-labelled gold with the matching rules of
/// `shared/tools/score.py`: per report key, facts match on (activity, value); `other` is not
/// scored; optional gold facts are neither required nor false.
struct GoldScore {
    struct Predicted {
        var key: [String]
        var activity: String
        var value: Double
        var qualifier: Qualifier
    }

    var truePositives = 0
    var falsePositives = 0
    var requiredTotal = 0
    var missedRequired = 0
    var qualifierCorrect = 0
    var problems: [String] = []

    var precision: Double { truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives) }
    var recall: Double { requiredTotal == 0 ? 0 : Double(requiredTotal - missedRequired) / Double(requiredTotal) }
    var qualifierAccuracy: Double { truePositives == 0 ? 0 : Double(qualifierCorrect) / Double(truePositives) }

    /// - Parameter key: the report key of a gold report (file, or file + body + short region).
    init(predicted: [Predicted], gold: GoldFixtures, key: (GoldFixtures.Report) -> [String]) {
        var keyOfReport: [String: [String]] = [:]
        for report in gold.reports { keyOfReport["\(report.file)#\(report.ordinal)"] = key(report) }
        var goldByKey: [[String]: [String: GoldFixtures.Fact]] = [:]
        for fact in gold.facts {
            guard let k = keyOfReport["\(fact.file)#\(fact.ordinal)"] else { continue }
            let id = Self.id(fact.activity, fact.value)
            if goldByKey[k]?[id] == nil { goldByKey[k, default: [:]][id] = fact }
        }
        var predictedByKey: [[String]: [String: Predicted]] = [:]
        for p in predicted where p.activity != Activity.otherCode && !p.activity.isEmpty {
            let id = Self.id(p.activity, p.value)
            if predictedByKey[p.key]?[id] == nil { predictedByKey[p.key, default: [:]][id] = p }
        }
        for k in Set(goldByKey.keys).union(predictedByKey.keys) {
            let goldFacts = goldByKey[k] ?? [:]
            let predictedFacts = predictedByKey[k] ?? [:]
            for (id, p) in predictedFacts {
                if let g = goldFacts[id] {
                    truePositives += 1
                    if g.qualifier == p.qualifier.rawValue { qualifierCorrect += 1 }
                } else {
                    falsePositives += 1
                    problems.append("false \(k) \(id)")
                }
            }
            for (id, g) in goldFacts where g.required {
                requiredTotal += 1
                if predictedFacts[id] == nil {
                    missedRequired += 1
                    problems.append("missed \(k) \(id) \(g.evidence)")
                }
            }
        }
    }

    private static func id(_ activity: String, _ value: Double) -> String {
        "\(activity)=\((value * 10_000).rounded() / 10_000)"
    }
}

/// `Fixtures/gold/` or a labelled corpus of `../shared/corpora`: reports.jsonl and facts.jsonl
/// (see shared/spec/gold-format.md), the one reader of the gold for every test.
struct GoldFixtures {
    struct Report: Decodable {
        var file: String
        var ordinal: Int
        var title: String
        var body: String
        var region: String
        var regionCode: String?
        /// Nil where the text does not say which year it reviews.
        var year: Int?
        var periodStart: Int?
        var periodEnd: Int?
        var duplicateOf: String?
    }

    struct Fact: Decodable {
        var file: String
        var ordinal: Int
        var activity: String
        var value: Double
        var qualifier: String
        var status: String
        var evidence: String

        var required: Bool { status == "required" }
    }

    var reports: [Report]
    var facts: [Fact]

    init(folder: URL = RepositoryFiles.fixtures.appendingPathComponent("gold")) throws {
        reports = try Self.lines(folder.appendingPathComponent("reports.jsonl"))
        facts = try Self.lines(folder.appendingPathComponent("facts.jsonl"))
    }

    private static func lines<T: Decodable>(_ url: URL) throws -> [T] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try decoder.decode(T.self, from: Data($0.utf8))
        }
    }

    /// '浙江省舟山市定海区' → '定海区', as score.py compares region names.
    static func shortRegion(_ name: String) -> String {
        let suffixes = ["自治区", "自治州", "自治县", "特别行政区", "省", "市", "区", "县", "旗", "盟", "州"]
        let chars = Array(name)
        var best = name
        for i in chars.indices {
            for suffix in suffixes {
                let s = Array(suffix)
                let j = i + s.count
                if j <= chars.count, Array(chars[i..<j]) == s, j < chars.count, chars.count - j >= 2 {
                    best = String(chars[j...])
                }
            }
        }
        return best
    }
}

@Suite struct ExtractionAccuracyTests {
    /// The sample files as the reading stage will hand them on: machine-converted traditional
    /// text with pinyin after characters (政協(xié)) becomes plain simplified text.
    static func sampleText(_ url: URL) throws -> String {
        let data = try Data(contentsOf: url)
        var text = try DocumentReader.read(data, path: url.path).text
        text = text.replacingOccurrences(
            of: "\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\\)", with: "", options: .regularExpression)
        return text.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? text
    }

    /// Extraction alone, with the report boundaries and bodies of `Fixtures/extracting/segments.json`
    /// (so it does not depend on the splitter), scored per file like `score.py --by-file`.
    @Test func extractionMeetsTheBarGivenReportBoundaries() throws {
        let extractor = FactExtractor(cues: CueTable(activities: try RepositoryFiles.activities()))
        let gold = try GoldFixtures()
        let segmentsURL = RepositoryFiles.fixtures.appendingPathComponent("extracting/segments.json")
        let segments = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: segmentsURL)) as? [String: [[String: Any]]])
        var predicted: [GoldScore.Predicted] = []
        for (file, reports) in segments {
            let lines = try Self.sampleText(RepositoryFiles.reportsDirectory.appendingPathComponent(file))
                .split(separator: "\n", omittingEmptySubsequences: false)
            let starts = reports.compactMap { $0["line"] as? Int }.map { $0 - 1 } + [lines.count]
            for (index, report) in reports.enumerated() {
                let body = try #require(Body(rawValue: report["body"] as? String ?? ""))
                let text = lines[starts[index]..<starts[index + 1]].joined(separator: "\n")
                for fact in extractor.extract(from: text, sections: [], body: body) {
                    predicted.append(.init(key: [file], activity: fact.activityCode, value: fact.value, qualifier: fact.qualifier))
                }
            }
        }
        let score = GoldScore(predicted: predicted, gold: gold) { [$0.file] }
        #expect(score.precision >= 0.95, "precision \(score.precision): \(score.problems.joined(separator: "\n"))")
        #expect(score.recall >= 0.93, "recall \(score.recall): \(score.problems.joined(separator: "\n"))")
        #expect(score.qualifierAccuracy >= 0.95, "qualifier accuracy \(score.qualifierAccuracy)")
    }

    /// The whole pipeline on data/reports, per report (file, body, short region name) as score.py
    /// scores `warehouse export`.
    @Test func wholePipelineMeetsTheBarPerReport() throws {
        let run = try PipelineRun(texts: RepositoryFiles.reportsDirectory, gold: GoldFixtures())
        #expect(run.facts.precision >= 0.96, "precision \(run.facts.precision): \(run.facts.problems.joined(separator: "\n"))")
        #expect(run.facts.recall >= 0.94, "recall \(run.facts.recall): \(run.facts.problems.joined(separator: "\n"))")
        #expect(run.facts.qualifierAccuracy >= 0.95, "qualifier accuracy \(run.facts.qualifierAccuracy)")
        #expect(run.regionsWrong.isEmpty, "\(run.regionsWrong)")
    }

    /// `../shared/corpora/excerpts`: real 人大/政协 texts of many sites, styles and years, none of
    /// them in the repository, labelled twice by hand. Targets: precision 0.95, recall 0.90, 40 of
    /// 41 reports with the right body, years 0.95, no wrong region; the bars sit a little below.
    @Test(.enabled(if: SharedCorpus.excerpts != nil, "../shared/corpora/excerpts is not beside the repository: skipped"))
    func realExcerptsMeetTheBar() throws {
        let folder = try #require(SharedCorpus.excerpts)
        let run = try PipelineRun(texts: folder.appendingPathComponent("texts"), gold: GoldFixtures(folder: folder))
        #expect(run.facts.precision >= 0.93, "precision \(run.facts.precision): \(run.facts.problems.joined(separator: "\n"))")
        #expect(run.facts.recall >= 0.88, "recall \(run.facts.recall): \(run.facts.problems.joined(separator: "\n"))")
        #expect(run.reportsFound >= 39, "found \(run.reportsFound) of \(run.goldReports): missing \(run.reportsMissing)")
        #expect(Double(run.yearsRight) >= 0.92 * Double(run.goldReports), "years right \(run.yearsRight): \(run.yearsWrong)")
        #expect(run.regionsWrong.isEmpty, "\(run.regionsWrong)")
    }
}

/// Labelled corpora beside the repository (`../shared/corpora`), when they are there.
enum SharedCorpus {
    static var excerpts: URL? {
        let url = RepositoryFiles.root.deletingLastPathComponent().appendingPathComponent("shared/corpora/excerpts")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("reports.jsonl").path) ? url : nil
    }
}

/// The whole pipeline over a folder of texts, scored against its gold as `score.py` scores an
/// export: facts per report key (file, body, short region name), and each gold report found,
/// with its year and region code.
struct PipelineRun {
    var facts: GoldScore
    var goldReports = 0
    var reportsFound = 0
    var reportsMissing: [[String]] = []
    var yearsRight = 0
    var yearsWrong: [String] = []
    var regionsWrong: [String] = []

    init(texts: URL, gold: GoldFixtures) throws {
        let pipeline = ReportPipeline(
            activities: try RepositoryFiles.activities(),
            gazetteer: try Gazetteer.load(
                regionsAt: RepositoryFiles.root.appendingPathComponent("data/regions.csv"),
                changesAt: RepositoryFiles.root.appendingPathComponent("data/region_changes.csv")))
        var predicted: [GoldScore.Predicted] = []
        var reports: [[String]: Report] = [:]
        let files = try FileManager.default.contentsOfDirectory(atPath: texts.path).sorted()
        for file in files where file.hasSuffix(".txt") {
            let url = texts.appendingPathComponent(file)
            let parsed = try pipeline.parse(try Data(contentsOf: url), path: url.path)
            for report in parsed.reports where report.duplicateOf == nil {
                let name = report.region.code.flatMap { pipeline.resolver.gazetteer.region(code: $0)?.name }
                    ?? report.regionMention ?? ""
                let key = [file, report.body.rawValue, GoldFixtures.shortRegion(name)]
                if reports[key] == nil { reports[key] = report }
                for fact in report.facts where fact.section == .review {
                    predicted.append(.init(key: key, activity: fact.activityCode, value: fact.value, qualifier: fact.qualifier))
                }
            }
        }
        facts = GoldScore(predicted: predicted, gold: gold) { [$0.file, $0.body, GoldFixtures.shortRegion($0.region)] }
        for expected in gold.reports where expected.duplicateOf == nil {
            goldReports += 1
            let key = [expected.file, expected.body, GoldFixtures.shortRegion(expected.region)]
            guard let report = reports[key] else {
                reportsMissing.append(key)
                continue
            }
            reportsFound += 1
            if report.period?.year == expected.year { yearsRight += 1 } else {
                yearsWrong.append("\(expected.file): \(report.period?.year.description ?? "none") for \(expected.year?.description ?? "none")")
            }
            if let code = report.region.code, code != expected.regionCode {
                regionsWrong.append("\(expected.file): \(code) for \(expected.regionCode ?? "none")")
            }
        }
    }
}
