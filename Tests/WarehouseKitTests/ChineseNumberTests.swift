import Testing
@testable import WarehouseKit

@Suite struct ChineseNumberTests {
    @Test(arguments: [
        ("7", 7.0), ("298", 298), ("１２", 12), ("２９８", 298), ("34,567", 34_567), ("34，567", 34_567),
        ("1,285", 1285), ("99.60", 99.6), ("79.55", 79.55), ("３．５", 3.5),
    ])
    func arabicDigits(text: String, value: Double) {
        #expect(ChineseNumber.parse(text) == value)
    }

    @Test(arguments: [
        ("两", 2.0), ("兩", 2), ("十", 10), ("十二", 12), ("一十二", 12), ("二十三", 23), ("一百零五", 105),
        ("一千零十", 1010), ("一万零四十", 10_040), ("十万零一", 100_001), ("三万四千五百零七", 34_507),
        ("三百", 300), ("千", 1000), ("百", 100), ("六", 6), ("廿二", 22), ("壹佰贰拾", 120), ("三点三一", 3.31),
        ("九十八点五", 98.5),
    ])
    func chineseNumerals(text: String, value: Double) {
        #expect(ChineseNumber.parse(text) == value)
    }

    @Test(arguments: [("两千六", 2600.0), ("三万五", 35_000), ("一百二", 120), ("十三万五", 135_000)])
    func colloquialElision(text: String, value: Double) {
        #expect(ChineseNumber.parse(text) == value)
    }

    @Test(arguments: [
        ("1.2万", 12_000.0), ("18.7万", 187_000), ("3.31亿", 331_000_000), ("10.1万", 101_000),
        ("1万600", 10_600), ("216万", 2_160_000), ("三亿五千万", 350_000_000), ("1.2万亿", 1_200_000_000_000),
    ])
    func mixedWithWanAndYi(text: String, value: Double) {
        #expect(ChineseNumber.parse(text) == value)
    }

    /// Digit strings without units are years or names, never amounts.
    @Test(arguments: ["二〇二三", "十四五", "一二三", "零", "〇一"])
    func namesAndYearsAreNotAmounts(text: String) {
        #expect(ChineseNumber.parse(text) == nil)
    }

    @Test func readingStopsAtTheFirstNonNumeral() throws {
        let s = Array("召开常委会会议7次".unicodeScalars)
        let reading = try #require(ChineseNumber.read(s, at: 7))
        #expect(reading.value == 7 && reading.end == 8 && !reading.isHan)
        let han = try #require(ChineseNumber.read(Array("三百余人".unicodeScalars), at: 0))
        #expect(han.value == 300 && han.end == 2 && han.isHan && !han.isBareMultiplier)
        let bare = try #require(ChineseNumber.read(Array("百余条".unicodeScalars), at: 0))
        #expect(bare.value == 100 && bare.isBareMultiplier)
    }
}

@Suite struct QuantityScannerTests {
    private func scan(_ text: String) -> [Quantity] {
        QuantityScanner().quantities(in: Array(text.unicodeScalars))
    }

    private func only(_ text: String) -> Quantity? {
        let found = scan(text)
        return found.count == 1 ? found[0] : nil
    }

    @Test(arguments: [
        ("形成30多篇社情民意信息", 30.0, Qualifier.atLeast, "篇"),
        ("发稿170余篇", 170, .atLeast, "篇"),
        ("提出建议百余条", 100, .atLeast, "条"),
        ("接待群众千余人次", 1000, .atLeast, "人次"),
        ("接待选民近2000人次", 2000, .approx, "人次"),
        ("全年共整理提出近120条具体意见建议", 120, .approx, "条"),
        ("约30次", 30, .approx, "次"),
        ("调研50次左右", 50, .approx, "次"),
        ("培训100人以上", 100, .atLeast, "人"),
        ("超过200件", 200, .atLeast, "件"),
        ("逾千件", 1000, .atLeast, "件"),
        ("服务18.7万余人", 187_000, .atLeast, "人"),
        ("史料650多万字", 6_500_000, .atLeast, "字"),
        ("出版文史专辑216万字", 2_160_000, .exact, "字"),
        ("参与指导协商议事活动20余场(次)", 20, .atLeast, "场(次)"),
        ("报送请示报告、调研成果16次(篇)", 16, .exact, "次(篇)"),
        ("满意率达98%", 98, .exact, "%"),
        ("办理结果满意率99.60%", 99.6, .exact, "%"),
        ("办复率百分之百", 100, .exact, "%"),
        ("办复率达百分之九十八", 98, .exact, "%"),
        ("满意率百分之九十八点五", 98.5, .exact, "%"),
        ("在《人民政协报》刊发文章两篇", 2, .exact, "篇"),
        ("共任免１４８人次", 148, .exact, "人次"),
        ("收到来信1,285件", 1285, .exact, "件"),
    ])
    func countsWithQualifiers(text: String, value: Double, qualifier: Qualifier, unit: String) throws {
        let q = try #require(only(text))
        #expect(q.value == value)
        #expect(q.unit == unit)
        #expect(q.qualifier == qualifier)
    }

    /// 近 in 习近平 or 附近 is not "nearly".
    @Test func jinOnlyQualifiesWhenItMeansNearly() throws {
        #expect(only("习近平新时代中国特色社会主义思想学习研讨16次")?.qualifier == .exact)
        #expect(only("走访附近3个社区")?.qualifier == .exact)
        #expect(only("报刊发稿近60篇")?.qualifier == .approx)
    }

    @Test(arguments: [
        "第十九届", "第3次", "区十届人大三次会议", "十九届人大一次会议以来", "“十四五”规划", "党的二十大",
        "“双核”驱动", "一府一委两院", "三基工程", "不断增强“四个意识”", "区十届三次会议",
        "大气污染防治“一法两条例”", "2022年", "12月24日至28日", "二〇二三年", "每季度2次",
        "形成一批务实管用的成果", "开展为期三个月的调研", "提高5个百分点", "“1个综合报告和4个专项报告”",
        "十几次", "数十次", "数百人次", "G20峰会", "〔2022〕3号",
    ])
    func ordinalsNamesAndDatesAreNotCounts(text: String) {
        #expect(scan(text).isEmpty, "\(text)")
    }

    @Test func aSessionNumberWithoutJieIsACount() throws {
        #expect(only("召开51次党组会议")?.value == 51)
        #expect(only("先后两次听取报告")?.value == 2)
    }
}
