import Foundation
import Testing
@testable import WarehouseKit

@Suite struct DisplayWidthTests {
    @Test func chineseTakesTwoColumnsASCIIOne() {
        #expect(DisplayWidth.of("青山区") == 6)
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("青山abc") == 7)
        #expect(DisplayWidth.of("ＡＢ") == 4)  // full-width forms
        #expect(DisplayWidth.of("≈2000") == 5)
        #expect(DisplayWidth.of("人大常委会，") == 12)
    }

    @Test func truncationCutsByDisplayWidthWithAnEllipsis() {
        #expect(DisplayWidth.truncate("青山区人大常委会", to: 7) == "青山区…")
        #expect(DisplayWidth.truncate("青山区人大常委会", to: 8) == "青山区…")  // a wide character never half-fits
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
        #expect(DisplayWidth.truncate("abc", to: 3) == "abc")
        #expect(DisplayWidth.of(DisplayWidth.truncate("专项工作报告32项", to: 9)) <= 9)
    }
}

@Suite struct TableRendererTests {
    let table = ResultTable(
        columns: ["region", "value", "qualifier", "unit"],
        rows: [
            [.text("青山区"), .real(170), .text("at_least"), .text("人次")],
            [.text("Xicheng"), .real(2000), .text("approx"), .text("次")],
            [.text("宁夏回族自治区"), .real(9), .text("exact"), .text("项")],
        ])

    @Test func chineseCellsLineUpByDisplayWidth() {
        let lines = TableRenderer().render(table).split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        // Every column starts at the same display column on every line: cut each line at the
        // start of the value column and compare widths.
        let regionWidth = DisplayWidth.of("宁夏回族自治区")
        for line in lines where !line.hasPrefix("─") {
            var width = 0
            var prefix = ""
            for character in line {
                if width >= regionWidth + 2 { break }
                prefix.append(character)
                width += DisplayWidth.of(String(character))
            }
            #expect(width == regionWidth + 2, "misaligned: \(line)")
        }
        let widths = Set(lines.map { DisplayWidth.of($0.trimmingTrailingSpaces) })
        #expect(widths.count <= 2)  // the unit column is text, so only trailing spaces differ
    }

    @Test func qualifiersMergeIntoTheFigureRightAligned() {
        let lines = TableRenderer().render(table).split(separator: "\n").map(String.init)
        #expect(lines[0].contains("value") && !lines[0].contains("qualifier"))
        #expect(lines[2].contains(" 170+"))
        #expect(lines[3].contains("≈2000"))
        #expect(lines[4].contains("    9"))
        // The raw columns stay apart in csv and json, where programs read them.
        #expect(RecordWriters.csv(table).hasPrefix("region,value,qualifier,unit\r\n青山区,170,at_least,人次\r\n"))
        #expect(RecordWriters.jsonLines(table).contains("\"value\":170,\"qualifier\":\"at_least\""))
    }

    @Test func namedQualifierColumnsMergeToo() {
        let pairs = QualifiedMeasures.pairs(["npc", "npc_qualifier", "cppcc", "cppcc_qualifier", "qualifier"])
        #expect(pairs == [0: 1, 2: 3])
        #expect(QualifiedMeasures.display(.null, qualifier: .text("at_least")) == "")
    }

    @Test func aTableWiderThanTheTerminalIsCutButNumbersAreNot() {
        let wide = ResultTable(
            columns: ["region", "evidence", "value"],
            rows: [
                [.text("青山区"), .text("依法任免国家机关工作人员152人次，其中任命审判员和检察员共三十二人次"), .integer(152)],
                [.text("巴南区"), .text("全年召开常委会会议7次"), .integer(123456)],
            ])
        let fitted = TableRenderer(maxWidth: 40).render(wide)
        for line in fitted.split(separator: "\n") {
            #expect(DisplayWidth.of(String(line)) <= 40, "too wide: \(line)")
        }
        #expect(fitted.contains("…"))
        #expect(fitted.contains("123456"))
        let piped = TableRenderer(maxWidth: nil).render(wide)
        #expect(piped.contains("其中任命审判员和检察员共三十二人次"))
        #expect(!piped.contains("…"))
    }
}

@Suite struct RecordWriterTests {
    @Test func csvQuotesCommasQuotesAndNewlines() {
        let table = ResultTable(columns: ["a", "b"], rows: [[.text("x, \"y\"\nz"), .integer(3)], [.null, .real(2.5)]])
        #expect(RecordWriters.csv(table) == "a,b\r\n\"x, \"\"y\"\"\nz\",3\r\n,2.5\r\n")
    }

    @Test func jsonColumnsComeOutAsJSON() {
        var table = ResultTable(
            columns: ["title", "region_candidates"],
            rows: [[.text("报告"), .text("[\"420107\",\"150204\"]")], [.text("b"), .text("not json")], [.text("c"), .null]])
        #expect(RecordWriters.json(table).contains("\"region_candidates\":\"[\\\"420107\\\""))  // no hint: a string
        table.hints.jsonColumns = ["region_candidates"]
        let json = RecordWriters.json(table)
        #expect(json.contains("{\"title\":\"报告\",\"region_candidates\":[\"420107\",\"150204\"]}"))
        #expect(json.contains("\"region_candidates\":\"not json\""))
        #expect(json.contains("\"region_candidates\":null"))
        let parsed = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect((parsed?[0]["region_candidates"] as? [String]) == ["420107", "150204"])
        #expect(RecordWriters.jsonLines(table).split(separator: "\n").count == 3)
    }

    @Test func markdownEscapesPipesAndRightAlignsNumbers() {
        let table = ResultTable(columns: ["region", "value"], rows: [[.text("a|b"), .integer(9)]])
        #expect(RecordWriters.markdown(table) == "| region | value |\n| --- | ---: |\n| a\\|b | 9 |\n")
    }

    @Test func cannedQueryHeaderCarriesJSONAndChartHints() throws {
        let query = try CannedQuery(parsing: """
            -- name: q
            -- title: 标题 | Title
            -- json: region_candidates, other
            -- chart: activity_zh region value
            -- param: year 2022 the year
            SELECT 1
            """, path: "q.sql")
        #expect(query.hints.jsonColumns == ["region_candidates", "other"])
        #expect(query.hints.chartLabels == ["activity_zh", "region"])
        #expect(query.hints.chartMeasure == "value")
        #expect(query.header.hasSuffix("-- param: year 2022 the year"))
        #expect(throws: CannedQuery.HeaderError.self) {
            try CannedQuery(parsing: "-- name: q\n-- chart: value\nSELECT 1", path: "q.sql")
        }
    }
}

@Suite struct BarChartTests {
    @Test func barsScaleToTheLargestFigureInEighths() {
        #expect(BarChart.bar(2.5) == "██▌")
        #expect(BarChart.bar(0.125) == "▏")
        #expect(BarChart.bar(3) == "███")
        #expect(BarChart.bar(0) == "")
    }

    @Test func labelsAlignAndFiguresKeepTheirQualifiers() throws {
        let table = ResultTable(
            columns: ["rank", "region", "value", "qualifier"],
            rows: [
                [.integer(1), .text("西城区"), .real(10), .text("exact")],
                [.integer(2), .text("Qingshan"), .real(5), .text("at_least")],
                [.integer(3), .text("南湖区"), .null, .null],
            ])
        let chart = try BarChart(width: 40).render(table)
        let lines = chart.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        // The bar starts at the same display column on every line.
        let starts = lines.map { line in DisplayWidth.of(String(line[..<line.firstIndex(of: "│")!])) }
        #expect(Set(starts).count == 1)
        #expect(lines.allSatisfy { DisplayWidth.of($0) == 40 })
        let full = lines[0].filter { $0 == "█" }.count
        let half = lines[1].filter { $0 == "█" }.count
        #expect(full == 2 * half || full == 2 * half + 1)
        #expect(lines[1].hasSuffix(" 5+"))
        #expect(!lines[2].contains("█"))
    }

    @Test func aResultWithoutOneMeasureIsRefusedWithTheChoices() {
        let table = ResultTable(columns: ["region", "npc", "cppcc"], rows: [[.text("临平区"), .integer(7), .integer(2)]])
        #expect(throws: BarChart.ChartError.self) { try BarChart().render(table) }
        #expect((try? BarChart().render(table, measure: "cppcc"))?.hasPrefix("临平区 │") == true)
    }
}

@Suite struct EvidenceHighlighterTests {
    @Test func theFigureBeforeItsUnitIsFound() {
        func figure(_ evidence: String, _ value: Double, _ unit: String) -> String? {
            EvidenceHighlighter.figure(in: evidence, value: value, unit: unit).map { String(Array(evidence)[$0]) }
        }
        #expect(figure("专项工作报告32项", 32, "项") == "32项")
        #expect(figure("组织执法检查5项、专题调研4项", 4, "项") == "4项")
        #expect(figure("形成30多篇社情民意信息", 30, "篇") == "30多篇")
        #expect(figure("召开常委会会议十二次", 12, "次") == "十二次")
        #expect(figure("共计1285人", 1285, "人次") == "1285")
        #expect(figure("没有数字", 3, "次") == nil)
    }

    @Test func colourWrapsOnlyTheFigure() {
        let shown = EvidenceHighlighter.highlighted("召开常委会会议9次", value: 9, unit: "次")
        #expect(shown == "召开常委会会议" + EvidenceHighlighter.start + "9次" + EvidenceHighlighter.end)
    }
}
