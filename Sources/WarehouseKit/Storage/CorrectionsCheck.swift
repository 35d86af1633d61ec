import Foundation
import GRDB

/// Compares the corrections file with what the last loads recorded, for
/// `warehouse corrections check`: which corrections still apply, which match nothing.
public enum CorrectionsCheck {
    public struct Finding: Sendable, Codable, Hashable {
        public enum State: String, Sendable, Codable {
            /// Applied when its file was last stored.
            case applied
            /// Its file was stored but the correction matched nothing (see `detail`).
            case unmatched
            /// The corrections changed since its file was stored; the next load applies them.
            case notYetApplied = "not_yet_applied"
            /// No stored file has this name.
            case fileNotLoaded = "file_not_loaded"
        }

        public var line: Int
        public var file: String
        public var path: String?
        public var ordinal: Int
        public var action: String
        public var activity: String
        public var value: Double
        public var state: State
        public var detail: String

        /// One line for the terminal, naming the line of the corrections file.
        public var message: String {
            "line \(line): \(action) \(activity) \(value.shortDescription) in \(path ?? file) #\(ordinal): \(detail)"
        }
    }

    public static func run(_ corrections: Corrections, in db: Database) throws -> [Finding] {
        var findings: [Finding] = []
        for entry in corrections.entries {
            var finding = Finding(
                line: entry.line, file: entry.file, path: nil, ordinal: entry.ordinal, action: entry.action.rawValue,
                activity: entry.activity, value: entry.value, state: .fileNotLoaded,
                detail: "no loaded file is named \(entry.file)")
            let files = try Row.fetchAll(
                db, sql: "SELECT file_id, path, corrections_sha256 FROM source_file WHERE name = :name ORDER BY path",
                arguments: ["name": entry.file])
            guard !files.isEmpty else {
                findings.append(finding)
                continue
            }
            let digest = corrections.digest(forFile: entry.file)
            for file in files {
                finding.path = file["path"]
                if (file["corrections_sha256"] as String) != digest {
                    finding.state = .notYetApplied
                    finding.detail = "the corrections changed since this file was loaded; run `warehouse load`"
                } else {
                    let status = try String.fetchOne(
                        db, sql: "SELECT status FROM correction_outcome WHERE file_id = :file AND line = :line",
                        arguments: ["file": file["file_id"], "line": entry.line]
                    ).flatMap(Corrections.Status.init(rawValue:))
                    finding.state = status == .applied ? .applied : .unmatched
                    finding.detail = status?.explanation ?? "no outcome recorded; run `warehouse load`"
                }
                findings.append(finding)
            }
        }
        return findings
    }
}
