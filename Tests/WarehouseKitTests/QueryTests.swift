import Foundation
import GRDB
import Testing
@testable import WarehouseKit

/// Every canned query of `Queries/`, run on rows inserted by hand, against values worked out by hand.
@Suite struct QueryTests {
    @Test func everyQueryParsesAndRunsOnAnEmptyWarehouse() throws {
        let fixture = try QueryFixture()
        defer { fixture.remove() }
        #expect(fixture.catalog.problems.isEmpty)
        let names = Set(fixture.catalog.queries.map(\.name))
        for expected in ["compare-districts", "activity-profile", "year-over-year", "body-comparison", "leaders",
                         "coverage", "rollup", "unclassified", "evidence", "data-quality", "reports"] {
            #expect(names.contains(expected), "Queries/ lacks \(expected)")
        }
        for query in fixture.catalog.queries {
            #expect(query.title.contains(" | "), "\(query.name): title needs Chinese | English")
            #expect(!query.description.isEmpty, "\(query.name): no description")
            var given: [String: String] = [:]
            for p in query.parameters where p.isRequired {
                given[p.name] = p.name == "region" ? "青山区" : "appointment"
            }
            let table = try fixture.run(query.name, given)
            #expect(table.rows.isEmpty, "\(query.name) returned rows on an empty warehouse")
            #expect(!table.columns.isEmpty)
        }
    }

    @Test func compareDistrictsOnTheHandLabelledSamples() throws {
        let fixture = try QueryFixture()
        defer { fixture.remove() }
        try loadGold(into: fixture)
        let table = try fixture.run("compare-districts", ["activity": "standing_committee_meeting"])
        // npc 2022 in the gold: 西城区 10, 青山区 9, 巴南区 城区 集美区 临平区 7, 南湖区 6; 龙岗区 states none.
        #expect(table.texts("region") == ["西城区", "青山区", "城区", "临平区", "集美区", "巴南区", "南湖区"])
        #expect(table.texts("value") == ["10", "9", "7", "7", "7", "7", "6"])
        #expect(table.texts("rank") == ["1", "2", "3", "3", "3", "3", "7"])
        #expect(table.row(where: "region", is: "西城区")?["share_pct"] == "18.9")  // 10 / 53
        #expect(table.row(where: "region", is: "南湖区")?["share_pct"] == "11.3")  // 6 / 53
        #expect(Set(table.texts("regions_reporting")) == ["7"])
        #expect(Set(table.texts("regions_held")) == ["8"])
    }

    @Test func compareDistrictsTakesTotalsLeavesOutPlansAndFiveYearReviews() throws {
        let f = try QueryFixture()
        defer { f.remove() }
        let qingshan = try f.report("npc", "420107", 2022)
        try f.fact(qingshan, "standing_committee_meeting", 9)
        try f.fact(qingshan, "standing_committee_meeting", 4, isPart: true)
        let hannan = try f.report("npc", "420113", 2022)
        try f.fact(hannan, "standing_committee_meeting", 5, isPart: true)
        let wuchang = try f.report("npc", "420106", 2022)
        try f.fact(wuchang, "standing_committee_meeting", 20, section: "plan")
        let ningxia = try f.report("npc", "640000", 2022, period: 2018...2022)
        try f.fact(ningxia, "standing_committee_meeting", 45)
        let banan = try f.report("npc", "500113", 2022)
        try f.fact(banan, "standing_committee_meeting", 7)
        // Neither a breakdown nor a count mixing activities outranks the total, however large.
        try f.fact(banan, "standing_committee_meeting", 8, unit: "项", isPart: true)
        try f.fact(banan, "standing_committee_meeting", 30, isCombined: true)
        let open = try f.report("npc", nil, 2022, mention: "城关区", candidates: ["620102", "540102"])
        try f.fact(open, "standing_committee_meeting", 6)
        try f.fact(try f.report("cppcc", "420107", 2022), "standing_committee_meeting", 30)

        let all = try f.run("compare-districts", ["activity": "standing_committee_meeting"])
        #expect(all.texts("region") == ["青山区", "巴南区", "城关区", "汉南区"])
        #expect(all.texts("value") == ["9", "7", "6", "5"])
        #expect(all.texts("qualifier") == ["exact", "exact", "exact", "at_least"])  // a part alone is a lower bound
        #expect(all.texts("share_pct") == ["33.3", "25.9", "22.2", "18.5"])  // of 27
        #expect(all.row(where: "region", is: "城关区")?["region_code"] == "")
        #expect(Set(all.texts("regions_reporting")) == ["4"])
        #expect(Set(all.texts("regions_held")) == ["5"])  // 武昌区 holds a report without the figure

        let hubei = try f.run("compare-districts", ["activity": "standing_committee_meeting", "province": "湖北省"])
        #expect(hubei.texts("region") == ["青山区", "汉南区"])
        #expect(hubei.texts("share_pct") == ["64.3", "35.7"])
        #expect(Set(hubei.texts("regions_held")) == ["3"])

        let cppcc = try f.run("compare-districts", ["activity": "standing_committee_meeting", "body": "cppcc"])
        #expect(cppcc.texts("value") == ["30"])
    }

    @Test func rollupSumsOneFigurePerRegionWithHonestQualifiers() throws {
        let f = try QueryFixture()
        defer { f.remove() }
        let qingshan = try f.report("npc", "420107", 2022)
        try f.fact(qingshan, "law_enforcement_inspection", 10)
        try f.fact(qingshan, "law_enforcement_inspection", 14, unit: "件", isPart: true)
        try f.fact(try f.report("npc", "420113", 2022), "law_enforcement_inspection", 5, "at_least")
        try f.fact(try f.report("npc", "420106", 2022), "appointment", 80, unit: "人次")
        try f.fact(try f.report("npc", "500113", 2022), "law_enforcement_inspection", 4, "approx")
        try f.fact(try f.report("npc", "330113", 2022), "law_enforcement_inspection", 3)
        try f.fact(try f.report("npc", "330402", 2022), "law_enforcement_inspection", 2, "approx")
        try f.fact(try f.report("npc", "330902", 2022), "law_enforcement_inspection", 6, "at_least")

        let provinces = try f.run("rollup", ["activity": "law_enforcement_inspection"])
        #expect(provinces.texts("area") == ["湖北省", "浙江省", "重庆市"])
        let hubei = try #require(provinces.row(where: "area", is: "湖北省"))
        #expect(hubei["total"] == "15")  // 10 + 5: the breakdown 14 neither added nor taken
        #expect(hubei["total_qualifier"] == "at_least")
        #expect(hubei["average"] == "7.5")
        #expect(hubei["regions_reporting"] == "2")
        #expect(hubei["regions_held"] == "3")
        #expect(hubei["min_value"] == "5")
        #expect(hubei["max_value"] == "10")
        #expect(provinces.row(where: "area", is: "浙江省")?["total"] == "11")
        #expect(provinces.row(where: "area", is: "浙江省")?["total_qualifier"] == "approx")
        #expect(provinces.row(where: "area", is: "重庆市")?["total_qualifier"] == "approx")

        let prefectures = try f.run("rollup", ["activity": "law_enforcement_inspection", "by": "prefecture"])
        #expect(prefectures.texts("area") == ["武汉市", "舟山市", "重庆市", "杭州市", "嘉兴市"])
        #expect(prefectures.row(where: "area", is: "重庆市")?["province"] == "重庆市")  // a municipality is its own prefecture
        #expect(prefectures.row(where: "area", is: "舟山市")?["total"] == "6")
    }

    @Test func yearOverYearComparesWithThePreviousYearThatHasAFigure() throws {
        let f = try QueryFixture()
        defer { f.remove() }
        try f.fact(try f.report("npc", "420107", 2019), "law_enforcement_inspection", 8)
        try f.fact(try f.report("npc", "420107", 2020), "appointment", 50, unit: "人次")
        try f.fact(try f.report("npc", "420107", 2022), "law_enforcement_inspection", 12)
        try f.fact(try f.report("npc", "420107", 2023), "law_enforcement_inspection", 6, "at_least")
        try f.fact(try f.report("npc", "150204", 2022), "law_enforcement_inspection", 99)

        let table = try f.run("year-over-year", ["region": "420107", "activity": "law_enforcement_inspection"])
        #expect(table.texts("year") == ["2019", "2020", "2021", "2022", "2023"])
        #expect(table.texts("status") == ["figure", "no figure", "no report", "figure", "figure"])
        #expect(table.texts("value") == ["8", "", "", "12", "6"])
        #expect(table.texts("previous_year") == ["", "", "", "2019", "2022"])
        #expect(table.texts("change") == ["", "", "", "4", "-6"])
        #expect(table.texts("change_pct") == ["", "", "", "50", "-50"])
        #expect(table.texts("change_qualifier") == ["", "", "", "exact", "approx"])

        let from2020 = try f.run("year-over-year", ["region": "420107", "activity": "law_enforcement_inspection", "from": "2020"])
        #expect(from2020.texts("year") == ["2020", "2021", "2022", "2023"])
        #expect(from2020.texts("previous_year") == ["", "", "", "2022"])

        // 青山区 names two units: each gets its own series.
        let byName = try f.run("year-over-year", ["region": "青山区", "activity": "law_enforcement_inspection"])
        #expect(Set(byName.texts("region_code")) == ["420107", "150204"])
    }

    @Test func bodyComparisonPairsTheTwoBodiesOfARegion() throws {
        let f = try QueryFixture()
        defer { f.remove() }
        let npc = try f.report("npc", "330113", 2022)
        try f.fact(npc, "standing_committee_meeting", 7)
        try f.fact(npc, "research_survey", 139)
        let cppcc = try f.report("cppcc", "330113", 2022)
        try f.fact(cppcc, "standing_committee_meeting", 2, unit: "场")
        try f.fact(cppcc, "proposal_handled", 251, unit: "件")
        try f.fact(try f.report("npc", "420107", 2022), "standing_committee_meeting", 9)

        let table = try f.run("body-comparison")
        #expect(Set(table.texts("region")) == ["临平区"])
        let meetings = try #require(table.row(where: "activity_code", is: "standing_committee_meeting"))
        #expect(meetings["npc"] == "7")
        #expect(meetings["cppcc"] == "2")
        #expect(meetings["cppcc_unit"] == "场")
        #expect(table.row(where: "activity_code", is: "proposal_handled")?["npc"] == "")
        #expect(table.rows.count == 3)
    }

    @Test func leadersKeepTiesTogether() throws {
        let f = try QueryFixture()
        defer { f.remove() }
        try f.fact(try f.report("npc", "420107", 2022), "appointment", 152, unit: "人次")
        try f.fact(try f.report("npc", "500113", 2022), "appointment", 152, unit: "人次")
        try f.fact(try f.report("npc", "420113", 2022), "appointment", 46, unit: "人次")
        let top1 = try f.run("leaders", ["top": "1"])
        #expect(top1.texts("region") == ["青山区", "巴南区"])
        #expect(top1.texts("rank") == ["1", "1"])
        #expect(try f.run("leaders", ["top": "2"]).rows.count == 2)
        #expect(try f.run("leaders", ["top": "3"]).texts("region") == ["青山区", "巴南区", "汉南区"])
    }

    /// One figure per region, chosen as compare-districts chooses it; the ranking walks values
    /// from the top, so a larger part or a multi-year review must not slip in ahead of it.
    @Test func leadersRankEachRegionByItsBestFact() throws {
        let f = try QueryFixture()
        defer { f.remove() }
        let qingshan = try f.report("npc", "420107", 2022)
        try f.fact(qingshan, "appointment", 90, unit: "人次")
        try f.fact(qingshan, "appointment", 300, unit: "人次", isPart: true)
        let banan = try f.report("npc", "500113", 2022)
        try f.fact(banan, "appointment", 120, unit: "人次", isCombined: true)
        try f.fact(banan, "appointment", 60, unit: "人次")
        let review = try f.report("npc", "420113", 2022, period: 2018...2022)
        try f.fact(review, "appointment", 900, unit: "人次")
        let open = try f.report("npc", nil, 2022, mention: "城区", candidates: ["140302", "140402"])
        try f.fact(open, "appointment", 70, unit: "人次")
        try f.fact(open, "appointment", 75, unit: "人次", section: "plan")
        try f.fact(try f.report("npc", nil, 2022, mention: "新城区"), "appointment", 70, unit: "人次")

        let table = try f.run("leaders", ["top": "4", "activity": "appointment"])
        #expect(table.texts("region") == ["青山区", "城区", "新城区", "巴南区"])
        #expect(table.texts("value").map { Double($0) } == [90, 70, 70, 60])
        #expect(table.texts("rank") == ["1", "2", "2", "4"])
        #expect(try f.run("leaders", ["top": "2", "activity": "appointment"]).rows.count == 3)
    }

    /// `warehouse show report`: what the loader decided about one report, and its facts in text order.
    @Test func aReportsDetailSaysWhereItCameFromAndWhatWasDecided() throws {
        let f = try QueryFixture()
        defer { f.remove() }
        let coded = try f.report("npc", "420107", 2022, period: 2018...2022, title: "青山区人大常委会工作报告")
        try f.fact(coded, "appointment", 152, unit: "人次", evidence: "任免152人次")
        try f.fact(coded, "standing_committee_meeting", 9, evidence: "召开常委会会议9次")
        let copy = try f.report("npc", "420107", 2022, duplicateOf: coded)
        let open = try f.report("npc", nil, 2022, mention: "城关区", candidates: ["620102", "540102"], note: "两个城关区")

        let detail = try f.queue.read { db in try ReportDetail.fetch(reportID: coded, in: db) }
        let fields = Dictionary(uniqueKeysWithValues: detail.fields.map { ($0.label, $0.value) })
        #expect(fields["file"] == "reports.txt #1  (/fixture/reports.txt)")
        #expect(fields["body"] == "npc 人大常委会")
        #expect(fields["region"] == "湖北省武汉市青山区 (420107)")
        #expect(fields["period"] == "2018–2022")
        #expect(detail.facts.texts("activity") == ["appointment", "standing_committee_meeting"])

        let copyFields = try f.queue.read { db in try ReportDetail.fetch(reportID: copy, in: db) }.fields
        #expect(copyFields.first { $0.label == "copy of" }?.value == "reports.txt#1")
        let openFields = try f.queue.read { db in try ReportDetail.fetch(reportID: open, in: db) }.fields
        #expect(openFields.first { $0.label == "region" }?.value == #"open: 城关区, candidates ["620102","540102"]"#)
        #expect(openFields.first { $0.label == "region note" }?.value == "两个城关区")
        #expect(throws: ReportDetail.LookupError.self) { try f.queue.read { db in try ReportDetail.fetch(reportID: 99, in: db) } }
    }

    @Test func unclassifiedCountsPhrases() throws {
        let f = try QueryFixture()
        defer { f.remove() }
        let a = try f.report("npc", "420107", 2022)
        let b = try f.report("npc", "420113", 2022)
        try f.fact(a, "other", 12, unit: "家", phrase: "家企业")
        try f.fact(a, "other", 3, unit: "家", phrase: "家企业")
        try f.fact(b, "other", 40, unit: "家", phrase: "家企业")
        try f.fact(b, "other", 5, unit: "个", phrase: "个村")
        let table = try f.run("unclassified")
        #expect(table.texts("phrase") == ["家企业", "个村"])
        #expect(table.texts("facts") == ["3", "1"])
        #expect(table.texts("reports") == ["2", "1"])
    }

    @Test func evidenceAndProfileFindARegionByNameCodeOrOpenMention() throws {
        let f = try QueryFixture()
        defer { f.remove() }
        let coded = try f.report("npc", "420107", 2022)
        try f.fact(coded, "appointment", 152, unit: "人次", evidence: "依法任免国家机关工作人员152人次")
        try f.fact(coded, "appointment", 40, unit: "人次", isPart: true)
        try f.fact(coded, "standing_committee_meeting", 9)
        try f.fact(coded, "standing_committee_meeting", 1, section: "plan")
        let open = try f.report("npc", nil, 2022, mention: "青山区", candidates: ["420107", "150204"])
        try f.fact(open, "appointment", 20, unit: "人次")

        #expect(try f.run("evidence", ["region": "青山区"]).rows.count == 4)
        #expect(try f.run("evidence", ["region": "420107"]).rows.count == 3)
        #expect(try f.run("evidence", ["region": "湖北省武汉市青山区", "activity": "appointment"]).texts("value") == ["152", "40"])
        #expect(try f.run("evidence", ["region": "420107", "section": "all"]).rows.count == 4)

        let profile = try f.run("activity-profile", ["region": "420107"])
        #expect(profile.texts("activity_code") == ["appointment", "standing_committee_meeting"])
        #expect(profile.texts("value") == ["152", "9"])
        #expect(profile.texts("evidence_count") == ["2", "1"])
        #expect(try f.run("activity-profile", ["region": "青山区"]).rows.count == 3)
    }

    @Test func coverageAndDataQualityShowWhatIsMissingOrDoubtful() throws {
        let f = try QueryFixture()
        defer { f.remove() }
        let first = try f.report("npc", "420107", 2019)
        for value in [1.0, 2, 3] { try f.fact(first, "appointment", value) }
        try f.fact(first, "appointment", 9, section: "plan")
        try f.report("npc", "420107", 2022)
        try f.report("cppcc", "420113", 2021)
        try f.report("npc", nil, 2022, mention: "城关区", candidates: ["620102", "540102"], note: "两个城关区")
        try f.report("npc", "420107", 2019, duplicateOf: first)

        let coverage = try f.run("coverage")
        let npc = try #require(coverage.rows.first { $0[coverage.index(of: "region_code")!].text == "420107" && $0[coverage.index(of: "body")!].text == "npc" })
        let row = Dictionary(uniqueKeysWithValues: zip(coverage.columns, npc.map(\.text)))
        #expect(row["years_held"] == "2019 2022")
        #expect(row["years_missing"] == "2020 2021")
        #expect(row["reports"] == "2")  // the copy is not counted
        #expect(row["facts"] == "3")  // review facts only
        #expect(coverage.rows.count == 6)  // 3 places × 2 bodies

        var quality = try f.run("data-quality")
        #expect(Set(quality.texts("issue")) == ["open region", "duplicate", "few facts", "plan facts"])
        #expect(quality.row(where: "issue", is: "duplicate")?["detail"] == "copy of reports.txt#1")
        #expect(quality.row(where: "issue", is: "open region")?["detail"]?.contains("620102") == true)
        #expect(quality.texts("issue").filter { $0 == "few facts" }.count == 3)  // 2022, 汉南区 and the open one

        // The same annual report in another file (not a copy within one file), and a five-year
        // review of the same year, which is not a second annual report.
        try f.report("npc", "420107", 2022)
        try f.report("npc", "420107", 2022, period: 2018...2022)
        quality = try f.run("data-quality")
        #expect(quality.texts("issue").filter { $0 == "same region and year" }.count == 2)
        #expect(quality.row(where: "issue", is: "same region and year")?["detail"]?.hasPrefix("also reports.txt#") == true)

        let open = try f.run("reports", ["open": "1"])
        #expect(open.texts("candidate_names") == ["620102 甘肃省兰州市城关区; 540102 西藏自治区拉萨市城关区"])
        #expect(RecordWriters.jsonLines(open).contains("\"region_candidates\":[\"620102\",\"540102\"]"))
    }

    @Test func missingAndUnknownParametersAreClearErrors() throws {
        let f = try QueryFixture()
        defer { f.remove() }
        #expect {
            _ = try f.run("compare-districts")
        } throws: { error in
            "\(error)".contains("missing required parameter activity") && "\(error)".contains("year=2022")
        }
        #expect {
            _ = try f.run("compare-districts", ["activity": "appointment", "yaer": "2022"])
        } throws: { error in
            "\(error)".contains("unknown parameter yaer") && !"\(error)".contains("\n")
        }
    }

    @Test func adHocSQLCannotWrite() throws {
        let f = try QueryFixture()
        defer { f.remove() }
        try f.report("npc", "420107", 2022)
        let count = try f.queue.read { db in try QueryRunner.runReadOnly(sql: "SELECT COUNT(*) AS n FROM report", in: db) }
        #expect(count.texts("n") == ["1"])
        for sql in ["DELETE FROM report", "UPDATE report SET year = 1", "DROP TABLE report", "CREATE TABLE t (x)"] {
            #expect(throws: StorageError.self) {
                try f.queue.write { db in _ = try QueryRunner.runReadOnly(sql: sql, in: db) }
            }
        }
        #expect(throws: QueryRunner.AdHocError.self) {
            try f.queue.write { db in _ = try QueryRunner.runReadOnly(sql: "SELECT 1; DELETE FROM report", in: db) }
        }
        #expect(try f.queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report") } == 1)
    }

    /// The hand-labelled gold reports and facts as rows: required facts as stated, optional ones
    /// (breakdowns, counts mixing activities) as combined, so that they never outrank a total.
    private func loadGold(into fixture: QueryFixture) throws {
        let gold = QueryFixture.repoRoot.appendingPathComponent("Tests/WarehouseKitTests/Fixtures/gold")
        func lines(_ name: String) throws -> [[String: Any]] {
            try String(contentsOf: gold.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        }
        var ids: [String: Int64] = [:]
        for r in try lines("reports.jsonl") {
            let key = "\(r["file"]!)#\(r["ordinal"]!)"
            let duplicate = (r["duplicate_of"] as? String).flatMap { ids[$0] }
            ids[key] = try fixture.report(
                r["body"] as! String, r["region_code"] as? String, r["year"] as? Int,
                period: (r["period_start"] as! Int)...(r["period_end"] as! Int), duplicateOf: duplicate)
        }
        for fact in try lines("facts.jsonl") {
            try fixture.fact(
                ids["\(fact["file"]!)#\(fact["ordinal"]!)"]!, fact["activity"] as! String, (fact["value"] as! NSNumber).doubleValue,
                fact["qualifier"] as! String, unit: fact["unit"] as! String, isCombined: fact["status"] as! String == "optional",
                evidence: fact["evidence"] as? String)
        }
    }
}
