import Foundation
import Testing
@testable import WarehouseKit

let repositoryRoot = RepositoryFiles.root

/// Loaded once: building the gazetteer's index is the costly part.
let sharedGazetteer: Gazetteer = {
    let data = repositoryRoot.appendingPathComponent("data")
    return try! Gazetteer.load(
        regionsAt: data.appendingPathComponent("regions.csv"), changesAt: data.appendingPathComponent("region_changes.csv"))
}()

@Suite struct GazetteerTests {
    let gazetteer = sharedGazetteer

    @Test func homonymsAreAllKept() {
        #expect(gazetteer.regions(named: "城关区").map(\.code).sorted() == ["540102", "620102"])
        #expect(gazetteer.regions(named: "城区").map(\.code).sorted() == ["140302", "140502", "441502"])
        #expect(gazetteer.regions(named: "鼓楼区").count == 4)
        #expect(gazetteer.regions(named: "不存在区").isEmpty)
    }

    @Test func hierarchyRollsUpToProvince() {
        #expect(gazetteer.ancestors(of: "620102").map(\.code) == ["620100", "620000"])
        #expect(gazetteer.ancestors(of: "110112").map(\.code) == ["110000"])
        #expect(gazetteer.children(of: "620100").contains { $0.code == "620102" })
    }

    @Test func shortNames() {
        #expect(Gazetteer.shortName(of: "兰州市") == "兰州")
        #expect(Gazetteer.shortName(of: "宁夏回族自治区") == "宁夏")
        #expect(Gazetteer.shortName(of: "海西蒙古族藏族自治州") == "海西")
        #expect(Gazetteer.shortName(of: "神农架林区") == "神农架")
        #expect(Gazetteer.shortName(of: "城区") == nil)
        // Names that end like a people keep it: 内蒙古 is not 内 of the 蒙古 people.
        #expect(Gazetteer.shortName(of: "内蒙古自治区") == "内蒙古")
        #expect(Gazetteer.plainName(of: "楚雄彝族自治州") == "楚雄州")
        #expect(Gazetteer.plainName(of: "长阳土家族自治县") == "长阳县")
        #expect(Gazetteer.plainName(of: "楚雄市") == nil)
    }

    @Test func retiredCodesLeadToTodaysUnits() {
        // 238 from the yearly lists of 2015-2024, the rest derived from those of 1980-2014.
        #expect(gazetteer.changes.count == 3193)
        #expect(gazetteer.changes.filter { $0.year >= 2015 }.count == 238)
        #expect(gazetteer.currentCodes(forRetired: "371203") == ["370117"])  // 莱芜市钢城区 → 济南市钢城区
        #expect(gazetteer.currentCodes(forRetired: "542623") == ["540481"])  // 米林县 → 米林县 → 米林市
        #expect(gazetteer.currentCodes(forRetired: "140202") == ["140213", "140214"])
        #expect(gazetteer.currentCodes(forRetired: "130602") == ["130602"])  // renamed, code kept
    }
}

@Suite struct RegionChangeTableTests {
    private func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("changes-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func badRowsNameTheirLine() throws {
        let url = try write("year,old_code,province,prefecture,name,successors\n2018,371202,山东省,莱芜市,莱城区,370116\n2018,37120x,山东省,莱芜市,钢城区,370117\n")
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try RegionChange.table(at: url)
            Issue.record("a bad old_code was accepted")
        } catch {
            #expect(error.description.contains("line 3"))
        }
    }

    @Test func successorsMustExist() throws {
        let url = try write("year,old_code,province,prefecture,name,successors\n2018,371202,山东省,莱芜市,莱城区,379999\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let regions = repositoryRoot.appendingPathComponent("data/regions.csv")
        do {
            _ = try Gazetteer.load(regionsAt: regions, changesAt: url)
            Issue.record("an unknown successor was accepted")
        } catch {
            #expect(error.description.contains("line 2"))
            #expect(error.description.contains("379999"))
        }
    }
}

@Suite struct RegionResolverTests {
    let resolver = RegionResolver(gazetteer: sharedGazetteer)

    private func resolve(_ title: String, _ text: String, mention: String? = nil) -> RegionResolution {
        resolver.resolve(title: title, mention: mention, text: title + "\n" + text)
    }

    @Test func uniqueNameInTitle() {
        let r = resolve("汉南区人大常委会2023年工作", "2023年,区人大常委会坚持以习近平新时代中国特色社会主义思想为指导。")
        #expect(r.code == "420113")
        // The note says what settled it, for an analyst to audit.
        #expect(r.note == "settled by '汉南区' in the title")
        let delivered = resolver.resolve(
            title: "政府工作报告", mention: "哈尔滨市", text: "政府工作报告\n——2024年2月3日在哈尔滨市第十六届人民代表大会第三次会议上",
            mentionSource: "delivery line")
        #expect(delivered.note == "settled by '哈尔滨市' in the delivery line")
    }

    @Test func chengguanSettledByTheOpening() {
        let r = resolve("城关区委员会常务委员会工作报告", "各位委员:\n我代表政协兰州市城关区第十届委员会常务委员会,向大会报告工作。")
        #expect(r.code == "620102")
        #expect(r.note?.contains("拉萨市城关区") == true)
    }

    @Test func chengguanSettledByLhasaInTheOpening() {
        let r = resolve("城关区委员会常务委员会工作报告", "我代表政协拉萨市城关区第十一届委员会常务委员会,向大会报告工作。")
        #expect(r.code == "540102")
    }

    @Test func qingshanSettledByALawTitleInTheBody() {
        let text = """
            各位代表:
            我受区十六届人大常委会委托,向大会报告工作。
            常委会审议通过了《武汉市青山区人大常委会关于推进长江大保护的决议》,组织代表视察滨江生态项目。
            """
        let r = resolve("青山区人民代表大会常务委员会工作报告", text)
        #expect(r.code == "420107")
    }

    @Test func qingshanOfBaotouByItsCity() {
        let text = "我受区人大常委会委托,向大会报告工作。一年来,在包头市委和区委的坚强领导下,常委会依法履职。"
        let r = resolve("青山区人民代表大会常务委员会工作报告", text)
        #expect(r.code == "150204")
    }

    @Test func tongzhouSettledByTheFullName() {
        let r = resolve("通州区委员会常务委员会工作报告", "我代表政协北京市通州区第七届委员会常务委员会,向大会报告工作。")
        #expect(r.code == "110112")
        let nantong = resolve("通州区委员会常务委员会工作报告", "我代表政协南通市通州区第八届委员会常务委员会,向大会报告工作。")
        #expect(nantong.code == "320612")
    }

    @Test func chengquWithNothingToSettleItStaysOpen() {
        let text = "我受区十届人大常委会委托,向大会报告工作。推动国务院33条和山西省46条稳住经济一揽子政策措施落实,主城区建设提速。"
        let r = resolve("城区人民代表大会常务委员会工作报告", text)
        #expect(r.code == nil)
        for code in ["140302", "140502", "441502"] { #expect(r.candidates.contains(code)) }
        #expect(r.note?.contains("山西省") == true)
    }

    @Test func chengquSettledByItsCity() {
        let r = resolve("城区人民代表大会常务委员会工作报告", "我受晋城市城区第十届人民代表大会常务委员会委托,向大会报告工作。")
        #expect(r.code == "140502")
    }

    @Test func guloWithTheProvinceOnlyStaysOpen() {
        let text = "我受区人大常委会委托,向大会报告工作。认真贯彻江苏省委决策部署,全区经济平稳运行。"
        let r = resolve("鼓楼区人民代表大会常务委员会工作报告", text)
        #expect(r.code == nil)
        #expect(r.candidates.count == 4)
    }

    @Test func shizhongSettledByItsCity() {
        let text = "我受区人大常委会委托,向大会报告工作。认真落实枣庄市委和区委部署,全区经济平稳运行。"
        let r = resolve("市中区人民代表大会常务委员会工作报告", text)
        #expect(r.code == "370402")
        // 山东省 fits both 济南 and 枣庄 (and neither 内江 nor 乐山): still open.
        let province = resolve("市中区人民代表大会常务委员会工作报告", "认真落实山东省委部署。")
        #expect(province.code == nil)
        #expect(province.candidates.count == 4)
    }

    @Test func guloSettledByItsCityWithItsProvince() {
        let text = "我受区人大常委会委托,向大会报告工作。认真贯彻江苏省委和南京市委决策部署,全区经济平稳运行。"
        let r = resolve("鼓楼区人民代表大会常务委员会工作报告", text)
        #expect(r.code == "320106")
    }

    @Test func aCityNamedInPassingDoesNotSettle() {
        // A district report that never names its own city, helping 武汉市 in 2020.
        let text = "我受区人大常委会委托,向大会报告工作。组织代表向武汉市捐赠防疫物资,全力支持湖北抗疫。"
        let r = resolve("青山区人民代表大会常务委员会工作报告", text)
        #expect(r.code == nil)
        #expect(r.note?.contains("in passing") == true)
    }

    @Test func anotherRegionInPassingDoesNotWin() {
        // A Baotou district visiting its Wuhan namesake, while naming its own region.
        let text = """
            我受区人大常委会委托,向大会报告工作。
            组织常委会组成人员赴武汉市青山区学习考察基层立法联系点建设。落实内蒙古自治区和包头市人大常委会部署。
            """
        let r = resolve("青山区人民代表大会常务委员会工作报告", text)
        #expect(r.code == nil)
        #expect(Set(r.candidates) == ["150204", "420107"])
        // A unique district citing a provincial law and a sister county keeps its own code.
        let other = resolve(
            "集美区人民代表大会常务委员会工作报告",
            "贯彻《福建省安全生产条例》,与甘肃省临夏县人大常委会开展交流,赴宁夏回族自治区考察。")
        #expect(other.code == "350211")
    }

    @Test func shortNameOfACityOnlyHoldsOpen() {
        // 长治 inside 长治久安 is not the city of 长治, and must not settle 城区.
        let r = resolve("城区人民代表大会常务委员会工作报告", "我受区人大常委会委托,向大会报告工作。维护社会长治久安。")
        #expect(r.code == nil)
    }

    @Test func provinceLevelReports() {
        let r = resolve("宁夏回族自治区委员会常务委员会工作报告", "我代表政协宁夏回族自治区第十一届委员会常务委员会,向大会报告工作。自治区政协坚持团结和民主。")
        #expect(r.code == "640000")
        let untitled = resolve("常务委员会工作报告", "我代表政协西藏自治区第十一届委员会常务委员会,向大会报告过去五年的工作。")
        #expect(untitled.code == "540000")
    }

    @Test func titleNamingTwoRegionsIsSettledByTheOpening() {
        let title = "集美区人大常委会赴巴南区考察交流"
        let r = resolve(title, "各位代表:\n我受厦门市集美区第十三届人民代表大会常务委员会委托,向大会报告工作。")
        #expect(r.code == "350211")
        let unsettled = resolve(title, "各位代表:\n我受区人大常委会委托,向大会报告工作。")
        #expect(unsettled.code == nil)
        #expect(Set(unsettled.candidates) == ["350211", "500113"])
    }

    @Test func regionFromTheOpeningWhenTheTitleHasNone() {
        let r = resolve("常务委员会工作报告", "各位代表:\n我受杭州市临平区第一届人民代表大会常务委员会委托,向大会报告工作。")
        #expect(r.code == "330113")
    }

    @Test func regionFromABodyNameInTheText() {
        let r = resolve("2019年工作回顾", "一年来,常委会在中共汉滨区委的坚强领导下,依法履职。落实汉滨区委决策部署,服务全区发展。")
        #expect(r.code == "610902")
        #expect(r.note?.contains("汉滨区") == true)
        // A provincial report citing one county's congress twice speaks of 全省, not 全县.
        let cited = resolve("2019年工作回顾", "指导宁陕县人大常委会开展代表联络站建设,推广宁陕县人大常委会经验,全省人大工作。")
        #expect(cited.code == nil)
        // Named once, it may be a district the report only cites.
        let once = resolve("2019年工作回顾", "一年来,常委会依法履职,学习借鉴中共汉滨区委的经验。")
        #expect(once.code == nil)
    }

    @Test func reportThatNamesOnlyItsLevelTakesTheOneUnitOfThatLevelItNames() {
        // 省人大常委会 and 全省 say the level; 湖南 in 湖南实践 is the only province named.
        let province = resolve("开局之年", "省十四届人大常委会推进全过程人民民主的湖南实践,全省人大工作迈出新步伐。")
        #expect(province.code == "430000")
        #expect(province.note?.contains("湖南") == true)
        // 自治区政协 names no place of its level, but the one city it names lies in 宁夏.
        let parent = resolve("提案工作", "自治区政协八届三次会议以来,委员共提出提案400件,其中银川市政府承办60件。")
        #expect(parent.code == "640000")
        // Two provinces named: no choice is made.
        let two = resolve("一年来", "省人大常委会组织代表赴江苏、浙江学习考察,全省人大工作取得新进展。")
        #expect(two.code == nil)
        // A prefecture's short name written once may be a word: 长治 in 长治久安.
        let idiom = resolve("一年来", "市人大常委会坚持依法履职,维护社会长治久安,全市上下团结奋进。")
        #expect(idiom.code == nil)
        // A county's committee called by its name without 县 (《平阴政协》) names the county.
        let county = resolve("提案工作", "县政协委员提出提案120件,印发《平阴政协》信息,全县政协工作稳步推进。")
        #expect(county.code == "370124")
        // An autonomous prefecture written the usual short way.
        #expect(resolve("2025年楚雄州人大常委会工作综述", "一年来,州人大常委会依法履职。").code == "532300")
    }

    @Test func noRegionNamedStaysOpen() {
        let r = resolve("常务委员会工作报告", "我受区十届人大常委会委托,向大会报告工作。主城区建设提速。")
        #expect(r.code == nil)
        #expect(r.candidates.isEmpty)
        #expect(r.note != nil)
    }

    @Test func retiredUnitResolvesToItsSuccessorWithANote() {
        let r = resolve("莱城区人民代表大会常务委员会工作报告", "我受莱芜市莱城区人大常委会委托,向大会报告工作。")
        #expect(r.code == "370116")
        #expect(r.note?.contains("371202") == true)
        let both = resolve("莱城区(今莱芜区)人大常委会工作报告", "我受区人大常委会委托,向大会报告工作。")
        #expect(both.code == "370116")
        let renamed = resolve("桥西区人大常委会工作报告", "我受邢台市桥西区人大常委会委托,向大会报告工作。")
        #expect(renamed.code == "130503")
        #expect(renamed.note?.contains("renamed") == true)
    }

    @Test func aSuperiorNamedAsABodyNeverSettlesACitysReport() {
        // The report speaks for 市; 中共福建省委 twice and 全省 are its superior's.
        let r = resolve("政府工作报告", """
            现在,我代表市人民政府,向大会报告工作。在中共福建省委、省政府和市委的坚强领导下,全市经济稳中有进,\
            主要指标增速居全省前列。认真落实中共福建省委部署。
            """)
        #expect(r.code != "350000")
        // …while the city itself, named often, settles it.
        let named = resolve("政府工作报告", """
            现在,我代表市人民政府,向大会报告工作。在中共福建省委和市委的领导下,泉州经济稳中有进。\
            泉州制造业增长,泉州港吞吐量创新高,泉州文旅融合,泉州民营经济活跃。认真落实中共福建省委部署。
            """)
        #expect(named.code == "350500")
    }

    @Test func unitsRetiredBefore2015LeadToTodaysUnits() {
        // Merged into a neighbour that kept its code, checked by hand: 崇文区 2010, 南汇区 2009.
        let merged = resolve("崇文区人民代表大会常务委员会工作报告", "我受北京市崇文区人大常委会委托,向大会报告工作。")
        #expect(merged.code == "110101")
        #expect(merged.note?.contains("110103") == true)
        #expect(resolve("南汇区人民政府工作报告", "现在,我代表上海市南汇区人民政府,向大会报告工作。").code == "310115")
        // A prefecture renamed in 2010 keeps its code: 襄樊市 is 襄阳市.
        let renamed = resolve("襄樊市人民政府工作报告", "现在,我代表襄樊市人民政府,向大会报告工作。")
        #expect(renamed.code == "420600")
        // A county-level 烟台市 until 1983 does not make today's 烟台市 ambiguous.
        #expect(resolve("烟台市人民政府工作报告", "现在,我代表烟台市人民政府,向大会报告工作。").code == "370600")
    }

    @Test func retiredUnitSplitStaysOpenWithItsSuccessors() {
        let r = resolve("江干区人大常委会工作报告", "我受杭州市江干区人大常委会委托,向大会报告工作。")
        #expect(r.code == nil)
        #expect(r.candidates == ["330102", "330114"])
    }

    @Test func mentionFromTheSegmenterCounts() {
        let r = resolver.resolve(title: "工作报告", mention: "兰州市城关区", text: "过去一年,区政协围绕中心工作履职尽责。")
        #expect(r.code == "620102")
    }
}

/// Every unit whose name another unit shares (29 names, 66 units), settled by its parent in
/// the opening or the body, and left open when nothing names a parent.
@Suite struct HomonymTests {
    static let units: [Region] = {
        let counts = Dictionary(grouping: sharedGazetteer.regions, by: \.name)
        return sharedGazetteer.regions.filter { (counts[$0.name]?.count ?? 0) > 1 }
    }()

    let resolver = RegionResolver(gazetteer: sharedGazetteer)

    /// 阳泉市 for 阳泉市城区, 北京市 for 北京市朝阳区.
    private func parentName(_ unit: Region) -> String { unit.prefecture ?? unit.province }

    @Test func theGazetteerHasTheHomonymsItDocuments() {
        #expect(Self.units.count == 66)
        #expect(Set(Self.units.map(\.name)).count == 29)
    }

    @Test(arguments: units)
    func settledByTheOpening(_ unit: Region) {
        let title = "\(unit.name)人民代表大会常务委员会工作报告"
        let text = "\(title)\n各位代表:\n我受\(parentName(unit))\(unit.name)第五届人民代表大会常务委员会委托,向大会报告工作。"
        #expect(resolver.resolve(title: title, mention: nil, text: text).code == unit.code)
    }

    @Test(arguments: units)
    func settledByTheParentInTheBody(_ unit: Region) {
        let title = "政协\(unit.name)委员会常务委员会工作报告"
        let text = "\(title)\n各位委员:\n过去一年,在中共\(parentName(unit))委和区委的坚强领导下,区政协围绕中心履职尽责。"
        let r = resolver.resolve(title: title, mention: nil, text: text)
        #expect(r.code == unit.code, "\(r.note ?? "")")
    }

    @Test(arguments: Array(Set(units.map(\.name))).sorted())
    func leftOpenWhenNothingSettlesIt(_ name: String) {
        let title = "\(name)人民代表大会常务委员会工作报告"
        let text = "\(title)\n各位代表:\n我受区人大常委会委托,向大会报告工作。常委会坚持围绕中心、服务大局。"
        let r = resolver.resolve(title: title, mention: nil, text: text)
        #expect(r.code == nil)
        #expect(Set(sharedGazetteer.regions(named: name).map(\.code)).isSubset(of: r.candidates))
        #expect(r.note?.contains(name) == true)
    }
}

/// The sample reports against the hand-labelled gold: never a wrong code.
@Suite struct RegionGoldTests {
    static func samples() throws -> [(gold: GoldFixtures.Report, title: String, text: String)] {
        let gold = try GoldFixtures().reports
        let simplify = { (s: String) in s.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? s }
        var result: [(GoldFixtures.Report, String, String)] = []
        for (file, reports) in Dictionary(grouping: gold, by: \.file) {
            let raw = try String(contentsOf: repositoryRoot.appendingPathComponent("data/reports/\(file)"), encoding: .utf8)
            let lines = simplify(raw).components(separatedBy: "\n")
            let ordered = reports.sorted { $0.ordinal < $1.ordinal }
            let starts = ordered.map { report in
                ordered.count == 1 ? 0 : lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == simplify(report.title) } ?? 0
            }
            for (k, report) in ordered.enumerated() {
                let end = k + 1 < starts.count ? starts[k + 1] : lines.count
                result.append((report, simplify(report.title), lines[starts[k]..<end].joined(separator: "\n")))
            }
        }
        return result.sorted { ($0.0.file, $0.0.ordinal) < ($1.0.file, $1.0.ordinal) }
    }

    @Test func neverAWrongCodeOnTheSamples() throws {
        let resolver = RegionResolver(gazetteer: sharedGazetteer)
        let samples = try Self.samples()
        #expect(samples.count == 22)
        var settled = 0
        for (gold, title, text) in samples {
            let r = resolver.resolve(title: title, mention: nil, text: text)
            guard let goldCode = gold.regionCode else { continue }
            if let code = r.code {
                #expect(code == goldCode, "\(gold.file)#\(gold.ordinal): \(code) instead of \(goldCode)")
                settled += code == goldCode ? 1 : 0
            } else {
                #expect(r.candidates.contains(goldCode), "\(gold.file)#\(gold.ordinal): open without \(goldCode)")
            }
        }
        #expect(settled >= 21)
    }
}
