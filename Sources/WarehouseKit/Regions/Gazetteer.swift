import Foundation

/// The national gazetteer: every province, prefecture and county unit (`data/regions.csv`),
/// with the units retired since 2015 (`data/region_changes.csv`) kept as names that lead to
/// their successors.
///
/// Built once per load: the name index is what makes resolving thousands of reports cheap.
public struct Gazetteer: Sendable {
    public let regions: [Region]
    public let changes: [RegionChange]
    private let byCode: [String: Region]
    private let childCodes: [String: [String]]
    private let changeByOldCode: [String: RegionChange]
    /// Today's units first (same order as `regions`), then the retired ones.
    let places: [Place]
    let names: PlaceNameIndex

    /// Something a name in a text can denote: a unit of today or a retired one.
    struct Place: Sendable {
        var code: String
        var name: String
        var fullName: String
        var level: Region.Level
        /// Indices in `places` of the prefecture and province above it, nearest first.
        var ancestors: [Int]
        /// The codes of today that stand for it: itself, or the end of its chain of successors.
        var currentCodes: [String]
        var change: RegionChange?
    }

    public init(regions: [Region], changes: [RegionChange] = []) {
        self.regions = regions
        self.changes = changes
        let byCode = Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.byCode = byCode
        var children: [String: [String]] = [:]
        for region in regions { if let parent = region.parentCode { children[parent, default: []].append(region.code) } }
        self.childCodes = children
        let changeByOldCode = Dictionary(changes.map { ($0.oldCode, $0) }, uniquingKeysWith: { first, _ in first })
        self.changeByOldCode = changeByOldCode
        self.places = Self.places(regions: regions, byCode: byCode, changes: changes, changeByOldCode: changeByOldCode)
        self.names = PlaceNameIndex(places: places)
    }

    /// Reads both files and checks that every successor in the change table leads to a unit of today.
    public static func load(regionsAt regionsURL: URL, changesAt changesURL: URL) throws(Vocabulary.LoadError) -> Gazetteer {
        let changes = try RegionChange.table(at: changesURL)
        let gazetteer = Gazetteer(regions: try Vocabulary.regions(at: regionsURL), changes: changes)
        for (i, change) in changes.enumerated() {
            if let bad = change.successors.first(where: { gazetteer.region(code: $0) == nil && gazetteer.change(oldCode: $0) == nil }) {
                throw .badRow(path: changesURL.path, line: i + 2, reason: "successor \(bad) is neither in regions.csv nor a retired code")
            }
        }
        return gazetteer
    }

    public func region(code: String) -> Region? { byCode[code] }

    /// Today's units with exactly this name (several for homonyms such as 城关区).
    public func regions(named name: String) -> [Region] {
        names.entries(forKey: name).filter { !$0.short }.compactMap { places[$0.place].change == nil ? regions[$0.place] : nil }
    }

    public func children(of code: String) -> [Region] { (childCodes[code] ?? []).compactMap { byCode[$0] } }

    /// Parent, then grandparent: the prefecture (if any) and the province.
    public func ancestors(of code: String) -> [Region] {
        var result: [Region] = []
        var next = byCode[code]?.parentCode
        while let code = next, let region = byCode[code] {
            result.append(region)
            next = region.parentCode
        }
        return result
    }

    public func change(oldCode: String) -> RegionChange? { changeByOldCode[oldCode] }

    /// The units of today that a retired code's area went to, following later changes.
    public func currentCodes(forRetired oldCode: String) -> [String] {
        Self.follow(oldCode, changeByOldCode: changeByOldCode, depth: 0)
    }

    private static func follow(_ code: String, changeByOldCode: [String: RegionChange], depth: Int) -> [String] {
        guard let change = changeByOldCode[code], depth < 8 else { return [code] }
        var result: [String] = []
        for successor in change.successors {
            // A rename keeps the code: the successor is the unit itself.
            let next = successor == code ? [code] : follow(successor, changeByOldCode: changeByOldCode, depth: depth + 1)
            for c in next where !result.contains(c) { result.append(c) }
        }
        return result
    }

    /// The name as people shorten it: 兰州市 → 兰州, 宁夏回族自治区 → 宁夏, 汉滨区 → 汉滨,
    /// 恩施土家族苗族自治州 → 恩施. Nil when nothing of at least two characters would remain.
    public static func shortName(of name: String) -> String? {
        var scalars = Array(name.unicodeScalars)
        func dropSuffix(_ suffix: [Unicode.Scalar]) -> Bool {
            guard scalars.count > suffix.count, scalars[(scalars.count - suffix.count)...].elementsEqual(suffix) else { return false }
            scalars.removeLast(suffix.count)
            return true
        }
        if autonomousSuffixes.contains(where: dropSuffix) {
            // Strip the peoples named before 自治…: 海西蒙古族藏族 → 海西; but 内蒙古 and 西藏
            // are names that end like a people.
            var stripped = true
            while stripped {
                stripped = false
                for (people, withZu) in peopleSuffixes {
                    let saved = scalars
                    if dropSuffix(withZu) || (people.count > 1 && dropSuffix(people)) {
                        if scalars.count < 2 { scalars = saved; continue }
                        stripped = true
                        break
                    }
                }
            }
        } else if !plainSuffixes.contains(where: dropSuffix) {
            return nil
        }
        return scalars.count >= 2 ? String(String.UnicodeScalarView(scalars)) : nil
    }

    private static let autonomousSuffixes = ["自治区", "自治州", "自治县", "自治旗"].map { Array($0.unicodeScalars) }
    private static let plainSuffixes = ["特别行政区", "地区", "特区", "林区", "省", "市", "区", "县", "旗", "盟"].map { Array($0.unicodeScalars) }
    /// Each people's name, alone and with 族.
    private static let peopleSuffixes = peoples.map { (Array($0.unicodeScalars), Array(($0 + "族").unicodeScalars)) }

    /// How an autonomous unit is usually written: its short name and the plain suffix
    /// (楚雄彝族自治州 → 楚雄州, 长阳土家族自治县 → 长阳县, 阿鲁科尔沁旗 stays). A full name in use,
    /// not a short one.
    public static func plainName(of name: String) -> String? {
        let scalars = Array(name.unicodeScalars.suffix(3))
        guard scalars.count == 3, scalars[0] == "自", scalars[1] == "治", "州县旗".unicodeScalars.contains(scalars[2]) else {
            return nil
        }
        return shortName(of: name).map { $0 + String(scalars[2]) }
    }

    /// The peoples named in autonomous units' names (without 族), needed to shorten those names.
    private static let peoples = [
        "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼",
        "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔",
        "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯",
        "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各",
    ]

    private static func level(ofCode code: String) -> Region.Level {
        code.hasSuffix("0000") ? .province : code.hasSuffix("00") ? .prefecture : .county
    }

    private static func places(
        regions: [Region], byCode: [String: Region], changes: [RegionChange], changeByOldCode: [String: RegionChange]
    ) -> [Place] {
        let indexOfCode = Dictionary(regions.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        var places: [Place] = regions.map { region in
            var ancestors: [Int] = []
            var next = region.parentCode
            while let code = next, let index = indexOfCode[code] {
                ancestors.append(index)
                next = regions[index].parentCode
            }
            return Place(
                code: region.code, name: region.name, fullName: region.fullName, level: region.level,
                ancestors: ancestors, currentCodes: [region.code], change: nil)
        }
        let retiredStart = places.count
        for change in changes {
            places.append(Place(
                code: change.oldCode, name: change.name, fullName: change.fullName, level: level(ofCode: change.oldCode),
                ancestors: [], currentCodes: follow(change.oldCode, changeByOldCode: changeByOldCode, depth: 0),
                change: change))
        }
        // Ancestors of retired units are found by name, as they were then (莱芜市 for 钢城区 before 2018).
        var prefectures: [String: Int] = [:]
        for index in places.indices where places[index].level == .prefecture {
            let key = String(places[index].code.prefix(2)) + places[index].name
            if prefectures[key] == nil { prefectures[key] = index }
        }
        for index in retiredStart..<places.count {
            let change = places[index].change!
            let provinceCode = String(change.oldCode.prefix(2)) + "0000"
            var ancestors: [Int] = []
            if let prefecture = change.prefecture, let match = prefectures[String(change.oldCode.prefix(2)) + prefecture] {
                ancestors.append(match)
            }
            if places[index].level != .province, let province = indexOfCode[provinceCode] { ancestors.append(province) }
            places[index].ancestors = ancestors
        }
        return places
    }
}
