import Foundation
import GRDB
import Testing

/// Corrections through the command line: applied and marked on load, kept on reloads,
/// checked by `warehouse corrections check`.
@Suite(.serialized) struct CorrectionsCommandTests {
    static let header = "file,ordinal,activity,value,action,new_value,qualifier,unit,evidence,reason\n"
    static let add = "001_a69418ce6b142439.txt,1,study_session,23,add,,,,集中研讨23次,missed by the extractor\n"
    static let stray = "001_a69418ce6b142439.txt,1,chair_meeting,987654,drop,,,,,a number no report states\n"

    @Test func correctionsAreAppliedKeptAndCheckedAcrossLoads() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let file = cli.workDirectory.appendingPathComponent("corrections.csv")
        let sample = LoadFixture.samples[1].path
        try Data((Self.header + Self.add).utf8).write(to: file)
        let load = ["load", "--db", cli.database, "--corrections", file.path, sample]
        let check = ["corrections", "check", "--db", cli.database, "--corrections", file.path]

        let first = try cli.run(load)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("1 corrections applied, 0 matching nothing"))
        #expect(try Self.added(cli.database) == ["study_session 23.0 missed by the extractor"])
        let clean = try cli.run(check)
        #expect(clean.status == 0)
        #expect(clean.stdout == "1 of 1 corrections applied.\n")

        let unchanged = try cli.run(load)
        #expect(unchanged.stdout.contains("1 unchanged"))
        #expect(try Self.added(cli.database).count == 1)

        // A correction that matches no fact: a warning at load, a finding of check.
        try Data((Self.header + Self.add + Self.stray).utf8).write(to: file)
        let stale = try cli.run(check)
        #expect(stale.status == 2)
        #expect(stale.stdout.contains("run `warehouse load`"))
        let second = try cli.run(load)
        #expect(second.status == 0)
        #expect(second.stdout.contains("Loaded 1 of 1 files"))
        #expect(second.stderr.contains("warning: corrections line 3: drop chair_meeting 987654"))
        #expect(try Self.added(cli.database).count == 1)
        let found = try cli.run(check)
        #expect(found.status == 2)
        #expect(found.stdout.contains("corrections.csv line 3: drop chair_meeting 987654 in \(sample) #1: no fact"))
        #expect(found.stdout.hasSuffix("1 of 2 corrections applied.\n"))
    }

    static func added(_ database: String) throws -> [String] {
        try LoadFixture.reader(database).read { db in
            try Row.fetchAll(db, sql: "SELECT activity_code, value, correction_reason FROM fact_activity WHERE origin = 'added'")
                .map { "\($0["activity_code"] as String) \($0["value"] as Double) \($0["correction_reason"] as String)" }
        }
    }
}
