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
    private static let firstPerson = ["我", "本"].map { Array($0.utf8) }
    private static let whole = [Array("全".utf8)]
    private static let bodyNames = [
        "人大常委会", "人民代表大会", "人大", "政协", "人民政府", "政府", "委员会", "人民法院", "人民检察院", "法院", "检察院", "委",
    ].map { Array($0.utf8) }

    /// The level the text uses for itself, if any. The opening speaks for the report's own
    /// body (我代表市人民政府, 受省人大常委会委托); failing a level there, 我市 and 本市 say it;
    /// failing those, the level most written before a body's name or after 全 (全市, 市委), when
    /// no other comes near and the text does not say 全国 as often (a national text): a city's
    /// report also compares itself with 全省 and names 省委.
    static func find(in zone: NamedText, opening: Int) -> OwnLevel? {
        let named = Set(zone.hits.map(\.end))
        var inOpening: [String: Int] = [:]
        var mine: [String: Int] = [:]
        var anywhere: [String: Int] = [:]
        let bytes = zone.bytes
        var i = 0
        while i < bytes.count {
            guard bytes[i] >= 0xE5, let (word, utf8) = words.first(where: { i + $0.1.count <= bytes.count && bytes[i..<i + $0.1.count].elementsEqual($0.1) })
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
            let isMine = zone.endsWithAny(at: i, firstPerson)
            let isOwn = isMine || zone.endsWithAny(at: i, whole)
                || (zone.startsWithAny(at: zone.skipTerm(from: end), bodyNames) && startsWord(at: i, in: zone))
            guard isOwn else { continue }
            anywhere[word, default: 0] += 1
            if isMine { mine[word, default: 0] += 1 }
            if i < opening { inOpening[word, default: 0] += 1 }
        }
        if let top = merged(inOpening).max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) {
            return OwnLevel(suffix: top.key, uses: top.value)
        }
        if let top = merged(mine).max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) {
            return OwnLevel(suffix: top.key, uses: top.value)
        }
        let ranked = merged(anywhere).sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        guard let best = ranked.first, ranked.count == 1 || ranked[1].value * 2 <= best.value,
              nationalUses(in: zone) < best.value else { return nil }
        return OwnLevel(suffix: best.key, uses: best.value)
    }

    /// 我区 and 全区 in a text that calls itself 自治区 are the autonomous region.
    private static func merged(_ counts: [String: Int]) -> [String: Int] {
        guard let region = counts["区"], counts["自治区"] != nil else { return counts }
        var counts = counts
        counts["自治区", default: 0] += region
        counts["区"] = nil
        return counts
    }

    /// 全国, but not in 全国人大, 全国人民代表大会 and 全国政协, which name bodies.
    private static func nationalUses(in zone: NamedText) -> Int {
        nationalBodies.reduce(zone.occurrences(of: national)) { $0 - zone.occurrences(of: $1) }
    }

    private static let nationalBodies = ["全国人大", "全国人民", "全国政协"].map { Array($0.utf8) }

    private static let national = Array("全国".utf8)
    /// Words that end with a level's character without being that level (特区政府, 社区人大,
    /// 城市人民政府, 地区政协).
    private static let notLevels = [
        "城市", "都市", "超市", "门市", "直辖市", "城区", "市区", "地区", "社区", "园区", "特区", "行政区", "新区", "景区",
        "片区", "辖区", "小区", "街区", "矿区", "库区", "山区", "牧区", "灾区", "老区", "郊区", "专区", "试验区", "示范区",
        "开发区", "自贸区", "保护区",
    ].map { Array($0.utf8) }

    private static func startsWord(at offset: Int, in zone: NamedText) -> Bool {
        let end = offset + 3
        return !zone.endsWithAny(at: end, notLevels)
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
