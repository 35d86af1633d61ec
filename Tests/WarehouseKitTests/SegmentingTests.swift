import Foundation
import Testing
@testable import WarehouseKit

/// The sample reports under `data/reports/`, as the reading stage hands them on.
enum SegmentingSamples {
    static let root = RepositoryFiles.root

    /// The project's vocabulary, which tells whose work a text without a title counts.
    static let witness = FactExtractor(cues: CueTable(activities: (try? RepositoryFiles.activities()) ?? []))

    /// Reports in `text` as the pipeline finds them.
    static func split(_ text: String) -> [ReportSpan] {
        ReportSplitter.split(text, witness: witness)
    }

    /// A sample's text as the reading stage hands it on: traditional characters simplified and
    /// pinyin annotations like 區(qū) removed.
    static func text(_ file: String) throws -> String {
        simplified(try String(contentsOf: root.appendingPathComponent("data/reports/\(file)"), encoding: .utf8))
    }

    static func simplified(_ raw: String) -> String {
        let stripped = raw.replacingOccurrences(
            of: "\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\\)", with: "", options: .regularExpression)
        return stripped.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? stripped
    }

    static func slice(_ text: String, _ range: Range<Int>) -> String {
        let scalars = text.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
        return String(scalars[start..<scalars.index(start, offsetBy: range.count)])
    }
}

@Suite struct SampleSegmentingTests {
    static let files = ["000_f0971bea6cd450b4.txt", "001_a69418ce6b142439.txt", "002_6e8ec5bf7ac538b2.txt",
                        "003_c334dd423c0c0831.txt", "004_ab4a3668ffbb590e.txt"]

    @Test(arguments: files) func reportsMatchGold(file: String) throws {
        let gold = try GoldFixtures().reports.filter { $0.file == file }.sorted { $0.ordinal < $1.ordinal }
        let text = try SegmentingSamples.text(file)
        let spans = SegmentingSamples.split(text)
        #expect(spans.count == gold.count)
        for (span, expected) in zip(spans, gold) {
            #expect(span.body.rawValue == expected.body, "\(file)#\(expected.ordinal) body")
            #expect(span.period?.year == expected.year, "\(file)#\(expected.ordinal) year")
            #expect(span.period?.start == expected.periodStart, "\(file)#\(expected.ordinal) period start")
            #expect(span.period?.end == expected.periodEnd, "\(file)#\(expected.ordinal) period end")
            let mention = span.regionMention ?? ""
            #expect(mention.hasSuffix(expected.region), "\(file)#\(expected.ordinal) region \(mention)")
        }
        let copies = NearDuplicate.earlierCopies(of: spans.map { SegmentingSamples.slice(text, $0.range) })
        let expectedCopies = gold.map { report in
            report.duplicateOf.flatMap { $0.split(separator: "#").last }.flatMap { Int($0) }.map { $0 - 1 }
        }
        #expect(copies == expectedCopies)
    }

    /// Every hand-labelled fact lies in the report it was labelled in, in a review section.
    @Test(arguments: files) func goldFactsLieInTheReviewOfTheirReport(file: String) throws {
        let text = try SegmentingSamples.text(file)
        let spans = SegmentingSamples.split(text)
        let facts = try GoldFixtures().facts.filter { $0.file == file }
        #expect(!facts.isEmpty)
        for fact in facts {
            let span = try #require(spans.indices.contains(fact.ordinal - 1) ? spans[fact.ordinal - 1] : nil)
            let report = SegmentingSamples.slice(text, span.range)
            let found = try #require(report.range(of: SegmentingSamples.simplified(fact.evidence)), "\(fact.evidence)")
            let offset = report.unicodeScalars.distance(from: report.unicodeScalars.startIndex, to: found.lowerBound)
            #expect(span.sections.first { $0.range.contains(offset) }?.section == .review, "\(fact.evidence)")
        }
    }

    @Test func everyCompiledReportNamesItsRegion() throws {
        let spans = SegmentingSamples.split(try SegmentingSamples.text("004_ab4a3668ffbb590e.txt"))
        #expect(spans.allSatisfy { $0.regionMention != nil })
        #expect(spans[1].regionMention == "兰州市城关区")
        #expect(spans[0].regionMention == "巴南区")
        #expect(spans[2].regionMention == "城区")
    }

    @Test func newsSummaryReportsStartAtTheirDeliverySentences() throws {
        let text = try SegmentingSamples.text("000_f0971bea6cd450b4.txt")
        let spans = SegmentingSamples.split(text)
        try #require(spans.count == 2)
        #expect(SegmentingSamples.slice(text, spans[0].range).hasPrefix("2020年12月26日,在襄阳市襄州区"))
        #expect(SegmentingSamples.slice(text, spans[1].range).hasPrefix("2020年12月25日,在政协襄阳市襄州区"))
        // The plan for the next year (the bare heading 2021年) is a plan section in both.
        for span in spans {
            let plan = try #require(span.sections.first { $0.section == .plan })
            let planText = SegmentingSamples.slice(text, (span.range.lowerBound + plan.range.lowerBound)..<span.range.upperBound)
            #expect(planText.hasPrefix("2021年"))
        }
        // The page's copyright footer is not part of the last report.
        #expect(!SegmentingSamples.slice(text, spans[1].range).contains("版权"))
    }

    @Test func relatedArticlesAfterAPageAreNotReports() throws {
        let text = try SegmentingSamples.text("002_6e8ec5bf7ac538b2.txt")
        let spans = SegmentingSamples.split(text)
        try #require(spans.count == 1)
        let report = SegmentingSamples.slice(text, spans[0].range)
        #expect(report.hasPrefix("厚植新时代政协情怀"))
        #expect(!report.contains("相关阅读"))
        #expect(!report.contains("人大常委会2023年工作展望"))
    }
}

/// Hand-written reports in the style of the samples, for what no sample shows.
enum HandWritten {
    /// Padding in the voice of a review, so that a hand-written report has a report's length.
    static let reviewParagraph = "常委会坚持以习近平新时代中国特色社会主义思想为指导,紧紧围绕区委中心工作,依法履行监督职责,加强和改进代表工作,推动全过程人民民主在基层落地见效,各项工作取得新的进展。"

    static let threeReportsOfTheCourtsAndGovernment = """
        政府工作报告
        ——2023年1月6日在长清区第十八届人民代表大会第三次会议上
        长清区人民政府区长 张明
        各位代表:
        现在,我代表区人民政府,向大会报告工作,请予审议。
        一、2022年工作回顾
        过去一年,我们坚持稳中求进工作总基调,新建改建农村公路12条,新增城镇就业岗位3200个。\(reviewParagraph)
        二、2023年工作安排
        2023年,我们将新建改建农村公路15条,新增城镇就业岗位3500个。\(reviewParagraph)

        长清区人民法院工作报告
        ——2023年1月7日在长清区第十八届人民代表大会第三次会议上
        各位代表:
        现在,我代表区人民法院向大会报告工作,请予审议。
        2022年,全院共受理各类案件8231件,审结7960件,结案率96.7%。\(reviewParagraph)

        长清区人民检察院工作报告(摘要)
        各位代表:
        现在,我代表区人民检察院向大会报告工作,请予审议。
        2022年,共批准逮捕犯罪嫌疑人126人,提起公诉318人,办理公益诉讼案件45件。\(reviewParagraph)
        """

    static let fiveYearReview = """
        政协丰源市第十届委员会常务委员会工作报告
        ——2023年1月10日在政协丰源市第十一届委员会第一次会议上
        各位委员:
        我代表政协丰源市第十届委员会常务委员会,向大会报告过去五年的工作,并提出今后工作建议,请予审议。
        一、过去五年工作回顾
        五年来,市政协常委会共收到提案1520件,经审查立案1388件,组织专题协商42次。\(reviewParagraph)
        二、今后工作建议
        今后五年,市政协要围绕中心大局,拟组织专题协商50次。\(reviewParagraph)
        """

    static let reviewAndPlan = """
        丰源市人民代表大会常务委员会工作报告
        各位代表:
        我受市人大常委会委托,向大会报告工作,请予审议。
        过去一年的主要工作
        一年来,常委会共组织执法检查5项,听取和审议专项工作报告12个。\(reviewParagraph)
        2023年的工作安排
        2023年,常委会拟组织执法检查3项,听取专项工作报告10个。\(reviewParagraph)
        新的一年,常委会将更加紧密地团结在党中央周围。
        """

    static let newsWithoutReport = """
        当前位置: 首页 > 本地新闻
        丰源市第三届油菜花节开幕
        2023-03-18 来源:丰源日报
        3月18日,丰源市第三届油菜花节在青石镇开幕,吸引游客两万余人次。活动期间,当地还举办了农产品展销会,现场签约项目8个,金额达3.2亿元。
        2023年3月5日,区政协主席会议成员到青石镇调研乡村旅游工作,区人大常委会副主任李四一同调研。
        上一篇: 春耕备耕正当时
        """

    static let pageWithDateAboveAnUntitledReview = """
        凝心聚力谱新篇
        2023-02-14
        来源:丰源日报
        一年来,区政协常委会紧紧围绕区委中心工作,组织委员视察调研12次,提交提案186件,反映社情民意信息74条。
        区政协坚持把协商民主贯穿履职全过程,召开专题协商会6次。\(reviewParagraph)
        区政协委员积极投身基层治理,参与志愿服务2000余人次。
        区政协机关加强自身建设,履职能力不断提升。
        """
}

extension HandWritten {
    static let governmentPage = """
        首页 > 政务公开 > 政府工作报告
        2023年长清区政府工作报告
        发布时间:2023-01-20 来源:区政府办公室
        ——2023年1月5日在长清区第十八届人民代表大会第三次会议上
        长清区人民政府区长 张明
        各位代表:
        现在,我代表区人民政府,向大会报告工作,请予审议。
        过去一年,我们新建改建农村公路12条,新增城镇就业岗位3200个,完成棚户区改造1800户。\(reviewParagraph)
        今年,我们将新建改建农村公路15条。\(reviewParagraph)
        """

    static let sessionNews = """
        1月5日上午,长清区第十八届人民代表大会第三次会议隆重开幕。
        区长张明代表区人民政府向大会作政府工作报告。
        报告指出,过去一年,全区新建改建农村公路12条,新增城镇就业岗位3200个,完成棚户区改造1800户。\(reviewParagraph)
        """

    static let untitledReviewWithRelatedTitles = """
        2022年,丰源区人大常委会紧扣区委中心工作,共组织执法检查6项,听取审议专项工作报告14个。\(reviewParagraph)
        区人大常委会坚持人民至上,组织人大代表开展视察调研18次。\(reviewParagraph)
        区人大常委会加强代表工作,人大代表提出建议批评和意见126件,全部办结。
        区人大常委会加强自身建设。
        相关阅读
        丰源区人民政府工作报告
        2023年1月6日,丰源区第十届人民代表大会第三次会议开幕,区长作政府工作报告,全面回顾过去一年的工作并部署今年的任务。
        """
}

@Suite struct HandWrittenSegmentingTests {
    @Test func governmentPageWithYearBeforeItsTitle() throws {
        let spans = SegmentingSamples.split(HandWritten.governmentPage)
        try #require(spans.count == 1)
        #expect(spans[0].body == .gov)
        #expect(spans[0].title == "2023年长清区政府工作报告")
        #expect(spans[0].period?.year == 2022)
        #expect(spans[0].regionMention == "长清区")
    }

    @Test func paragraphOpeningWithTheNextYearBeginsThePlan() throws {
        let text = HandWritten.untitledReviewWithRelatedTitles.replacingOccurrences(
            of: "区人大常委会加强自身建设。", with: "2023年,区人大常委会将组织执法检查4项。\n2022年,常委会还组织代表视察3次。")
        let spans = SegmentingSamples.split(text)
        try #require(spans.count == 1)
        let report = SegmentingSamples.slice(text, spans[0].range)
        let planStart = try #require(spans[0].sections.first { $0.section == .plan }).range.lowerBound
        let sentence = try #require(report.range(of: "2023年,区人大常委会将"))
        #expect(report.unicodeScalars.distance(from: report.unicodeScalars.startIndex, to: sentence.lowerBound) == planStart)
        // A paragraph opening with the reviewed year does not end the plan.
        #expect(spans[0].sections.map(\.section) == [.review, .plan])
    }

    @Test func newsOfASessionTellsThePlanByTheYearAfterWhatTheReportSays() throws {
        // 报告指出,2022年 states the year reviewed; 报告提出,2023年 what the report plans, and its
        // year is not evidence of the year reviewed.
        let text = HandWritten.sessionNews
            + "\n报告指出,2022年,全区完成固定资产投资86亿元,新增市场主体4100户。"
            + "\n报告提出,2023年,区政府将新建改建农村公路15条,新增城镇就业岗位3500个。"
            + "\n报告强调,新的一年要完成棚户区改造2000户。"
        let spans = SegmentingSamples.split(text)
        try #require(spans.count == 1)
        #expect(spans[0].period?.year == 2022)
        #expect(spans[0].sections.map(\.section) == [.review, .plan])
        let report = SegmentingSamples.slice(text, spans[0].range)
        let planStart = try #require(spans[0].sections.first { $0.section == .plan }).range.lowerBound
        let sentence = try #require(report.range(of: "报告提出,2023年"))
        #expect(report.unicodeScalars.distance(from: report.unicodeScalars.startIndex, to: sentence.lowerBound) == planStart)
    }

    @Test func whatAReportSetsOutForThisYearIsItsPlan() throws {
        let text = HandWritten.sessionNews
            + "\n报告指出,过去一年,全区新建改建农村公路12条。"
            + "\n报告提出,今年将新建改建农村公路15条,新增城镇就业岗位3500个。"
        let spans = SegmentingSamples.split(text)
        try #require(spans.count == 1)
        #expect(spans[0].sections.map(\.section) == [.review, .plan])
    }

    @Test func newsOfASessionSummarisesTheReportDeliveredThere() throws {
        let spans = SegmentingSamples.split(HandWritten.sessionNews)
        try #require(spans.count == 1)
        #expect(spans[0].body == .gov)
        #expect(spans[0].title == "区长张明代表区人民政府向大会作政府工作报告")
    }

    @Test func titleLinkedAfterAPageFooterIsNotAReport() throws {
        let spans = SegmentingSamples.split(HandWritten.untitledReviewWithRelatedTitles)
        #expect(spans.map(\.body) == [.npc])
        #expect(spans.first?.period?.year == 2022)
        #expect(spans.first?.regionMention == "丰源区")
    }

    @Test func governmentCourtAndProcuratorateTitlesAreRecognised() throws {
        let spans = SegmentingSamples.split(HandWritten.threeReportsOfTheCourtsAndGovernment)
        #expect(spans.map(\.body) == [.gov, .court, .procuratorate])
        #expect(spans.map { $0.period?.year } == [2022, 2022, 2022])
        #expect(spans.map(\.regionMention) == ["长清区", "长清区", "长清区"])
        #expect(spans.map(\.title) == ["政府工作报告", "长清区人民法院工作报告", "长清区人民检察院工作报告(摘要)"])
        #expect(spans[0].sections.map(\.section) == [.review, .plan])
    }

    @Test func fiveYearReviewCoversItsTerm() throws {
        let spans = SegmentingSamples.split(HandWritten.fiveYearReview)
        try #require(spans.count == 1)
        #expect(spans[0].body == .cppcc)
        #expect(spans[0].period == Period(year: 2022, start: 2018, end: 2022))
        #expect(spans[0].regionMention == "丰源市")
    }

    @Test func planFiguresFallInThePlanSection() throws {
        let text = HandWritten.reviewAndPlan
        let spans = SegmentingSamples.split(text)
        try #require(spans.count == 1)
        #expect(spans[0].period?.year == 2022)
        let report = SegmentingSamples.slice(text, spans[0].range)
        func section(of phrase: String) -> Section? {
            guard let range = report.range(of: phrase) else { return nil }
            let offset = report.unicodeScalars.distance(from: report.unicodeScalars.startIndex, to: range.lowerBound)
            return spans[0].sections.first { $0.range.contains(offset) }?.section
        }
        #expect(section(of: "执法检查5项") == .review)
        #expect(section(of: "执法检查3项") == .plan)
        // 新的一年 opens a sentence here, not a heading: the plan goes on to the end.
        #expect(section(of: "更加紧密地团结") == .plan)
        #expect(spans[0].sections.last?.range.upperBound == spans[0].range.count)
    }

    @Test func yearbookEntryIsAReportOfTheBodyWhoseWorkItCounts() throws {
        let text = """
            第十二章 人大工作
            【综述】
            2019年,县人大常委会召开常委会会议7次,主任会议12次,听取审议专项工作报告9项,开展执法检查3项,依法任免国家机关工作人员46人次。
            """
        let spans = SegmentingSamples.split(text)
        try #require(spans.count == 1)
        #expect(spans[0].body == .npc)
        #expect(spans[0].title == "第十二章 人大工作")
        #expect(spans[0].period?.year == 2019)
    }

    @Test func pageWithOneArticlePerSessionGivesOneReportPerBody() throws {
        // The first article names no body: its counts (执法检查, 决议决定) are a people's congress's.
        let text = """
            两会专题
            2024年1月23日 召开
            依法履职谱新篇
            这是奋进的答卷:审议法规案12件,作出决议决定5项,开展执法检查4次,听取审议专项工作报告16个。
            2024年1月22日 召开
            凝心聚力启新程
            一年来,省政协举办重要协商活动20场次,立案办复700件提案,全省政协组织履职尽责。
            """
        let spans = SegmentingSamples.split(text)
        #expect(spans.map(\.body) == [.npc, .cppcc])
        #expect(spans.map(\.title) == ["依法履职谱新篇", "凝心聚力启新程"])
    }

    @Test func sectionHeadingOfASiteIsNotTheTitleOfWhatFollows() throws {
        // 政府工作报告 heads the page, but what follows counts a people's congress's work only.
        let text = """
            政府工作报告
            依法履职谱新篇
            一年来,市人大常委会审议法规案12件,作出决议决定5项,开展执法检查4次,听取审议专项工作报告16个,全市人大工作取得新进展。
            """
        let spans = SegmentingSamples.split(text)
        #expect(spans.map(\.body) == [.npc])
    }

    @Test func theDayFiguresStandAtEndsTheReview() throws {
        // A session's news: proposals received up to a day of this year count for this year.
        let session = """
            2023年01月06日
            市政协十届二次会议提案审查委员会举行会议
            截止1月5日12时,大会共收到提案320件,经审查,立案301件,立案率94%。
            """
        #expect(SegmentingSamples.split(session).first?.period?.year == 2023)
        let asOf = """
            提案工作总体情况
            本届以来,市政协提案委员会共收到提案980件,经审查立案911件。截至2021年6月底,911件提案全部办复。
            """
        #expect(SegmentingSamples.split(asOf).first?.period?.year == 2021)
    }

    @Test func pageDateDatesAnUntitledReviewByWhatItTells() throws {
        // Looking back a year from a January page date reviews the year before.
        let lookingBack = """
            省政协提案工作综述
            2024-01-14 来源:丰源日报
            一年来,省政协委员共提交提案610件,经审查,立案580件,全部办复。
            """
        #expect(SegmentingSamples.split(lookingBack).first?.period?.year == 2023)
        // A year named before the committee's work wins over the page date.
        let named = """
            2022-01-16 来源:丰源日报
            据悉,2021年省政协举办各类协商会议40多场,全年立案的600件提案全部办结。
            """
        #expect(SegmentingSamples.split(named).first?.period?.year == 2021)
    }

    @Test func headerAboveADeliverySentenceBelongsToItsReport() throws {
        let text = """
            中国人民政治协商会议
            丰源市第十一届委员会常务委员会
            关于提案工作情况的报告
            (2012年1月17日在政协丰源市第十二届委员会第一次会议上)
            大会主席团和各位委员:
            我受政协丰源市第十一届委员会常务委员会的委托,向大会报告五年来的提案工作情况,请予审议。
            五年来,委员共提出提案5000件,经审查立案4300件。\(HandWritten.reviewParagraph)
            """
        let spans = SegmentingSamples.split(text)
        try #require(spans.count == 1)
        #expect(spans[0].title == "中国人民政治协商会议丰源市第十一届委员会常务委员会关于提案工作情况的报告")
        #expect(spans[0].period == Period(year: 2011, start: 2007, end: 2011))
    }

    @Test func titleRepeatedAboveItsReportLendsItsDate() throws {
        let text = """
            丰源市人民代表大会常务委员会工作报告 ——2016年2月19日在丰源市第十二届人民代表大会第六次会议上
            发布日期:2016-8-24
            丰源市人民代表大会常务委员会工作报告
            各位代表:
            我受市人大常委会委托,向大会报告工作,请予审议。
            \(HandWritten.reviewParagraph)\(HandWritten.reviewParagraph)
            """
        let spans = SegmentingSamples.split(text)
        try #require(spans.count == 1)
        #expect(spans[0].period?.year == 2015)
    }

    @Test func aGovernmentReportIsNeverTakenForACommittees() throws {
        // Titles written in Markdown or in a page's front matter are titles.
        let bold = """
            **2023年丰源市政府工作报告**
            ——2023年1月5日在丰源市第十届人民代表大会第三次会议上
            市长 张明
            \(HandWritten.reviewParagraph)办理人大代表建议120件、政协提案98件,提请市人大常委会审议地方性法规草案4件。
            """
        #expect(SegmentingSamples.split(bold).map(\.body) == [.gov])
        let front = """
            ---
            title: 2019年丰源市人民政府工作报告
            ---
            一、2018年工作回顾
            \(HandWritten.reviewParagraph)办理人大代表建议120件、政协提案98件,提请市人大常委会审议地方性法规草案4件,开展执法检查配合工作。
            """
        #expect(SegmentingSamples.split(front).map(\.body) == [.gov])
        // A government speaking in the opening formula: not a committee's report, titled or not.
        let spoken = """
            各位代表:
            现在,我代表丰源市人民政府,向大会作关于国民经济和社会发展第十四个五年规划纲要的报告,请予审议。
            \(HandWritten.reviewParagraph)办理人大代表建议120件、政协提案98件,市十届人大三次会议确定的任务全面完成,提请审议法规草案4件。
            """
        #expect(!SegmentingSamples.split(spoken).contains { $0.body == .npc || $0.body == .cppcc })
    }

    @Test func casesFiledAreNotProposalsOfAnUnnamedCommittee() {
        // 立案 is also a procuratorate's word: a text naming 检察机关 is the procuratorate's.
        let text = """
            过去一年,市检察机关强化民事行政监督,办理案件712件,针对行政处罚执行不到位的问题开展专项调查,立案83件;
            围绕虚假诉讼开展专项监督,立案审查31件,提出建议159件。
            """
        #expect(SegmentingSamples.split(text).map(\.body) == [.procuratorate])
    }

    @Test func newsArticleWithoutReportYieldsNothing() {
        #expect(SegmentingSamples.split(HandWritten.newsWithoutReport).isEmpty)
        #expect(SegmentingSamples.split("").isEmpty)
    }

    @Test func dateLineAboveAnUntitledReviewGivesTheYearBefore() throws {
        let spans = SegmentingSamples.split(HandWritten.pageWithDateAboveAnUntitledReview)
        try #require(spans.count == 1)
        #expect(spans[0].body == .cppcc)
        #expect(spans[0].period?.year == 2022)
    }

    @Test func tableOfContentsIsNotAReport() throws {
        let compilation = """
            目录
            丰源市人民代表大会常务委员会工作报告
            政协丰源市委员会常务委员会工作报告

            \(HandWritten.reviewAndPlan)
            \(HandWritten.fiveYearReview)
            """
        let spans = SegmentingSamples.split(compilation)
        #expect(spans.map(\.body) == [.npc, .cppcc])
        #expect(spans.first?.title == "丰源市人民代表大会常务委员会工作报告")
    }

    @Test func compilationLendsItsYearToAReportThatStatesNone() throws {
        let undated = """
            丰源市人民代表大会常务委员会工作报告
            各位代表:
            我受市人大常委会委托,向大会报告工作,请予审议。
            \(HandWritten.reviewParagraph)\(HandWritten.reviewParagraph)
            """
        let spans = SegmentingSamples.split(HandWritten.threeReportsOfTheCourtsAndGovernment + "\n" + undated)
        #expect(spans.map { $0.period?.year } == [2022, 2022, 2022, 2022])
        #expect(SegmentingSamples.split(undated).first?.period == nil)
    }
}

@Suite struct TitleDetectorTests {
    @Test func titlesNameTheirBodyAndRegion() throws {
        let cases: [(String, Body, String)] = [
            ("巴南区人民代表大会常务委员会工作报告", .npc, "巴南区"),
            ("政协兰州市城关区委员会常务委员会工作报告", .cppcc, "兰州市城关区"),
            ("城关区委员会常务委员会工作报告", .cppcc, "城关区"),
            ("区人大常委会工作报告", .npc, "区"),
            ("政府工作报告", .gov, ""),
            ("丰源市人民政府2022年工作报告", .gov, "丰源市"),
            ("长清区人民法院工作报告", .court, "长清区"),
            ("长清区人民检察院工作报告(摘要)", .procuratorate, "长清区"),
            ("杭州市临平区第一届人民代表大会常务委员会工作报告", .npc, "杭州市临平区"),
            ("一、巴南区人民代表大会常务委员会工作报告", .npc, "巴南区"),
            ("【政协兰州市城关区委员会常务委员会工作报告】", .cppcc, "兰州市城关区"),
        ]
        for (line, body, stem) in cases {
            let title = try #require(TitleDetector.title(Array(line.unicodeScalars)), "\(line)")
            #expect(title.body == body, "\(line)")
            #expect(title.stem.string == stem, "\(line)")
        }
    }

    @Test func mentionsOfAReportAreNotTitles() {
        for line in ["审议政府工作报告", "《政府工作报告》", "会议听取了区人大常委会工作报告,审议了预算报告",
                     "常务委员会工作报告", "学习政协工作报告精神"] {
            #expect(TitleDetector.title(Array(line.unicodeScalars)) == nil, "\(line)")
        }
    }

    @Test func deliverySentencesNameTheBody() {
        let cases: [(String, Body?)] = [
            ("区人大常委会主任张双成受区五届人大常委会委托,向大会作人大常委会工作报告.", .npc),
            ("在政协丰源市第五届委员会第六次会议上,区政协主席刘畅受政协常务委员会的委托,向大会作工作报告.", .cppcc),
            ("现在,我代表区人民政府,向大会报告工作,请予审议。", .gov),
            ("会议认真审议了区人民政府向大会提交的报告。", nil),
        ]
        for (line, body) in cases {
            #expect(TitleDetector.delivery(Array(line.unicodeScalars)) == body, "\(line)")
        }
    }
}

@Suite struct RegionMentionTests {
    func mention(stem: String? = nil, title: String = "", opening: String) -> String? {
        RegionMention.find(
            titleStem: stem.map { Array($0.unicodeScalars) }, title: Array(title.unicodeScalars),
            opening: Array(opening.unicodeScalars))
    }

    @Test func fullestNameAsWritten() {
        #expect(mention(stem: "城关区", opening: "各位委员:\n我代表政协兰州市城关区第十届委员会常务委员会,向大会报告工作") == "兰州市城关区")
        #expect(mention(stem: "巴南区", opening: "各位代表:\n我受区十九届人大常委会委托,向大会报告工作") == "巴南区")
        #expect(mention(opening: "我代表政协第七届舟山市定海区委员会常务委员会,向大会报告工作") == "舟山市定海区")
        #expect(mention(opening: "我代表中国人民政治协商会议天津市河北区第十五届委员会常务委员会") == "天津市河北区")
        #expect(mention(opening: "我代表政协宁夏回族自治区第十一届委员会常务委员会") == "宁夏回族自治区")
        #expect(mention(opening: "2023年,汉南区人大常委会坚持以习近平新时代中国特色社会主义思想为指导") == "汉南区")
        // The 日 of a date in digits before 在 is not part of the name.
        #expect(mention(stem: "中区", opening: "——2022年12月28日在中区第六届人民代表大会第二次会议上") == "中区")
    }

    @Test func noNameWhereTheTextGivesNone() {
        #expect(mention(stem: "区", opening: "我受区十九届人大常委会委托,向大会报告工作") == nil)
        #expect(mention(opening: "我区人大常委会坚持围绕中心;全区人大代表积极履职") == nil)
        #expect(mention(opening: "沿着时间的轨迹,翻开这部人大常委会的履职日志") == nil)
        // The formula inviting CPPCC members to comment names no region (区政协委员).
        #expect(mention(opening: "现在,我代表区人民政府,向大会作政府工作报告,请予审议,并请区政协委员和列席人员提出意见。") == nil)
    }

    @Test func unboundedNameIsTakenAsTheReportRepeatsIt() {
        let opening = "沿着时间的轨迹,翻开汉滨区人大常委会2019年的履职日志"
        let report = opening + "\n审议通过了《汉滨区创建省级生态文明示范区的决议》\n汉滨区人大将坚持党的领导"
        let lines = report.split(separator: "\n").map { Array($0.unicodeScalars) }
        let repeats = { (name: Phrase) in lines.filter { $0.has(name) }.count }
        #expect(RegionMention.find(titleStem: nil, title: [], opening: Array(opening.unicodeScalars), repeats: repeats) == "汉滨区")
        #expect(RegionMention.find(titleStem: nil, title: [], opening: Array(opening.unicodeScalars)) == nil)
    }
}

@Suite struct NearDuplicateTests {
    static func compiledReports() throws -> [String] {
        let text = try SegmentingSamples.text("004_ab4a3668ffbb590e.txt")
        return SegmentingSamples.split(text).map { SegmentingSamples.slice(text, $0.range) }
    }

    @Test func titlePrefixAndMissingLastParagraphStillCopy() throws {
        let original = try Self.compiledReports()[5]
        var paragraphs = original.split(separator: "\n", omittingEmptySubsequences: false)
        paragraphs.removeLast()
        let copy = "厦门市" + paragraphs.joined(separator: "\n")
        #expect(NearDuplicate.earlierCopies(of: [original, copy]) == [nil, 0])
    }

    @Test func reportsOfTheSameGenreAreNotCopies() throws {
        let distinct = Array(try Self.compiledReports().prefix(16))
        #expect(NearDuplicate.earlierCopies(of: distinct).allSatisfy { $0 == nil })
        // Two hand-written reports that share every boilerplate sentence but state their own work.
        let a = HandWritten.reviewAndPlan
        let b = HandWritten.fiveYearReview
        #expect(NearDuplicate.earlierCopies(of: [a, b]) == [nil, nil])
    }

    @Test func anExcerptIsNotACopy() throws {
        let report = try Self.compiledReports()[0]
        let half = String(report.prefix(report.count / 2))
        #expect(NearDuplicate.earlierCopies(of: [report, half]) == [nil, nil])
    }

    @Test func repeatedCompilationPointsEveryCopyAtTheFirst() throws {
        let reports = try Self.compiledReports()
        let copies = NearDuplicate.earlierCopies(of: reports + reports + reports)
        let expected: [Int?] = (0..<3).flatMap { block in
            reports.indices.map { k -> Int? in
                if k == 16 { return 3 }
                return block == 0 ? nil : k
            }
        }
        #expect(copies == expected)
    }

    @Test func shortTextsAreComparedExactly() {
        #expect(NearDuplicate.earlierCopies(of: ["常委会听取审议专项工作报告12个。", "常委会听取审议专项工作报告12个。", "政协组织委员视察调研8次。"])
            == [nil, 0, nil])
    }
}

@Suite struct SectionDetectorTests {
    func sections(_ headings: [String], period: Period?) -> [Section] {
        let parsed = headings.enumerated().compactMap { index, line -> SectionHeading? in
            SectionHeading.cue(of: Array(line.unicodeScalars)).map { SectionHeading(cue: $0.cue, year: $0.year, offset: (index + 1) * 100) }
        }
        return SectionDetector.sections(headings: parsed, period: period, length: (headings.count + 1) * 100).map(\.section)
    }

    @Test func planRunsToTheNextReviewHeading() {
        #expect(sections(["过去一年的主要工作", "2023年的工作安排"], period: Period(year: 2022)) == [.review, .plan])
        #expect(sections(["二、今后一个时期的工作", "三、加强自身建设"], period: nil) == [.review, .plan])
        #expect(sections(["2021年", "2022年"], period: Period(year: 2021)) == [.review, .plan])
        #expect(sections(["2023年工作任务", "2022年工作回顾"], period: Period(year: 2022)) == [.review, .plan, .review])
        // An undated 主要工作 heads a plan's parts, not a review.
        #expect(sections(["2023年主要任务", "(一)主要工作"], period: Period(year: 2022)) == [.review, .plan])
    }
}

@Suite struct PeriodDetectorTests {
    func evidence(title: String = "", headings: [String] = [], opening: [String] = [], dates: [String] = []) -> PeriodDetector.Evidence {
        let parsed = headings.enumerated().compactMap { index, line -> SectionHeading? in
            SectionHeading.cue(of: Array(line.unicodeScalars)).map { SectionHeading(cue: $0.cue, year: $0.year, offset: index * 100) }
        }
        return PeriodDetector.evidence(
            title: Array(title.unicodeScalars), headings: parsed, opening: opening.map { Array($0.unicodeScalars) },
            dateLines: dates.map { Array($0.unicodeScalars) })
    }

    @Test func reviewYearFromHeadings() {
        #expect(evidence(headings: ["2022年的主要工作", "2023年的工作安排"]).year == 2022)
        #expect(evidence(headings: ["过去一年的主要工作", "2023年的工作安排"]).year == 2022)
        #expect(evidence(headings: ["过去一年的主要工作", "2023年主要工作"]).year == 2022)
        #expect(evidence(headings: ["一、2022年工作回顾", "二、2023年重点工作"]).year == 2022)
        #expect(evidence(headings: ["2020年", "2021年"]).year == 2020)
        #expect(evidence(headings: ["一、2022年工作回顾和2023年工作安排"]).year == 2022)
        #expect(evidence(headings: ["一、过去一年的工作回顾", "二、今后一个时期的工作"]).year == nil)
    }

    @Test func reviewYearFromTitleOpeningOrDelivery() {
        #expect(evidence(title: "厚植新时代政协情怀——商州区政协2022年工作回顾").year == 2022)
        #expect(evidence(title: "商州区人大常委会2023年工作展望").year == nil)
        #expect(evidence(title: "2023年政府工作报告").year == 2022)
        #expect(evidence(opening: ["2023年,汉南区人大常委会坚持以习近平新时代中国特色社会主义思想为指导"]).year == 2023)
        #expect(evidence(opening: ["2022年6月30日,区政协组织委员视察工业园区。"]).year == nil)
        #expect(evidence(dates: ["2023-02-14"]).year == 2022)
        #expect(evidence(dates: ["2020年12月26日,在区第五届人民代表大会第六次会议上"]).year == 2020)
    }

    @Test func fiveYearReviewCoversFiveYears() {
        let fiveYears = evidence(headings: ["一、2022年主要工作", "二、过去五年工作回顾", "三、今后工作的建议"])
        #expect(fiveYears.period(orYear: nil) == Period(year: 2022, start: 2018, end: 2022))
        let annual = evidence(headings: ["2022年主要工作", "(二)聚焦十四五规划工作", "2023年主要任务"])
        #expect(annual.period(orYear: nil) == Period(year: 2022))
        #expect(evidence(headings: ["今后五年工作建议"]).coversFiveYears == false)
        #expect(evidence(opening: ["我代表政协第十一届丰源市委员会常务委员会,向大会报告过去五年的工作,请予审议。"]).coversFiveYears)
        #expect(evidence(opening: ["过去五年,全市地区生产总值年均增长6.5%。"]).coversFiveYears == false)
    }
}

@Suite struct SegmentingPipelineTests {
    @Test func pipelineStoresTheRepeatedReportAsADuplicate() throws {
        let data = Data(try SegmentingSamples.text("004_ab4a3668ffbb590e.txt").utf8)
        let pipeline = ReportPipeline(activities: [], gazetteer: Gazetteer(regions: []))
        let parsed = try pipeline.parse(data, path: "004_ab4a3668ffbb590e.txt")
        #expect(parsed.reports.count == 17)
        #expect(parsed.reports.filter { $0.duplicateOf != nil }.map(\.ordinal) == [17])
        #expect(parsed.reports.last?.duplicateOf == 4)
        #expect(parsed.reports.allSatisfy { $0.text.hasPrefix($0.title) })
    }
}

@Suite struct SegmentingRobustnessTests {
    /// Spans lie inside the text, in order, without overlap; sections tile each report.
    func expectWellFormed(_ text: String, _ spans: [ReportSpan]) {
        let count = text.unicodeScalars.count
        var previousEnd = 0
        for span in spans {
            #expect(span.range.lowerBound >= previousEnd && span.range.upperBound <= count)
            #expect(!span.range.isEmpty)
            previousEnd = span.range.upperBound
            #expect(span.sections.first?.range.lowerBound == 0)
            #expect(span.sections.last?.range.upperBound == span.range.count)
            for (a, b) in zip(span.sections, span.sections.dropFirst()) {
                #expect(a.range.upperBound == b.range.lowerBound && a.section != b.section)
            }
        }
    }

    @Test func oddInputsNeitherCrashNorInventReports() {
        let inputs = [
            "", "\n\n\n", "工作报告", "政府工作报告", "向大会报告", "各位代表:", "2023年", "——",
            "巴南区人民代表大会常务委员会工作报告", "巴南区人民代表大会常务委员会工作报告\n各位代表:",
            "\r\n政府工作报告\r\n各位代表:\r\n现在,我代表区人民政府,向大会报告工作。\r\n",
        ]
        for input in inputs {
            let spans = SegmentingSamples.split(input)
            #expect(spans.isEmpty, "\(input.debugDescription)")
            expectWellFormed(input, spans)
        }
    }

    @Test func windowsLineEndingsAndFullWidthIndentSplitAlike() {
        let text = HandWritten.threeReportsOfTheCourtsAndGovernment
            .split(separator: "\n", omittingEmptySubsequences: false).map { "\u{3000}\u{3000}" + $0 }.joined(separator: "\r\n")
        let spans = SegmentingSamples.split(text)
        #expect(spans.map(\.body) == [.gov, .court, .procuratorate])
        #expect(spans.map(\.title) == ["政府工作报告", "长清区人民法院工作报告", "长清区人民检察院工作报告(摘要)"])
        expectWellFormed(text, spans)
    }

    @Test func cutsOfTheSamplesStayWellFormed() throws {
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(max(bound, 1)))
        }
        for file in SampleSegmentingTests.files {
            let scalars = Array(try SegmentingSamples.text(file).unicodeScalars)
            for _ in 0..<10 {
                let a = next(scalars.count)
                let b = a + next(scalars.count - a)
                let cut = String(String.UnicodeScalarView(scalars[a..<b]))
                let spans = SegmentingSamples.split(cut)
                expectWellFormed(cut, spans)
                _ = NearDuplicate.earlierCopies(of: spans.map { SegmentingSamples.slice(cut, $0.range) })
            }
        }
    }
}
