import Foundation
import GRDB

/// An analyst's fixes, additions and drops of facts (`data/corrections.csv`), re-applied every
/// time a file they name is stored, in that file's transaction, so that they survive reloads.
///
/// Columns: `file,ordinal,activity,value,action,new_value,new_activity,qualifier,unit,section,evidence,reason`.
/// `file` is the file name, `ordinal` the report's ordinal in it. `fix` and `drop` find the one
/// fact of that report with that activity and value (and, when given, whose evidence contains
/// `evidence`); `add` needs the clause that states the number, so that it stays traceable.
/// A correction that matches nothing, or more than one fact, changes nothing: a wrong fact is
/// worse than a missing one.
public struct Corrections: Sendable {
    public enum Action: String, Sendable {
        case fix, add, drop
    }

    public struct Entry: Sendable, Hashable {
        /// Line of the corrections file, for messages and `correction_outcome.line`.
        public var line: Int
        public var file: String
        public var ordinal: Int
        public var action: Action
        public var activity: String
        public var value: Double
        public var newValue: Double?
        public var newActivity: String?
        public var qualifier: Qualifier?
        public var unit: String?
        public var section: Section?
        public var evidence: String?
        public var reason: String
    }

    /// What became of one correction when its file was stored.
    public enum Status: String, Sendable {
        case applied
        case noReport = "no_report"
        case duplicateReport = "duplicate_report"
        case noFact = "no_fact"
        case ambiguous
        case noEvidence = "no_evidence"

        /// Why a correction did not apply, for the load's warnings and `corrections check`.
        public var explanation: String {
            switch self {
            case .applied: "applied"
            case .noReport: "the file has no report with this ordinal"
            case .duplicateReport: "this report repeats an earlier one, whose facts count instead; correct that one"
            case .noFact: "no fact of the report has this activity and value (fixed in the extractor, or the file changed?)"
            case .ambiguous: "more than one fact matches; add an evidence excerpt to pick one"
            case .noEvidence: "the evidence is not in the report's text"
            }
        }
    }

    public enum ParseError: Error, Sendable, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case csv(CSVTable.ParseError)
        case badRow(path: String, line: Int, reason: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "\(path): cannot read the corrections (\(reason))"
            case .csv(let error): error.description
            case .badRow(let path, let line, let reason): "\(path): line \(line): \(reason)"
            }
        }
    }

    public let source: String
    public let entries: [Entry]
    private let byFile: [String: [Entry]]

    public static let none = Corrections(source: "", entries: [])

    public init(source: String, entries: [Entry]) {
        self.source = source
        self.entries = entries
        self.byFile = Dictionary(grouping: entries, by: \.file)
    }

    /// Reads the corrections file; a missing file means no corrections.
    public static func read(at url: URL, activityCodes: Set<String>) throws(ParseError) -> Corrections {
        guard FileManager.default.fileExists(atPath: url.path) else { return .none }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        return try parse(text, source: url.path, activityCodes: activityCodes)
    }

    public static func parse(_ text: String, source: String, activityCodes: Set<String>) throws(ParseError) -> Corrections {
        let table: CSVTable
        do {
            table = try CSVTable(parsing: text, source: source)
            for column in ["file", "ordinal", "activity", "value", "action", "reason"] {
                _ = try table.column(column, source: source)
            }
        } catch {
            throw .csv(error)
        }
        let known = activityCodes.union([Activity.otherCode])
        var entries: [Entry] = []
        for (index, row) in table.records.enumerated() {
            let line = index + 2
            func field(_ name: String) -> String? {
                let value = row[name, default: ""].trimmingSpaces
                return value.isEmpty ? nil : value
            }
            func bad(_ reason: String) -> ParseError { .badRow(path: source, line: line, reason: reason) }
            guard let file = field("file"), !file.hasPrefix("#") else { continue }
            guard let action = field("action").flatMap(Action.init(rawValue:)) else {
                throw bad("action must be fix, add or drop, not '\(row["action", default: ""])'")
            }
            guard let ordinal = field("ordinal").flatMap(Int.init), ordinal > 0 else {
                throw bad("ordinal must be the report's number in the file (1, 2, …)")
            }
            guard let activity = field("activity"), known.contains(activity) else {
                throw bad("'\(row["activity", default: ""])' is not an activity code of activities.csv")
            }
            guard let value = field("value").flatMap(Double.init) else {
                throw bad("value must be a number")
            }
            guard let reason = field("reason") else { throw bad("every correction needs a reason") }
            var entry = Entry(
                line: line, file: file, ordinal: ordinal, action: action, activity: activity, value: value,
                evidence: field("evidence"), reason: reason)
            if let text = field("new_value") {
                guard let number = Double(text) else { throw bad("new_value must be a number") }
                entry.newValue = number
            }
            if let code = field("new_activity") {
                guard known.contains(code) else { throw bad("'\(code)' is not an activity code of activities.csv") }
                entry.newActivity = code
            }
            if let text = field("qualifier") {
                guard let qualifier = Qualifier(rawValue: text) else { throw bad("qualifier must be exact, at_least or approx") }
                entry.qualifier = qualifier
            }
            if let text = field("section") {
                guard let section = Section(rawValue: text) else { throw bad("section must be review or plan") }
                entry.section = section
            }
            entry.unit = field("unit")
            switch action {
            case .fix where entry.newValue == nil && entry.newActivity == nil && entry.qualifier == nil
                && entry.unit == nil && entry.section == nil:
                throw bad("a fix needs new_value, new_activity, qualifier, unit or section")
            case .add where entry.evidence == nil:
                throw bad("an added fact needs the evidence clause that states it")
            default: break
            }
            entries.append(entry)
        }
        return Corrections(source: source, entries: entries)
    }

    /// `data/corrections.csv` beside the reports.
    public static func defaultURL(in locator: ResourceLocator) -> URL {
        locator.dataDirectory.appendingPathComponent("corrections.csv")
    }

    public func entries(forFile name: String) -> [Entry] {
        byFile[name] ?? []
    }

    /// File names the corrections mention.
    public var fileNames: Set<String> { Set(byFile.keys) }

    /// Digest of the corrections naming `name` ('' when none), stored with the file: when it
    /// changes, the file is reloaded even if its bytes did not.
    public func digest(forFile name: String) -> String {
        let mine = entries(forFile: name)
        guard !mine.isEmpty else { return "" }
        let canonical = mine.map { e in
            [
                String(e.line), e.file, String(e.ordinal), e.action.rawValue, e.activity, String(e.value),
                e.newValue.map { String($0) } ?? "", e.newActivity ?? "", e.qualifier?.rawValue ?? "",
                e.unit ?? "", e.section?.rawValue ?? "", e.evidence ?? "", e.reason,
            ].joined(separator: "\u{1F}")
        }.joined(separator: "\u{1E}")
        return SHA256.hex(Data(canonical.utf8))
    }

    /// One correction's result, as recorded in `correction_outcome`.
    public struct Outcome: Sendable {
        public var entry: Entry
        public var status: Status
    }

    /// Applies the corrections naming the stored file `fileID` to its rows and records each
    /// outcome. Runs inside the transaction that stored the file.
    public func apply(toFile fileID: Int64, named name: String, in db: Database) throws -> [Outcome] {
        let mine = entries(forFile: name)
        try db.execute(
            sql: "UPDATE source_file SET corrections_sha256 = :digest WHERE file_id = :file",
            arguments: ["digest": digest(forFile: name), "file": fileID])
        var outcomes: [Outcome] = []
        for entry in mine {
            let (status, factID) = try apply(entry, toFile: fileID, in: db)
            try db.execute(
                sql: """
                    INSERT INTO correction_outcome (file_id, line, ordinal, action, activity_code, value, status, fact_id, reason)
                    VALUES (:file, :line, :ordinal, :action, :activity, :value, :status, :fact, :reason)
                    """,
                arguments: [
                    "file": fileID, "line": entry.line, "ordinal": entry.ordinal, "action": entry.action.rawValue,
                    "activity": entry.activity, "value": entry.value, "status": status.rawValue, "fact": factID,
                    "reason": entry.reason,
                ])
            outcomes.append(Outcome(entry: entry, status: status))
        }
        return outcomes
    }

    private func apply(_ entry: Entry, toFile fileID: Int64, in db: Database) throws -> (Status, Int64?) {
        guard let report = try Row.fetchOne(
            db, sql: "SELECT report_id, duplicate_of FROM report WHERE file_id = :file AND ordinal = :ordinal",
            arguments: ["file": fileID, "ordinal": entry.ordinal])
        else { return (.noReport, nil) }
        let reportID: Int64 = report["report_id"]
        if (report["duplicate_of"] as Int64?) != nil { return (.duplicateReport, nil) }

        switch entry.action {
        case .add:
            guard let start = try Int.fetchOne(
                db, sql: "SELECT instr(text, :evidence) - 1 FROM report WHERE report_id = :report",
                arguments: ["evidence": entry.evidence, "report": reportID]), start >= 0, let evidence = entry.evidence
            else { return (.noEvidence, nil) }
            try db.execute(
                sql: """
                    INSERT INTO fact_activity (report_id, body_code, region_code, year, activity_code, value, qualifier,
                                               unit, section, evidence, start_offset, end_offset, origin, correction_reason)
                    SELECT r.report_id, r.body_code, r.region_code, r.year, :activity, :value, :qualifier,
                           COALESCE(:unit, a.unit), :section, :evidence, :start, :end, 'added', :reason
                    FROM report r JOIN dim_activity a ON a.activity_code = :activity
                    WHERE r.report_id = :report
                    """,
                arguments: [
                    "report": reportID, "activity": entry.activity, "value": entry.value,
                    "qualifier": (entry.qualifier ?? .exact).rawValue, "unit": entry.unit,
                    "section": (entry.section ?? .review).rawValue, "evidence": evidence, "start": start,
                    "end": start + evidence.unicodeScalars.count, "reason": entry.reason,
                ])
            return (.applied, db.lastInsertedRowID)
        case .fix, .drop:
            let matches = try Int64.fetchAll(
                db,
                sql: """
                    SELECT fact_id FROM fact_activity
                    WHERE report_id = :report AND activity_code = :activity AND value = :value
                      AND (:evidence IS NULL OR instr(evidence, :evidence) > 0)
                    """,
                arguments: ["report": reportID, "activity": entry.activity, "value": entry.value, "evidence": entry.evidence])
            guard let factID = matches.first else { return (.noFact, nil) }
            guard matches.count == 1 else { return (.ambiguous, nil) }
            if entry.action == .drop {
                try db.execute(sql: "DELETE FROM fact_activity WHERE fact_id = :fact", arguments: ["fact": factID])
                return (.applied, nil)
            }
            try db.execute(
                sql: """
                    UPDATE fact_activity SET
                        value = COALESCE(:value, value), activity_code = COALESCE(:activity, activity_code),
                        qualifier = COALESCE(:qualifier, qualifier), unit = COALESCE(:unit, unit),
                        section = COALESCE(:section, section), origin = 'corrected', correction_reason = :reason
                    WHERE fact_id = :fact
                    """,
                arguments: [
                    "value": entry.newValue, "activity": entry.newActivity, "qualifier": entry.qualifier?.rawValue,
                    "unit": entry.unit, "section": entry.section?.rawValue, "reason": entry.reason, "fact": factID,
                ])
            return (.applied, factID)
        }
    }
}

extension Corrections.Outcome {
    /// One line for the load's warnings when the correction did not apply.
    public var problem: String? {
        guard status != .applied else { return nil }
        return "corrections line \(entry.line): \(entry.action.rawValue) \(entry.activity) \(entry.value.shortDescription) "
            + "in \(entry.file) #\(entry.ordinal): \(status.explanation)"
    }
}

extension Double {
    /// 12 rather than 12.0, as analysts write numbers.
    var shortDescription: String {
        self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self)
    }
}
