import Foundation
import GRDB
import Testing

/// The CLI run end to end on the sample reports into a temporary database.
@Suite(.serialized) struct LoadCommandTests {
    @Test func loadsTheSamplesAndReloadingChangesNothing() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let first = try cli.run(["load", "--db", cli.database])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Loaded 5 of 5 files"))

        let counts = try Self.counts(cli.database)
        #expect(counts.files == 5)
        #expect(counts.reports > 0)

        let second = try cli.run(["load", "--db", cli.database])
        #expect(second.status == 0)
        #expect(second.stdout.contains("5 unchanged"))
        #expect(try Self.counts(cli.database) == counts)
    }

    @Test func everyFactsOffsetsPointAtItsEvidenceInTheStoredText() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        try cli.run(["load", "--db", cli.database])
        let (facts, misplaced) = try DatabaseQueue(path: cli.database).read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM fact_activity") ?? 0,
                try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM fact_activity f JOIN report r USING (report_id)
                    WHERE substr(r.text, f.start_offset + 1, f.end_offset - f.start_offset) <> f.evidence
                    """) ?? -1
            )
        }
        #expect(facts > 300)
        #expect(misplaced == 0)
    }

    @Test func exportPrintsOneJSONObjectPerReport() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        try cli.run(["load", "--db", cli.database])
        let export = try cli.run(["export", "reports", "--format", "jsonl", "--db", cli.database])
        #expect(export.status == 0, "\(export.stderr)")
        let lines = export.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["file"] is String)
            #expect(object?["body"] is String)
        }
    }

    struct Counts: Equatable {
        var files: Int
        var reports: Int
        var facts: Int
    }

    static func counts(_ path: String) throws -> Counts {
        try DatabaseQueue(path: path).read { db in
            Counts(
                files: try Int.fetchOne(db, sql: "SELECT count(*) FROM source_file") ?? 0,
                reports: try Int.fetchOne(db, sql: "SELECT count(*) FROM report") ?? 0,
                facts: try Int.fetchOne(db, sql: "SELECT count(*) FROM fact_activity") ?? 0)
        }
    }
}
