/// The level a report speaks at when it names its own body without a place (省人大常委会,
/// 市政协, 自治区政协八届四次会议, 十二届省政协, 全县, 我区), and the units of that level its text
/// names.
///
/// A report written for its own people says 省人大常委会 and 全省, not 湖南省人大常委会, and names
/// its place in passing (湖南实践, 美丽四川, 新广西). When the text speaks at one level and names
/// one unit of that level (or only units inside one unit of that level), that unit is its own.
struct OwnLevel: Sendable, Hashable {
    /// The suffix that a unit of this level ends with (省, 市, 自治区 …).
    let suffix: String
    /// How many times the text used the bare level for itself.
    let uses: Int

    /// Level words, longest first so 自治区 is not read as 区.
    private static let words = ["自治区", "自治州", "自治县", "自治旗", "省", "市", "区", "县", "州", "旗", "盟"]
        .map { ($0, Array($0.utf8)) }
    private static let countingWords = ["个", "各", "级", "等", "和", "、", "与", "及"].map { Array($0.utf8) }
    private static let ownMarkers = ["全", "我", "本"].map { Array($0.utf8) }
    private static let bodyNames = [
        "人大常委会", "人民代表大会", "人大", "政协", "人民政府", "政府", "委员会", "人民法院", "人民检察院", "法院", "检察院", "委",
    ].map { Array($0.utf8) }

    /// The level the text most often uses for itself, if any.
    static func find(in zone: NamedText) -> OwnLevel? {
        let named = Set(zone.hits.map(\.end))
        var counts: [String: Int] = [:]
        let bytes = zone.bytes
        var i = 0
        while i < bytes.count {
            guard let (word, utf8) = words.first(where: { i + $0.1.count <= bytes.count && bytes[i..<i + $0.1.count].elementsEqual($0.1) })
            else {
                i += 1
                continue
            }
            let end = i + utf8.count
            defer { i = end }
            // 湖南省人大: the level ends a name, so the text names its place.
            if named.contains(end) { continue }
            // 11个市政协, 各县政协, 市县人大: levels counted or listed, not the text's own.
            if zone.endsWithAny(at: i, countingWords) || words.contains(where: { zone.startsWithAny(at: end, [$0.1]) }) { continue }
            if zone.endsWithAny(at: i, ownMarkers) || zone.startsWithAny(at: zone.skipTerm(from: end), bodyNames) {
                counts[word, default: 0] += 1
            }
        }
        guard let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { return nil }
        return OwnLevel(suffix: best.key, uses: best.value)
    }

    private static let committeeNames = ["政协", "人大"].map { Array($0.utf8) }

    /// Two characters written right before a committee's name (平阴政协, 《平阴政协》): how a
    /// county's committee is called without its suffix, which makes them a name when they and
    /// the level's suffix are a unit's name.
    static func shortCommitteeNames(in zone: NamedText) -> Set<String> {
        var found: Set<String> = []
        for name in committeeNames {
            var i = 6
            while i + name.count <= zone.bytes.count {
                defer { i += 1 }
                guard zone.bytes[i..<i + name.count].elementsEqual(name),
                      let second = zone.scalar(at: i - 3), let first = zone.scalar(at: i - 6),
                      second.length == 3, first.length == 3,
                      (0x4E00...0x9FFF).contains(first.value), (0x4E00...0x9FFF).contains(second.value) else { continue }
                found.insert(String(decoding: zone.bytes[(i - 6)..<i], as: UTF8.self))
            }
        }
        return found
    }

    /// Whether a unit's name belongs to this level (市 takes 上海市 and 双鸭山市, 州 the
    /// autonomous prefectures, 区 districts but not autonomous regions).
    func fits(_ name: String) -> Bool {
        switch suffix {
        case "州": return name.hasSuffix("自治州")
        case "县": return name.hasSuffix("县")
        case "区": return name.hasSuffix("区") && !name.hasSuffix("自治区")
        default: return name.hasSuffix(suffix)
        }
    }
}
