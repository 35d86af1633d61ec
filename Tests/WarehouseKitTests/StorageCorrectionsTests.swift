import Foundation
import GRDB
import Testing
@testable import WarehouseKit

/// Corrections are parsed strictly, applied in the file's transaction, marked, survive
/// reloads, and re-apply when the corrections file changes.
@Suite struct StorageCorrectionsTests {
    static let codes = Set(StorageSandbox.loader.activities.map(\.code))
    static let header = "file,ordinal,activity,value,action,new_value,qualifier,unit,evidence,reason\n"

    static let report: [(text: String, facts: [(String, Double, String)])] = [
        (
            "全年召开常委会会议12次,开展执法检查3项,听取专项工作报告5个,审议计划执行报告5个,集中研讨23次。",
            [
                ("standing_committee_meeting", 12, "召开常委会会议12次"),
                ("law_enforcement_inspection", 3, "开展执法检查3项"),
                ("work_report_review", 5, "听取专项工作报告5个"),
                ("work_report_review", 5, "审议计划执行报告5个"),
            ]
        )
    ]

    static func corrections(_ rows: String) throws -> Corrections {
        try Corrections.parse(header + rows, source: "corrections.csv", activityCodes: codes)
    }

    @Test func rowsAreCheckedAndBadOnesNamedByLine() throws {
        let good = try Self.corrections("""
            # a comment row,,,,,,,,,
            a.txt,1,standing_committee_meeting,12,fix,13,,,,miscounted
            a.txt,2,study_session,23,add,,approx,次,集中研讨23次,missed
            b.txt,1,chair_meeting,20,drop,,,,,a plan figure
            """)
        #expect(good.entries.map(\.line) == [3, 4, 5])
        #expect(good.entries.map(\.action) == [.fix, .add, .drop])
        #expect(good.entries[1].qualifier == .approx)
        #expect(good.fileNames == ["a.txt", "b.txt"])

        let bad: [(String, String)] = [
            ("a.txt,1,standing_committee_meeting,12,change,13,,,,x", "action"),
            ("a.txt,1,no_such_activity,12,fix,13,,,,x", "no_such_activity"),
            ("a.txt,one,standing_committee_meeting,12,fix,13,,,,x", "ordinal"),
            ("a.txt,1,standing_committee_meeting,twelve,fix,13,,,,x", "value"),
            ("a.txt,1,standing_committee_meeting,12,fix,,,,,x", "a fix needs"),
            ("a.txt,1,standing_committee_meeting,12,add,,,,,x", "evidence"),
            ("a.txt,1,standing_committee_meeting,12,drop,,,,,", "reason"),
            ("a.txt,1,standing_committee_meeting,12,fix,13,roughly,,,x", "qualifier"),
        ]
        for (row, words) in bad {
            #expect {
                try Self.corrections("a.txt,1,chair_meeting,1,drop,,,,,fine\n" + row)
            } throws: { error in
                "\(error)".hasPrefix("corrections.csv: line 3: ") && "\(error)".contains(words)
            }
        }
        #expect(throws: Corrections.ParseError.self) {
            try Corrections.parse("file,ordinal,activity\n", source: "c.csv", activityCodes: Self.codes)
        }
    }

    @Test func fixAddAndDropAreAppliedMarkedAndSurviveAReload() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        let fixes = try Self.corrections("""
            a.txt,1,standing_committee_meeting,12,fix,13,,,,the report's table says 13
            a.txt,1,law_enforcement_inspection,3,drop,,,,,a plan figure
            a.txt,1,study_session,23,add,,,,集中研讨23次,missed by the extractor
            a.txt,1,work_report_review,5,fix,6,,,,ambiguous without evidence
            a.txt,1,work_report_review,5,fix,6,,,计划执行,the second of the two
            a.txt,1,chair_meeting,9,drop,,,,,nothing like it
            a.txt,1,chair_meeting,9,add,,,,主任会议9次,not in the text
            a.txt,4,chair_meeting,9,drop,,,,,no fourth report
            """)
        for version in ["v1", "v2"] {
            var summary = LoadSummary()
            _ = try box.loader.store(
                StorageSandbox.parsed(path: "/r/a.txt", sha: version, reports: Self.report), corrections: fixes,
                into: box.queue, summary: &summary)
            #expect(summary.correctionsApplied == 4)
            #expect(summary.correctionsUnmatched == 4)
            #expect(summary.facts == 4)
            #expect(summary.warnings.count == 4)
            #expect(summary.warnings.allSatisfy { $0.hasPrefix("corrections line ") })

            let facts = try box.queue.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT f.activity_code, f.value, f.origin, f.correction_reason, f.evidence,
                           substr(r.text, f.start_offset + 1, f.end_offset - f.start_offset) AS located
                    FROM fact_activity f JOIN report r USING (report_id) ORDER BY f.activity_code, f.evidence
                    """)
            }
            let seen = facts.map { "\($0["activity_code"] as String) \($0["value"] as Double) \($0["origin"] as String)" }
            #expect(seen == [
                "standing_committee_meeting 13.0 corrected",
                "study_session 23.0 added",
                "work_report_review 6.0 corrected",
                "work_report_review 5.0 extracted",
            ].sorted())
            #expect(facts.allSatisfy { ($0["evidence"] as String) == ($0["located"] as String) })
            #expect(facts.filter { ($0["origin"] as String) != "extracted" }.allSatisfy { ($0["correction_reason"] as String?) != nil })

            let statuses = try box.queue.read { db in
                try String.fetchAll(db, sql: "SELECT status FROM correction_outcome ORDER BY line")
            }
            #expect(statuses == ["applied", "applied", "applied", "ambiguous", "applied", "no_fact", "no_evidence", "no_report"])
        }
    }

    @Test func aChangedCorrectionsFileReloadsTheFilesItNamedAndNamesNow() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        for name in ["a.txt", "b.txt", "c.txt"] { try box.write(ReportTextFixture.npc(region: "临平区", "\(name):全年集中研讨23次。"), as: name) }
        let path = box.databaseURL.path
        let first = try Self.corrections("a.txt,1,study_session,23,add,,,,集中研讨23次,missed\n")
        let one = try box.loader.load(
            [box.reportsFolder], into: box.queue, databasePath: path, options: Loader.Options(corrections: first))
        #expect(one.filesLoaded == 3)
        #expect(try box.count("fact_activity", where: "origin = 'added'") == 1)

        let again = try box.loader.load(
            [box.reportsFolder], into: box.queue, databasePath: path, options: Loader.Options(corrections: first))
        #expect(again.filesUnchanged == 3)

        // Moved from a.txt to b.txt: both are reloaded although their bytes did not change.
        let moved = try Self.corrections("b.txt,1,study_session,23,add,,,,集中研讨23次,missed\n")
        var reloaded: [String] = []
        let two = try box.loader.load(
            [box.reportsFolder], into: box.queue, databasePath: path, options: Loader.Options(corrections: moved)
        ) { progress in
            if case .stored = progress.outcome { reloaded.append(URL(fileURLWithPath: progress.currentPath).lastPathComponent) }
        }
        #expect(Set(reloaded) == ["a.txt", "b.txt"])
        #expect(two.filesUnchanged == 1)
        let added = try box.queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT sf.name FROM fact_activity f JOIN report r USING (report_id) JOIN source_file sf USING (file_id)
                WHERE f.origin = 'added'
                """)
        }
        #expect(added == ["b.txt"])

        // Removing the corrections file removes its effect on the next load.
        _ = try box.loader.load([box.reportsFolder], into: box.queue, databasePath: path)
        #expect(try box.count("fact_activity", where: "origin = 'added'") == 0)
        #expect(try box.count("correction_outcome") == 0)
    }

    @Test func checkTellsAppliedUnmatchedStaleAndUnloaded() throws {
        let box = try StorageSandbox()
        defer { box.cleanUp() }
        try box.write(ReportTextFixture.npc(region: "临平区", "全年集中研讨23次。"), as: "a.txt")
        let loaded = try Self.corrections("""
            a.txt,1,study_session,23,add,,,,集中研讨23次,missed
            a.txt,1,study_session,7,drop,,,,,no such fact
            z.txt,1,study_session,7,drop,,,,,file never loaded
            """)
        _ = try box.loader.load(
            [box.reportsFolder], into: box.queue, databasePath: box.databaseURL.path,
            options: Loader.Options(corrections: loaded))
        let findings = try box.queue.read { db in try CorrectionsCheck.run(loaded, in: db) }
        #expect(findings.map(\.state) == [.applied, .unmatched, .fileNotLoaded])
        #expect(findings[1].message.contains("no fact"))
        #expect(findings[1].message.hasPrefix("line 3: drop study_session 7 in "))

        let edited = try Self.corrections("a.txt,1,study_session,23,add,,,,集中研讨23次,missed (checked)\n")
        let stale = try box.queue.read { db in try CorrectionsCheck.run(edited, in: db) }
        #expect(stale.map(\.state) == [.notYetApplied])
    }
}
