import Testing
@testable import WarehouseKit

/// How reports word their counts, one shape per test, on invented sentences: the count before
/// its noun, counts in one list under one verb, the verb that decides the code, wording without
/// a cue of the vocabulary's, and the look-alikes that are not the body's work.
@Suite struct ReportWordingTests {
    let extractor: FactExtractor

    init() throws {
        extractor = FactExtractor(cues: CueTable(activities: try RepositoryFiles.activities()))
    }

    private func coded(_ text: String, body: Body = .npc) -> [String: [Double]] {
        var result: [String: [Double]] = [:]
        for fact in extractor.extract(from: text, sections: [], body: body) where fact.activityCode != Activity.otherCode {
            result[fact.activityCode, default: []].append(fact.value)
        }
        return result
    }

    private func parts(_ text: String, body: Body) -> [String: [Double]] {
        var result: [String: [Double]] = [:]
        for fact in extractor.extract(from: text, sections: [], body: body) where fact.isPart {
            result[fact.activityCode, default: []].append(fact.value)
        }
        return result
    }

    // MARK: - The count before its noun

    @Test func countBeforeTheNounCountsThatNoun() {
        #expect(coded("全年开展7次视察、4次执法检查。") == ["inspection_tour": [7], "law_enforcement_inspection": [4]])
        #expect(coded("围绕民生实事形成5份专题调研报告。") == ["research_report": [5]])
        #expect(coded("组织代表开展15项视察活动。") == ["inspection_tour": [15]])
        #expect(coded("转交代表建议210件,办复率达100%。") == ["deputy_suggestion": [210], "handling_rate": [100]])
    }

    @Test func eachCountOfAListCountsTheNounAfterIt() {
        #expect(coded("督促办复150件人大代表建议和86件政协提案。", body: .gov)
            == ["deputy_suggestion": [150], "proposal_handled": [86]])
        // A conjunction ends a noun: 议案6件和建议480件 are two counts.
        #expect(coded("交办代表议案6件和建议480件。") == ["deputy_motion": [6], "deputy_suggestion": [480]])
    }

    // MARK: - The verb decides

    @Test func theVerbBeforeRegulationsDecidesTheLegislativeCode() {
        #expect(coded("审议地方性法规草案14件,批准设区的市法规22件。")
            == ["legislation_deliberated": [14], "legislation_approved": [22]])
        #expect(coded("全年制定修改市本级地方性法规9件。") == ["legislation_passed": [9]])
        // The noun after the count, the verb before it.
        #expect(coded("审查批准4件自治条例。") == ["legislation_approved": [4]])
        #expect(coded("废止城市管理条例等5部法规。") == ["legislation_passed": [5]])
        // The noun first, the verb after it.
        #expect(coded("对26件法规的立改废进行审议。") == ["legislation_deliberated": [26]])
    }

    @Test func aVerbAloneTakesTheNounOfTheCountBefore() {
        #expect(coded("制定地方性法规6件、修改11件、废止3件。") == ["legislation_passed": [6, 11, 3]])
        #expect(coded("审议法规草案12部,通过9部。") == ["legislation_deliberated": [12], "legislation_passed": [9]])
        // Only within one kind of activity: 通过 after a count of inspections counts nothing.
        #expect(coded("开展执法检查5项,通过3项。") == ["law_enforcement_inspection": [5]])
    }

    @Test func verbsSideBySideEachGiveAFact() {
        #expect(coded("立案办复680件提案。", body: .cppcc) == ["proposal_accepted": [680], "proposal_handled": [680]])
    }

    @Test func aVerbInARelativeClauseOfAnEarlierTimeIsNotTheWorkDone() {
        #expect(coded("系统清理了2015年以前制定的96部地方性法规。").isEmpty)
        // …but what was accepted (立案的) is what the count counts.
        #expect(coded("立案的312件提案已全部办复。", body: .cppcc)["proposal_accepted"] == [312])
    }

    // MARK: - Wording without the vocabulary's cue

    @Test func inspectionsOfLawsAndReportsHeard() {
        #expect(coded("检查7部法律法规实施情况。") == ["law_enforcement_inspection": [7]])
        #expect(coded("检查法律法规实施情况9部。") == ["law_enforcement_inspection": [9]])
        #expect(coded("开展3部法律法规执行情况检查。") == ["law_enforcement_inspection": [3]])
        #expect(coded("听取审议报告31项。") == ["work_report_review": [31]])
        #expect(coded("听取审议专项工作报告和计划预算报告40个。") == ["work_report_review": [40]])
    }

    @Test func proposalsSubmittedAcceptedAndRates() {
        #expect(coded("大会共收到提案420件,经审查立案398件。", body: .cppcc)
            == ["proposal_submitted": [420], "proposal_accepted": [398]])
        #expect(coded("共征集提案1800件。", body: .cppcc) == ["proposal_submitted": [1800]])
        #expect(coded("编报社情民意信息60期。", body: .cppcc) == ["social_conditions_report": [60]])
        #expect(coded("提案办结率、答复率、满意率均为100%。", body: .cppcc)
            == ["handling_rate": [100], "satisfaction_rate": [100]])
        #expect(coded("全部提案已办复,委员对办理结果满意或基本满意的占96%。", body: .cppcc)["satisfaction_rate"] == [96])
    }

    // MARK: - Not the body's work

    @Test func sharesByTopicAreNotCountsOfWork() {
        #expect(coded("立案提案中,关于经济建设方面的提案120件、关于社会建设方面的提案80件。", body: .cppcc).isEmpty)
        #expect(coded("其中,城建环保类建议40件,教科文卫类建议35件。").isEmpty)
        #expect(coded("在生态文明领域,60件提案推动了河道治理。", body: .cppcc).isEmpty)
        // 各类 and a list of topics (等方面) are not one topic.
        #expect(coded("形成关于乡村振兴、医疗卫生等方面的调研报告8篇,报送各类意见建议90条。")
            == ["research_report": [8], "opinions_offered": [90]])
    }

    @Test func partsOfABreakdownCountUnderTheirWhole() {
        let text = "经审查,立案300件,其中委员提案250件,集体提案50件。"
        #expect(coded(text, body: .cppcc) == ["proposal_accepted": [300, 250, 50]])
        #expect(parts(text, body: .cppcc) == ["proposal_accepted": [250, 50]])
        // 在…中 names the whole; a 其中 inside it and a ； after it keep that whole.
        let opened = "在立案的提案中,委员个人提案200件,其中联名提案30件;党派团体提案20件。"
        #expect(parts(opened, body: .cppcc) == ["proposal_accepted": [200, 30, 20]])
    }

    @Test func lookAlikesAreNotActivities() {
        #expect(coded("办理行政复议案件32件。", body: .gov).isEmpty)
        // Key proposals are a selection of those accepted, merged ones a disposal.
        #expect(coded("从480件立案提案中遴选产生20件重点提案。", body: .cppcc) == ["proposal_accepted": [480]])
        #expect(coded("合并提案15件。", body: .cppcc).isEmpty)
        // The 53rd meeting of a term, not 53 meetings; 十四五 is a plan's name.
        #expect(coded("市政协召开十三届五十三次主席会议。", body: .cppcc).isEmpty)
        #expect(coded("围绕十四五规划开展专题调研。", body: .cppcc).isEmpty)
        // A verb with its own object between the body and the count: plenary sessions convened.
        #expect(coded("区人大常委会共召集人民代表大会会议2次。").isEmpty)
        // A count followed by a noun of its own counts that noun.
        #expect(coded("立案200件,经分解形成640件分办件。", body: .cppcc) == ["proposal_accepted": [200]])
    }
}
