import ArgumentParser
import Foundation
import WarehouseKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Read report files and store their reports and facts.",
        discussion: """
            Files and folders (recursively); data/reports by default. One transaction per file: \
            unchanged files are skipped, changed ones replace their earlier reports and facts, and \
            data/corrections.csv is applied to the files it names. A manifest.csv in a folder of reports \
            states the region, body or year of its reports where the text does not settle them. A file \
            is re-read when its bytes, the corrections or manifest rows naming it, or the vocabulary \
            (activities.csv, regions.csv) changed.

            Exit status: 0 all files stored or unchanged (warnings allowed); 1 the load could not \
            start (warehouse folder, vocabulary or corrections file unusable); 2 some files failed, \
            the others were stored; 3 the database cannot be opened or written (not SQLite, newer \
            schema, read-only, disk full, I/O error); 4 another load held the database past the busy \
            timeout; 64 bad arguments.
            """)

    @Argument(help: "Report files or folders.")
    var paths: [String] = []

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Decode every file with this encoding instead of detecting it (utf-8, utf-16le, utf-16be, gb18030).")
    var encoding: String?

    @Option(help: "Region code of every report in the files loaded (overrides inference).")
    var region: String?

    @Option(help: "Year under review of every report in the files loaded.")
    var year: Int?

    @Option(help: "Body of every report in the files loaded (npc, cppcc, gov, court, procuratorate).")
    var body: String?

    @Flag(help: "Remove reports whose source files under the given folders are gone.")
    var prune = false

    @Flag(help: "Re-read every file, even those unchanged since the last load (after upgrading the warehouse).")
    var force = false

    @Option(help: ArgumentHelp("The corrections file (default data/corrections.csv).", valueName: "FILE"))
    var corrections: String?

    @Option(help: ArgumentHelp(
        "Seconds to wait for another load or writer before giving up (default $WAREHOUSE_BUSY_TIMEOUT or 10).",
        valueName: "SECONDS"))
    var busyTimeout: Double?

    @Flag(name: .shortAndLong, help: "No progress bar.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "List each file's reports on stderr (ordinal, body, region, year, facts).")
    var verbose = false

    @Option(help: "Summary format: text or json.")
    var format: SummaryFormat = .text

    enum SummaryFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        let warehouse = loading { try Warehouse.locate() }
        let givenBody: Body? = loading {
            guard let body else { return nil }
            guard let parsed = Body(rawValue: body) else {
                throw ValidationError("unknown body '\(body)' (use npc, cppcc, gov, court or procuratorate)")
            }
            return parsed
        }
        let given = ReportOverride(regionCode: region, body: givenBody, year: year)
        let sources = paths.isEmpty ? [warehouse.locator.reportsDirectory] : paths.map { URL(fileURLWithPath: $0) }
        let dbURL = warehouse.databaseURL(database.db)
        let timeout = busyTimeout ?? WarehouseDatabase.busyTimeout()
        let loader = loading { try warehouse.loader() }
        let correctionsURL = corrections.map { URL(fileURLWithPath: $0) } ?? Corrections.defaultURL(in: warehouse.locator)
        let fixes = loading {
            try Corrections.read(at: correctionsURL, activityCodes: Set(loader.activities.map(\.code)))
        }
        let queue = loading {
            try WarehouseDatabase.openForWriting(at: dbURL, migrator: warehouse.migrator, busyTimeout: timeout)
        }
        let lock = loading { try LoadLock.acquire(database: dbURL.path, timeout: timeout) }
        let display = ProgressDisplay(bar: !quiet && isatty(STDERR_FILENO) == 1, verbose: verbose)
        if let region, loader.gazetteer.region(code: region) == nil {
            fail("--region \(region) is not a code of data/regions.csv (six digits, e.g. 420107)", code: ExitCode.validationFailure.rawValue)
        }
        let overrides = loading {
            ReportOverrides(
                manifests: try ReportOverrides.manifests(for: sources, gazetteer: loader.gazetteer), everyReport: given)
        }
        let summary: LoadSummary
        do {
            summary = try loader.load(
                sources, into: queue, databasePath: dbURL.path,
                options: Loader.Options(
                    encoding: encoding, prune: prune, overrides: overrides, corrections: fixes, force: force),
                observe: display.show)
        } catch let stopped as LoadStopped {
            display.finish()
            report(stopped.summary)
            fail(stopped.description, code: LoadExitStatus(stopped).rawValue)
        } catch {
            display.finish()
            fail("\(error)", code: LoadExitStatus(error).rawValue)
        }
        display.finish()
        withExtendedLifetime(lock) {}
        report(summary)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            write(String(decoding: try encoder.encode(summary), as: UTF8.self) + "\n")
        case .text:
            write(Self.text(summary, database: dbURL.path, prune: prune))
        }
        let status = LoadExitStatus(summary)
        if status != .success { throw ExitCode(status.rawValue) }
    }

    /// Failures and warnings on stderr, one line each.
    private func report(_ summary: LoadSummary) {
        var lines = summary.failures.map { "warehouse: \($0.reason)" }
        lines += summary.warnings.map { "warning: \($0)" }
        if summary.filesGone > 0, !prune {
            lines.append("warning: \(summary.filesGone) loaded file(s) under these folders are gone from disk; their reports are kept (--prune removes them)")
        }
        if !lines.isEmpty { FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8)) }
    }

    static func text(_ s: LoadSummary, database: String, prune: Bool) -> String {
        var line = "Loaded \(s.filesLoaded) of \(s.filesSeen) files into \(database) "
            + "(\(s.filesUnchanged) unchanged, \(s.failures.count) failed"
            + (prune ? ", \(s.filesPruned) pruned" : "") + "): "
            + "\(s.reports) reports (\(s.duplicates) duplicates), \(s.facts) facts, "
            + "\(s.openRegions) reports with an open region, \(s.warnings.count) warnings"
        if s.correctionsApplied + s.correctionsUnmatched > 0 {
            line += "; \(s.correctionsApplied) corrections applied, \(s.correctionsUnmatched) matching nothing"
        }
        return line + ".\n"
    }

    /// Runs `body`; an error becomes a one-line message and the exit status scripts rely on.
    private func loading<T>(_ body: () throws -> T) -> T {
        do {
            return try body()
        } catch let error as ValidationError {
            fail(error.message, code: ExitCode.validationFailure.rawValue)
        } catch {
            fail("\(error)", code: LoadExitStatus(error).rawValue)
        }
    }
}

/// Draws the progress bar on a terminal's stderr (at most ten times a second) and the
/// `--verbose` listing. The bar is never drawn into a pipe or a file.
final class ProgressDisplay {
    private let bar: Bool
    private let verbose: Bool
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private var drawn = false

    init(bar: Bool, verbose: Bool) {
        self.bar = bar
        self.verbose = verbose
    }

    func show(_ progress: LoadProgress) {
        var out = ""
        if verbose {
            if drawn { out += "\r\u{1B}[K" }
            out += progress.verboseLines.joined(separator: "\n") + "\n"
            drawn = false
        }
        let now = Date()
        if bar, now.timeIntervalSince(lastDrawn) >= 0.1 || progress.filesDone == progress.filesTotal || !drawn {
            out += "\r" + ProgressLine.render(progress, elapsed: now.timeIntervalSince(started), width: Self.columns())
                + "\u{1B}[K"
            lastDrawn = now
            drawn = true
        }
        if !out.isEmpty { FileHandle.standardError.write(Data(out.utf8)) }
    }

    /// Clears the bar so that the messages after it start on a clean line.
    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }

    private static func columns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
