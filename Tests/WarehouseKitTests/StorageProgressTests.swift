import Testing
@testable import WarehouseKit

/// The progress bar and the `--verbose` listing of a load.
@Suite struct StorageProgressTests {
    static func progress(files: Int, of total: Int, bytes: Int, of bytesTotal: Int, outcome: FileOutcome = .unchanged) -> LoadProgress {
        LoadProgress(
            filesDone: files, filesTotal: total, bytesDone: bytes, bytesTotal: bytesTotal, currentPath: "/r/a.txt",
            outcome: outcome)
    }

    @Test func theBarShowsFilesMegabytesRateAndTimeLeft() {
        let line = ProgressLine.render(
            Self.progress(files: 30, of: 120, bytes: 25_000_000, of: 100_000_000), elapsed: 5, width: 100)
        #expect(line.hasPrefix("[#######"))
        #expect(line.contains("30/120 files"))
        #expect(line.contains("25.0/100.0 MB"))
        #expect(line.contains("5.0 MB/s"))
        #expect(line.contains("ETA 0:15"))
        #expect(line.count <= 100)
    }

    @Test func aNarrowTerminalDropsTheBarAndTheEndHasNoETA() {
        let narrow = ProgressLine.render(Self.progress(files: 1, of: 4, bytes: 10, of: 40), elapsed: 1, width: 30)
        #expect(!narrow.hasPrefix("["))
        #expect(narrow.count < 30)
        let done = ProgressLine.render(Self.progress(files: 4, of: 4, bytes: 40, of: 40), elapsed: 1, width: 100)
        #expect(!done.contains("ETA"))
        #expect(ProgressLine.clock(75) == "1:15")
        #expect(ProgressLine.clock(3723) == "1:02:03")
    }

    @Test func verboseListsEachReportWithBodyRegionYearAndFacts() {
        let reports = [
            ReportListing(ordinal: 1, body: .cppcc, regionCode: "620102", regionMention: "城关区", year: 2022, facts: 31),
            ReportListing(ordinal: 2, body: .npc, regionCode: nil, regionMention: nil, year: nil, facts: 0, duplicateOf: 1),
        ]
        let lines = Self.progress(files: 1, of: 1, bytes: 1, of: 1, outcome: .stored(reports)).verboseLines
        #expect(lines == [
            "/r/a.txt: 2 reports",
            "  #1 cppcc 620102 (城关区) 2022: 31 facts",
            "  #2 npc region open year unknown: repeats #1",
        ])
        #expect(Self.progress(files: 1, of: 1, bytes: 1, of: 1, outcome: .failed("/r/a.txt: the file is empty")).verboseLines
            == ["/r/a.txt: failed: /r/a.txt: the file is empty"])
    }
}
