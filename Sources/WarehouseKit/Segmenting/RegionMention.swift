/// The region a report names, as written (兰州市城关区, 巴南区, 宁夏回族自治区).
///
/// Resolution to a gazetteer code is the Regions stage's job; here a name is only returned when
/// the text bounds it (a title's stem, 政协…委员会, …人民代表大会常务委员会) and it reads as a chain of
/// administrative units. 区十九届人大常委会 names no region, and neither does 全区 or 我区.
enum RegionMention {
    /// The fullest name found: the title's name, lengthened by a mention in the opening that ends
    /// with it (城关区 → 兰州市城关区). Failing a bounded name, a name written just before a body's
    /// name whose start is unclear (翻开汉滨区人大常委会) is taken in the longest form that the
    /// report repeats elsewhere.
    /// - Parameter repeats: in how many lines of the report a name is written.
    static func find(
        titleStem: [Unicode.Scalar]?, title: [Unicode.Scalar], opening: [Unicode.Scalar],
        repeats: (Phrase) -> Int = { _ in 0 }
    ) -> String? {
        var candidates: [[Unicode.Scalar]] = []
        if let stem = titleStem, isName(stem, titleBounded: true) { candidates.append(stem) }
        candidates += mentions(in: title) + mentions(in: opening)
        if candidates.isEmpty { candidates = repeatedNames(in: title + ["\n"] + opening, repeats: repeats) }
        guard let primary = candidates.first else { return nil }
        let fullest = candidates.filter { $0.count > primary.count && $0.ends(with: Phrase(scalars: primary)) }
            .max { $0.count < $1.count }
        return (fullest ?? primary).string
    }

    /// Every bounded name in `text`, in order.
    static func mentions(in text: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var found: [(Int, [Unicode.Scalar])] = []
        for prefix in cppccPrefixes {
            var from = 0
            while let at = text.offset(of: prefix, from: from) {
                from = at + prefix.count
                if let name = nameAfterCPPCC(text, from: from) { found.append((at, name)) }
            }
        }
        for marker in bodyMarkers {
            var from = 0
            while let at = text.offset(of: marker, from: from) {
                from = at + marker.count
                if let name = nameBefore(text, at: at) { found.append((at, name)) }
            }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// For each body's name in `text` with Han words before it, the longest ending of those
    /// words that reads as a name and is written in at least two lines of the report.
    private static func repeatedNames(in text: [Unicode.Scalar], repeats: (Phrase) -> Int) -> [[Unicode.Scalar]] {
        var found: [(Int, [Unicode.Scalar])] = []
        for marker in bodyMarkers {
            var from = 0
            while let at = text.offset(of: marker, from: from) {
                from = at + marker.count
                var start = at
                while start > 0, at - start < 8, ScalarClass.isHan(text[start - 1]) { start -= 1 }
                let words = Array(text[start..<at])
                let name = (0..<words.count).lazy.map { Array(words[$0...]) }
                    .first { isName($0, titleBounded: false) && repeats(Phrase(scalars: $0)) >= 2 }
                if let name { found.append((at, name)) }
            }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    private static let cppccPrefixes: [Phrase] = ["中国人民政治协商会议", "政协"]
    private static let bodyMarkers: [Phrase] = ["人民代表大会", "人大常委会", "人民政府", "人民法院", "人民检察院", "政协"]
    /// Words that introduce a body's name in the formulae of a report's opening.
    private static let leadWords: [Phrase] = ["我代表", "我受", "代表", "受", "在", "向", "并请", "请"]
    private static let committee: Phrase = "委员会"

    /// 政协[第七届]舟山市定海区[第十五届]委员会 → 舟山市定海区.
    private static func nameAfterCPPCC(_ text: [Unicode.Scalar], from start: Int) -> [Unicode.Scalar]? {
        var end = start
        while end < text.count, end - start < 24, ScalarClass.isHan(text[end]), !text.matches(committee, at: end) { end += 1 }
        guard text.matches(committee, at: end) else { return nil }
        let name = OrdinalWords.droppingOrdinals(Array(text[start..<end]))
        return isName(name, titleBounded: true) ? name : nil
    }

    /// [在|受|代表]杭州市临平区[第一届]人民代表大会 → 杭州市临平区, back to the nearest
    /// non-Han scalar.
    private static func nameBefore(_ text: [Unicode.Scalar], at end: Int) -> [Unicode.Scalar]? {
        var start = end
        while start > 0, end - start < 16, ScalarClass.isHan(text[start - 1]) { start -= 1 }
        var name = OrdinalWords.droppingOrdinals(Array(text[start..<end]))
        // 2022年12月28日在中区…: the 日 of a date written in digits is not part of the name.
        if start > 0, ScalarClass.isDigit(text[start - 1]), let first = name.first, "年月日".unicodeScalars.contains(first) {
            name.removeFirst()
        }
        if let lead = leadWords.first(where: { name.begins(with: $0) }) { name.removeFirst(lead.count) }
        return isName(name, titleBounded: false) ? name : nil
    }

    private static let suffixes: [Phrase] = ["自治区", "自治州", "自治县", "自治旗", "特别行政区", "地区", "省", "市", "区", "县", "州", "旗", "盟"]
    private static let notNames = Set("全本该我各此其两辖".unicodeScalars)

    /// Whether `words` read as a chain of units, each a short name and a suffix (兰州市城关区).
    /// Names bounded by a title or 政协…委员会 may be longer (乌鲁木齐市); an autonomous unit's name
    /// holds its people's name (新疆维吾尔自治区).
    static func isName(_ words: [Unicode.Scalar], titleBounded: Bool) -> Bool {
        guard words.count >= 2, words.allSatisfy(ScalarClass.isHan) else { return false }
        if !titleBounded, let first = words.first, notNames.contains(first) { return false }
        let longest = titleBounded ? 5 : 3
        // reachable[i]: words[..<i] splits into units.
        var reachable = [Bool](repeating: false, count: words.count + 1)
        reachable[0] = true
        for i in 0..<words.count where reachable[i] {
            for suffix in suffixes {
                let limit = suffix.count >= 3 ? 6 : longest
                for nameLength in 1...limit {
                    let end = i + nameLength + suffix.count
                    guard end <= words.count else { break }
                    if words.matches(suffix, at: i + nameLength) { reachable[end] = true }
                }
            }
        }
        return reachable[words.count]
    }
}
