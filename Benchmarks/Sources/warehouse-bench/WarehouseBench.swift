import ArgumentParser
import Foundation
import GRDB
import WarehouseKit

@main
struct WarehouseBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warehouse-bench",
        abstract: "Generate a synthetic corpus, load it end to end and print throughput, memory, size and query latency.",
        discussion: """
            Run in release mode from Benchmarks/: swift run -c release warehouse-bench --size 100MB
            The figures go to standard output as Markdown tables; progress goes to standard error.
            """)

    @Option(help: "Corpus size: 10MB, 100MB, 1GB … (decimal units).")
    var size = ByteSize(argument: "10MB")!

    @Option(help: "Seed of the corpus generator: the same seed writes the same corpus.")
    var seed: UInt64 = 42

    @Option(help: "Folder for the corpus and the databases; kept afterwards. A temporary folder, removed at the end, by default.")
    var work: String?

    @Flag(help: "Use the corpus already in --work for this size and seed instead of writing it again.")
    var reuse = false

    @Option(help: "Runs per canned query; the median is reported.")
    var runs = 7

    @Flag(help: "Skip the Python peer and the sqlite3 .import upper bound.")
    var skipPeers = false

    @Flag(help: "Skip the canned queries.")
    var skipQueries = false

    @Option(help: ArgumentHelp(
        "Only time the canned queries on this existing warehouse (brought to the current schema first).",
        discussion: "For a warehouse of a given size without loading a corpus, e.g. one million facts: see Benchmarks/README.md."))
    var queriesOn: String?

    func run() throws {
        let warehouse = try Warehouse.locate()
        if let queriesOn {
            try timeQueries(on: URL(fileURLWithPath: queriesOn), warehouse: warehouse)
            return
        }
        let loadAverageAtStart = ProcessMeasures.loadAverage()
        let folder = work.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("warehouse-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if work == nil { try? FileManager.default.removeItem(at: folder) } }

        let corpus = try prepareCorpus(in: folder, warehouse: warehouse)
        let corpusFolder = corpusURL(in: folder)
        let database = folder.appendingPathComponent("warehouse.db")

        note("loading \(corpusFolder.path) into \(database.path)")
        var lastTenth = -1
        let load = try LoadMeasurement.run(corpus: corpusFolder, database: database, warehouse: warehouse) { p in
            let tenth = p.bytesTotal == 0 ? 10 : p.bytesDone * 10 / p.bytesTotal
            if tenth > lastTenth {
                lastTenth = tenth
                note("  \(tenth * 10)% (\(p.filesDone)/\(p.filesTotal) files)")
            }
        }
        for failure in load.summary.failures.prefix(5) { note("  failed: \(failure.reason)") }

        var queries: [QueryTiming] = []
        if !skipQueries {
            note("timing canned queries")
            let queue = try warehouse.openForReading(database)
            queries = try QueryTiming.measureAll(warehouse.catalog(), in: queue, runs: runs)
        }

        var python: Result<PeerMeasurement, Error>?
        var imports: [(String, Result<PeerMeasurement, Error>)] = []
        if !skipPeers {
            note("running the Python peer")
            let script = warehouse.locator.home.appendingPathComponent("Benchmarks/peer/regex_loader.py")
            python = Result { try PeerMeasurement.python(script: script, corpus: corpusFolder, database: folder.appendingPathComponent("peer.db")) }
            note("timing sqlite3 .import")
            imports.append(("fact", Result {
                try PeerMeasurement.sqliteImport(from: database, select: "SELECT * FROM fact_activity", table: "fact", folder: folder)
            }))
            imports.append(("report", Result {
                try PeerMeasurement.sqliteImport(from: database, select: "SELECT * FROM report", table: "report", folder: folder)
            }))
        }

        let report = BenchmarkReport(
            sizeLabel: size.label, seed: seed, corpus: corpus, load: load, queries: queries, python: python, imports: imports,
            loadAverages: (loadAverageAtStart, ProcessMeasures.loadAverage()))
        print(report.render(), terminator: "")
    }

    private func timeQueries(on database: URL, warehouse: Warehouse) throws {
        guard FileManager.default.fileExists(atPath: database.path) else {
            throw ValidationError("--queries-on: no warehouse at \(database.path)")
        }
        _ = try warehouse.openForWriting(database)
        let queue = try warehouse.openForReading(database)
        let facts = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fact_activity") ?? 0 }
        note("timing canned queries on \(database.path)")
        let timings = try QueryTiming.measureAll(warehouse.catalog(), in: queue, runs: runs)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print("### warehouse-bench --queries-on \(database.lastPathComponent) (\(group(facts)) facts, \(cores) cores, release)\n")
        print(QueryTiming.markdown(timings, targetMilliseconds: BenchmarkReport.targetQueryMs).joined(separator: "\n"))
    }

    private func corpusURL(in folder: URL) -> URL {
        folder.appendingPathComponent("corpus-\(size.label)-seed\(seed)")
    }

    /// Writes the corpus, or with `--reuse` reads what an earlier run wrote (its stats sit
    /// beside the folder, not in it, so that the loader does not take them for a report).
    private func prepareCorpus(in folder: URL, warehouse: Warehouse) throws -> CorpusStats {
        let corpus = corpusURL(in: folder)
        let statsFile = corpus.appendingPathExtension("json")
        if reuse, let data = try? Data(contentsOf: statsFile), let stats = try? JSONDecoder().decode(CorpusStats.self, from: data) {
            note("reusing \(corpus.path)")
            return stats
        }
        try? FileManager.default.removeItem(at: corpus)
        try? FileManager.default.removeItem(at: statsFile)
        let gazetteer = try Vocabulary.gazetteer(at: warehouse.locator.regionsFile)
        let pool = try ParagraphPool(samples: warehouse.locator.reportsDirectory, gazetteer: gazetteer)
        note("writing a \(size.label) corpus from \(pool.review.count) review and \(pool.plan.count) plan paragraphs to \(corpus.path)")
        let start = ContinuousClock.now
        let stats = try CorpusGenerator(pool: pool, gazetteer: gazetteer, seed: seed).write(bytes: size.bytes, to: corpus)
        let seconds = (ContinuousClock.now - start).seconds
        note("  \(stats.files) files, \(stats.reports) reports, \(mb(Double(stats.bytes) / 1e6)) MB in \(fixed(seconds, 1)) s")
        try JSONEncoder().encode(stats).write(to: statsFile)
        return stats
    }

    private func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
