import Foundation
import Testing
@testable import WarehouseKit

/// The repository's real inputs, found from this file's path.
enum RepositoryFiles {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var activitiesFile: URL { root.appendingPathComponent("data/activities.csv") }
    static var reportsDirectory: URL { root.appendingPathComponent("data/reports") }
    static var fixtures: URL { root.appendingPathComponent("Tests/WarehouseKitTests/Fixtures") }

    static func activities() throws -> [Activity] {
        try Vocabulary.activities(at: activitiesFile)
    }
}

@Suite struct FactExtractorTests {
    let extractor: FactExtractor

    init() throws {
        extractor = FactExtractor(cues: CueTable(activities: try RepositoryFiles.activities()))
    }

    private func facts(_ text: String, body: Body = .npc, sections: [SectionSpan] = []) -> [Fact] {
        extractor.extract(from: text, sections: sections, body: body)
    }

    private func coded(_ text: String, body: Body = .npc) -> [String: [Double]] {
        var result: [String: [Double]] = [:]
        for fact in facts(text, body: body) where fact.activityCode != Activity.otherCode {
            result[fact.activityCode, default: []].append(fact.value)
        }
        return result
    }

    // MARK: - Where the cue is

    @Test func governmentsCourtsAndProcuratoratesHandleDeputiesSuggestions() {
        #expect(coded("办理区人大代表建议126件、政协提案189件。", body: .gov)
            == ["deputy_suggestion": [126], "proposal_handled": [189]])
        // Never the court's own suggestions (opinions_offered) for want of a code that fits.
        #expect(coded("认真办理人大代表建议15件。", body: .court) == ["deputy_suggestion": [15]])
        #expect(coded("办理人大代表建议8件、政协提案4件。", body: .procuratorate)
            == ["deputy_suggestion": [8], "proposal_handled": [4]])
    }

    @Test func commonWordingsOfReportsHeardPetitionsAndMembersProposals() {
        #expect(coded("听取和审议县政府、县法院、县检察院工作报告112个。") == ["work_report_review": [112]])
        #expect(coded("常委会依法受理群众来信356件。") == ["petition": [356]])
        #expect(coded("认真办理人大代表建议12件、政协委员提案5件。", body: .court)
            == ["deputy_suggestion": [12], "proposal_handled": [5]])
        // In a CPPCC report members' proposals received are proposals submitted.
        #expect(coded("共收到委员提案312件。", body: .cppcc) == ["proposal_submitted": [312]])
        #expect(coded("截至目前,253件提案均已办复。", body: .cppcc) == ["proposal_handled": [253]])
    }

    @Test func proposalsSupervisedAndSocialConditionsManuscriptsAreNotMisread() {
        // Key proposals the leaders supervise are a selection, not proposals submitted.
        #expect(coded("区政协主席、副主席领衔督办重点提案12件。", body: .cppcc).isEmpty)
        // Manuscripts of social-conditions reports are not media reports.
        #expect(coded("报送社情民意信息稿件152篇。", body: .cppcc)["media_report"] == nil)
        #expect(coded("全年在各级媒体刊发政协工作稿件300余篇。", body: .cppcc) == ["media_report": [300]])
    }

    @Test func aPredicateOfProposalsDoesNotRecodeDeputiesSuggestions() {
        #expect(coded("区人大代表提出的126件代表建议全部办结。", body: .gov) == ["deputy_suggestion": [126]])
    }

    @Test func procuratorialAndJudicialSuggestionsAreNotDeputiesSuggestions() {
        #expect(coded("发出诉前检察建议76件。", body: .procuratorate) == ["procuratorial_suggestion": [76]])
        #expect(coded("发出司法建议23件。", body: .court) == ["judicial_suggestion": [23]])
        // A procuratorate's or court's own suggestions, even when written 建议 alone.
        #expect(coded("充分发挥诉前检察建议作用,提出建议158件。", body: .procuratorate) == ["procuratorial_suggestion": [158]])
        #expect(coded("认真办理人大代表建议15件。", body: .procuratorate) == ["deputy_suggestion": [15]])
        // Proposals turned into suggestions are not the committee's own suggestions.
        #expect(coded("立案253件,转为意见建议26件。", body: .cppcc) == ["proposal_accepted": [253]])
    }

    @Test func materialsForProposalsAndArticlesCollectedInABookAreNotThemselves() {
        // Drafting material for proposals is not proposals put forward.
        #expect(coded("组织委员撰写提案素材120余份。", body: .cppcc)["proposal_submitted"] == nil)
        #expect(coded("共提出提案215件。", body: .cppcc) == ["proposal_submitted": [215]])
        // A cultural-history volume that collects articles is not media coverage.
        #expect(coded("编印文史资料《城南旧事》,收录文章60余篇。", body: .cppcc)["media_report"] == nil)
        #expect(coded("在各级媒体发表宣传报道文章85篇。", body: .cppcc) == ["media_report": [85]])
    }

    @Test func aCueInWhatTheActsWereAboutIsNotTheActivity() {
        // The occasions are requests to the party committee, about committee business.
        #expect(coded("先后3次就城市更新、常委会重要工作等事项向区委请示报告。")["standing_committee_meeting"] == nil)
        // The occasions are hearings of a report whose name mentions an inspection.
        #expect(coded("两次听取区政府关于食品安全法执法检查整改情况的报告。")["law_enforcement_inspection"] == nil)
        // A verb of its own after the topic: the cue is the activity again.
        #expect(coded("先后2次就营商环境开展专题询问。") == ["special_inquiry": [2]])
    }

    @Test func cueBeforeTheNumber() {
        #expect(coded("全年共召开常委会会议9次。") == ["standing_committee_meeting": [9]])
        #expect(coded("审议“一府一委两院”专项报告20项。") == ["work_report_review": [20]])
        #expect(coded("共收到提案127件,立案101件。", body: .cppcc) == ["proposal_submitted": [127], "proposal_accepted": [101]])
    }

    @Test func cueAfterTheNumber() {
        #expect(coded("五年来召开51次党组会议。", body: .cppcc) == ["party_group_meeting": [51]])
        #expect(coded("等11篇调研报告被采纳。") == ["research_report": [11]])
        #expect(coded("形成六篇调研报告。", body: .cppcc) == ["research_report": [6]])
        // An occasion counts the verb phrase after it, however long.
        #expect(coded("先后12次组织市、区两级人大代表深入重大项目现场、深入企业视察调研。") == ["research_survey": [12]])
        #expect(coded("对2部法律法规实施情况开展了执法检查。") == ["law_enforcement_inspection": [2]])
    }

    /// The noun right after the unit is what is counted, even if another cue came before.
    @Test func theNounAfterTheUnitWins() {
        #expect(coded("2件议案和93件建议已全部办理完毕并答复代表。") == ["deputy_motion": [2], "deputy_suggestion": [93]])
        #expect(coded("召开51次党组会议、47次理论学习中心组学习会和57次主席会议。", body: .cppcc)
            == ["party_group_meeting": [51], "study_session": [47], "chair_meeting": [57]])
    }

    // MARK: - Lists

    @Test func aListGivesOneFactPerItem() {
        let result = coded("全年召开常委会会议7次、主任会议12次,听取审议专项工作报告18项,组织执法检查5项、专题调研4项。")
        #expect(result == [
            "standing_committee_meeting": [7], "chair_meeting": [12], "work_report_review": [18],
            "law_enforcement_inspection": [5], "research_survey": [4],
        ])
    }

    @Test func aListItemWithoutCueTakesTheCueOfAParallelItem() {
        #expect(coded("补选市人大代表1名、区人大代表6名。") == ["deputy_by_election": [1, 6]])
        #expect(coded("依法补选1名市人大代表、10名区人大代表。") == ["deputy_by_election": [1, 10]])
        #expect(coded("根据代表出缺情况,补选市人大代表1名,区人大代表6名;召开主任会议22次。")
            == ["deputy_by_election": [1, 6], "chair_meeting": [22]])
        // Not parallel: different things listed after one verb stay unclassified.
        #expect(coded("提出建议955条、交办900件、整改完成723件。") == ["opinions_offered": [955]])
    }

    @Test func peopleAfterDeTookPartInTheActivityBefore() {
        #expect(coded("举办代表培训班3期,参加培训的代表达320余人次。") == ["deputy_training": [320]])
        // A count of things after 的 still has its own noun.
        #expect(coded("报备的重大事项2项。")["normative_document_review"] == nil)
    }

    @Test func anItemSharingOnlyTheEndOfACueNamesAnotherActivity() {
        #expect(coded("全年召开常委会议4次、主席会议9次、秘书长会议12次。", body: .cppcc)
            == ["standing_committee_meeting": [4], "chair_meeting": [9]])
    }

    @Test func twoCountsSideBySideCountTheSameThing() {
        #expect(coded("转发审议意见 7份 25条。") == ["opinions_offered": [7, 25]])
        #expect(coded("全年接待群众来访来信18件266人次。") == ["petition": [18, 266]])
    }

    // MARK: - Combined counts

    @Test func aBareCountInAnotherUnitCountsTheSameThing() {
        #expect(coded("全年共接待人民群众来访156批次、480人次。") == ["petition": [156, 480]])
        // A bare count in the same unit is not taken for the same thing.
        #expect(coded("开展执法检查5次、3次。") == ["law_enforcement_inspection": [5]])
    }

    @Test func aCountOfSeveralActivitiesIsOneCombinedFact() throws {
        let found = facts("开展集中视察调研、执法检查、专题询问和代表约见国家机关工作人员29次。")
        let fact = try #require(found.count == 1 ? found.first : nil)
        #expect(fact.value == 29 && fact.isCombined)
        #expect(fact.activityCode == Activity.otherCode)
    }

    @Test func aCombinedCountKeepsTheCodeMostItemsName() throws {
        let fact = try #require(facts("组织会议培训、专题学习、集中研讨23次。").first)
        #expect(fact.activityCode == "study_session" && fact.isCombined && fact.value == 23)
        let again = try #require(facts("组织开展集中学习、专题研讨、专题培训43次。").first)
        #expect(again.activityCode == "study_session" && again.isCombined)
    }

    /// Items before a verb are who acted, not activities counted together.
    @Test func itemsWhoseCuesJoinedAreOneCueCountThatActivity() {
        #expect(coded("常委会累计开展视察、调研活动137次。") == ["research_survey": [137]])
        #expect(coded("作出决议、决定38项。") == ["resolution_decision": [38]])
        // Cues that do not join into one stay a combined count.
        #expect(coded("开展视察、执法检查12次。").isEmpty)
    }

    @Test func itemsBeforeTheVerbAreActors() throws {
        let fact = try #require(facts("党组会议、常委会会议、理论学习中心组共开展集中学习15次。").first)
        #expect(fact.activityCode == "study_session" && !fact.isCombined)
    }

    @Test func oneRateForSeveralNamedRatesGivesEachRate() {
        #expect(coded("立案提案的答复率、满意率均为100%。", body: .cppcc)
            == ["handling_rate": [100], "satisfaction_rate": [100]])
        #expect(coded("办理结果满意率为99.17%,问题解决率为92.56%。") == ["satisfaction_rate": [99.17]])
    }

    // MARK: - Totals and parts

    @Test func partsAfterQiZhongAreMarked() throws {
        let found = facts("全年共任免148人次,其中人大59人次、政府38人次、监委1人次。").filter { $0.activityCode == "appointment" }
        #expect(found.map(\.value) == [148, 59, 38, 1])
        #expect(found.map(\.isPart) == [false, true, true, true])
    }

    @Test func partsOfATotalRepeatedFromAnEarlierSentenceAreMarked() {
        let found = facts("全年任免国家机关工作人员87人次。依法行使任免权,共任免国家机关工作人员87人次,其中任命43人次,免职44人次。")
            .filter { $0.activityCode == "appointment" }
        #expect(found.map(\.value) == [87, 43, 44])
        #expect(found.map(\.isPart) == [false, true, true])
    }

    @Test func aShareAfterQiZhongIsNotAPartOfARate() {
        let text = "交办代表建议215件,办结率100%,其中所提问题已经解决或计划解决的占86.5%。"
        #expect(coded(text) == ["deputy_suggestion": [215], "handling_rate": [100]])
    }

    @Test func ratesCountOnlyNearSuggestionsOrProposals() {
        #expect(coded("开通便民热线,受理群众诉求5.6万件,办结率99.2%,群众满意度96.5%。", body: .gov).isEmpty)
        #expect(coded("听取审议专项工作报告14个,满意度测评合格率100%。") == ["work_report_review": [14]])
        #expect(coded("督办代表建议98件。办结率100%,满意率97.96%。")
            == ["deputy_suggestion": [98], "handling_rate": [100], "satisfaction_rate": [97.96]])
    }

    @Test func partsInABracketBelongToTheNounAfterIt() {
        let found = facts("区十九届人大一次会议以来转交的320件(其中政府302件,区委部门和群团18件)建议,全部办结。")
        let suggestions = found.filter { $0.activityCode == "deputy_suggestion" }
        #expect(suggestions.map(\.value) == [320, 302, 18])
        #expect(suggestions.map(\.isPart) == [false, true, true])
    }

    // MARK: - What is not an activity

    @Test func countsOfOtherThingsAreKeptAsOtherWithTheirPhrase() throws {
        let found = facts("配齐配强了22个功能型党支部,帮扶贫困户5800户。", body: .cppcc)
        #expect(found.allSatisfy { $0.activityCode == Activity.otherCode })
        #expect(found.map(\.phrase) == ["功能型党支部", "帮扶贫困户"])
        #expect(coded("对城区8个农贸市场的建设管理开展专项监督。").isEmpty)
        #expect(coded("区人大常委会领导分别带队到23个镇街、11个区级部门和8个中心城区进行系统调研。").isEmpty)
    }

    @Test func awardsAreNotCountsOfWork() {
        #expect(coded("评选表彰优秀履职委员20名、优秀提案35件。", body: .cppcc).isEmpty)
    }

    @Test func namesOrdinalsAndTitlesAreNotCounts() {
        #expect(coded("审议通过《加快镇村公路建设议案》,不断增强“四个意识”,贯彻十九届人大一次会议精神。").isEmpty)
        #expect(coded("向榆林市府谷县政协赠送《商州文史资料》图书107册。", body: .cppcc).isEmpty)
        #expect(coded("主席会议成员赴项目现场督导检查100多次。", body: .cppcc) == [:])
    }

    // MARK: - Cue table

    @Test func cuesOnlyApplyToTheirBodies() {
        #expect(coded("全年共收到提案127件。", body: .npc).isEmpty)
        #expect(coded("全年共收到提案127件。", body: .cppcc) == ["proposal_submitted": [127]])
    }

    /// 政协提案 are proposals put forward in a CPPCC report and proposals handled in a government's.
    @Test func theCommitteesPartyGroupIsNotAMeetingOfTheCommittee() {
        #expect(coded("常委会党组召开会议21次,开展理论中心组学习12次。") == ["study_session": [12]])
        #expect(coded("召开常委会党组会议21次。") == ["party_group_meeting": [21]])
    }

    @Test func aSharedCueFollowsTheBody() {
        #expect(coded("提出政协提案231件。", body: .cppcc) == ["proposal_submitted": [231]])
        #expect(coded("全年办理人大代表建议156件、政协提案203件,办复率100%。", body: .gov)
            == ["deputy_suggestion": [156], "proposal_handled": [203], "handling_rate": [100]])
    }

    /// 建议 is a deputy's suggestion handled (件) or the body's own suggestion (条).
    @Test func theUnitSettlesACueSharedByTwoActivities() {
        #expect(coded("代表提出的137件建议全部办理完毕。") == ["deputy_suggestion": [137]])
        #expect(coded("提出建议955条。") == ["opinions_offered": [955]])
        #expect(coded("提出建议百余条。", body: .cppcc) == ["opinions_offered": [100]])
    }

    @Test func aCueAddedToTheVocabularyIsUsedWithoutCode() throws {
        var activities = try RepositoryFiles.activities()
        activities.append(Activity(
            code: "legislative_hearing", bodies: ["npc"], category: "oversight", nameZh: "立法听证",
            nameEn: "Legislative hearings", unit: "次", cues: ["立法听证"], notes: ""))
        let grown = FactExtractor(cues: CueTable(activities: activities))
        let found = grown.extract(from: "举行立法听证3次。", sections: [], body: .npc)
        #expect(found.map(\.activityCode) == ["legislative_hearing"])
    }

    // MARK: - Facts as stored

    @Test func theSameFigureRepeatedIsOneFact() {
        let found = facts("全年召开常委会会议7次。回顾一年,召开常委会会议7次,审议议题54项。")
        #expect(found.filter { $0.activityCode == "standing_committee_meeting" }.count == 1)
    }

    @Test func evidenceIsTheClauseAtItsOffsets() throws {
        let text = "一年来,常委会围绕中心,共召开常委会9次、主任会18次,圆满完成任务。"
        let fact = try #require(facts(text).first { $0.activityCode == "chair_meeting" })
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[fact.range])) == fact.evidence)
        #expect(fact.evidence == "共召开常委会9次、主任会18次")
        #expect(fact.unit == "次" && fact.qualifier == .exact)
    }

    @Test func factsInAPlanSectionAreMarkedPlan() throws {
        let text = "全年召开常委会会议7次。2023年,计划开展执法检查3项。"
        let planStart = Array("全年召开常委会会议7次。".unicodeScalars).count
        let plan = SectionSpan(range: planStart..<text.unicodeScalars.count, section: .plan)
        let review = SectionSpan(range: 0..<planStart, section: .review)
        let found = facts(text, sections: [review, plan])
        #expect(found.first { $0.activityCode == "standing_committee_meeting" }?.section == .review)
        #expect(found.first { $0.activityCode == "law_enforcement_inspection" }?.section == .plan)
    }

    @Test func aPlanRepeatingLastYearsFigureIsAFactOfItsOwn() {
        let text = "开展了3项执法检查。新的一年,常委会将开展执法检查3项。"
        let planStart = Array("开展了3项执法检查。".unicodeScalars).count
        let sections = [
            SectionSpan(range: 0..<planStart, section: .review),
            SectionSpan(range: planStart..<text.unicodeScalars.count, section: .plan),
        ]
        let found = facts(text, sections: sections).filter { $0.activityCode == "law_enforcement_inspection" }
        #expect(found.map(\.section) == [.review, .plan])
    }

    @Test func qualifiersTravelWithTheFact() throws {
        let found = facts("全年在市级以上媒体发稿170余篇,接待群众近2000人次,习近平新时代中国特色社会主义思想学习研讨16次。")
        #expect(found.first { $0.activityCode == "media_report" }?.qualifier == .atLeast)
        #expect(found.first { $0.activityCode == "petition" }?.qualifier == .approx)
        #expect(found.first { $0.activityCode == "study_session" }?.qualifier == .exact)
    }
}
