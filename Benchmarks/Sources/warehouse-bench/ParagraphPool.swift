import Foundation
import WarehouseKit

/// The paragraphs of the sample reports, as templates, minus the web noise around them.
///
/// A paragraph is a line of running text: long enough and ending in sentence punctuation.
/// Headings, titles, bylines, navigation trails and advertising lines fail that test.
struct ParagraphPool: Sendable {
    let review: [ParagraphTemplate]
    let plan: [ParagraphTemplate]

    enum PoolError: Error, CustomStringConvertible {
        case noParagraphs(folder: String)

        var description: String {
            switch self {
            case .noParagraphs(let folder):
                "\(folder): no paragraph of running text found; the generator needs the sample reports there"
            }
        }
    }

    init(samples folder: URL, gazetteer: Gazetteer) throws {
        let names = NameMatcher(gazetteer: gazetteer)
        var review: [ParagraphTemplate] = []
        var plan: [ParagraphTemplate] = []
        let files = (try FileManager.default.contentsOfDirectory(atPath: folder.path)).sorted()
        for file in files where file.hasSuffix(".txt") {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) else { continue }
            let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            let baseYear = Self.mostFrequentYear(in: text)
            var inPlan = false
            for line in lines {
                let scalars = Array(line.unicodeScalars)
                if Self.isHeading(scalars) {
                    inPlan = Self.announcesPlan(line)
                    continue
                }
                guard Self.isRunningText(scalars, line: line) else { continue }
                let template = ParagraphTemplate(
                    pieces: Self.pieces(of: scalars, baseYear: baseYear, names: names),
                    affinity: Self.affinity(of: line), isPlan: inPlan, approximateBytes: line.utf8.count)
                if inPlan { plan.append(template) } else { review.append(template) }
            }
        }
        guard !review.isEmpty else { throw PoolError.noParagraphs(folder: folder.path) }
        self.review = review
        self.plan = plan
    }

    /// Short lines without a full stop: titles, section headings, salutations.
    private static func isHeading(_ scalars: [Unicode.Scalar]) -> Bool {
        scalars.count < 40 && !scalars.contains("。")
    }

    private static func announcesPlan(_ line: String) -> Bool {
        ["工作安排", "工作任务", "工作打算", "工作思路"].contains { line.contains($0) }
    }

    private static let noiseMarks = ["www.", "http", ".com", "微信", "点击", "来源:", "来源：", "版权", "免费"]
    /// Sentences that deliver a report (我受…委托，向大会报告工作) open a report in real files;
    /// placed in the middle of a synthetic one they would rightly start another.
    private static let deliveryMarks = ["向大会报告工作", "向大会作", "请予审议"]

    private static func isRunningText(_ scalars: [Unicode.Scalar], line: String) -> Bool {
        guard scalars.count >= 40, let last = scalars.last, "。！？；!?;”\"".unicodeScalars.contains(last) else { return false }
        guard !noiseMarks.contains(where: { line.contains($0) }), !deliveryMarks.contains(where: { line.contains($0) })
        else { return false }
        // Accented Latin letters are pinyin glosses pasted in by web pages (協(xié)), not report text.
        guard !scalars.contains(where: { (0xC0...0x24F).contains($0.value) }) else { return false }
        let han = scalars.count { (0x4E00...0x9FFF).contains($0.value) }
        return han * 2 > scalars.count
    }

    private static func affinity(of line: String) -> ParagraphTemplate.Affinity {
        let npc = line.contains("人大") || line.contains("代表")
        let cppcc = line.contains("政协") || line.contains("委员") || line.contains("提案")
        return npc == cppcc ? .either : (npc ? .npc : .cppcc)
    }

    /// The year a file reviews, taken as the year it names most often (`2022年`).
    private static func mostFrequentYear(in text: String) -> Int {
        var counts: [Int: Int] = [:]
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i + 4 < scalars.count {
            if scalars[i + 4] == "年", let year = Int(String(String.UnicodeScalarView(scalars[i..<i + 4]))), (1990...2035).contains(year) {
                counts[year, default: 0] += 1
            }
            i += 1
        }
        return counts.max { $0.value < $1.value }?.key ?? 2022
    }

    private static func digitValue(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x30...0x39: Int(s.value - 0x30)
        case 0xFF10...0xFF19: Int(s.value - 0xFF10)
        default: nil
        }
    }

    private static func pieces(of scalars: [Unicode.Scalar], baseYear: Int, names: NameMatcher) -> [ParagraphTemplate.Piece] {
        var pieces: [ParagraphTemplate.Piece] = []
        var literal = String.UnicodeScalarView()
        func flush() {
            if !literal.isEmpty { pieces.append(.text(Array(String(literal).utf8))) }
            literal = String.UnicodeScalarView()
        }
        var i = 0
        while i < scalars.count {
            if digitValue(scalars[i]) != nil {
                var value = 0
                var j = i
                while j < scalars.count, let d = digitValue(scalars[j]) {
                    value = value &* 10 &+ d
                    j += 1
                }
                let next = j < scalars.count ? scalars[j] : " "
                flush()
                switch next {
                case "年" where j - i == 4 && (1990...2035).contains(value): pieces.append(.year(offset: value - baseYear))
                case "月" where (1...12).contains(value): pieces.append(.month)
                case "日" where (1...31).contains(value), "号" where (1...31).contains(value): pieces.append(.day)
                default: pieces.append(.digits(count: j - i))
                }
                i = j
            } else if let (level, length) = names.match(scalars, at: i) {
                flush()
                switch level {
                case .county: pieces.append(.region)
                case .prefecture: pieces.append(.prefecture)
                case .province: pieces.append(.province)
                }
                i += length
            } else {
                literal.append(scalars[i])
                i += 1
            }
        }
        flush()
        return pieces
    }
}

/// Finds gazetteer names (three characters or more, so that common words are not taken for
/// names) at a position of a text.
struct NameMatcher: Sendable {
    private let levels: [String: Region.Level]
    private let finals: Set<Unicode.Scalar>
    private let longest: Int

    init(gazetteer: Gazetteer) {
        var levels: [String: Region.Level] = [:]
        for region in gazetteer.regions where region.name.unicodeScalars.count >= 3 {
            levels[region.name] = levels[region.name] ?? region.level
        }
        self.levels = levels
        finals = Set(levels.keys.compactMap(\.unicodeScalars.last))
        longest = levels.keys.map(\.unicodeScalars.count).max() ?? 0
    }

    func match(_ scalars: [Unicode.Scalar], at i: Int) -> (Region.Level, Int)? {
        var length = min(longest, scalars.count - i)
        while length >= 3 {
            if finals.contains(scalars[i + length - 1]),
                let level = levels[String(String.UnicodeScalarView(scalars[i..<i + length]))]
            {
                return (level, length)
            }
            length -= 1
        }
        return nil
    }
}
