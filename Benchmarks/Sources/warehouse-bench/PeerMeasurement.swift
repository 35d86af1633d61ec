import Foundation

/// The two yardsticks run on the same corpus: the Python peer and `sqlite3`'s bulk `.import`.
struct PeerMeasurement {
    var seconds: Double
    /// CPU time of the peer's process (nil when not measured).
    var cpuSeconds: Double?
    /// Rows the peer stored (facts for the Python peer, rows imported for `.import`).
    var rows: Int
    var bytes: Int

    enum PeerError: Error, CustomStringConvertible {
        case failed(command: String, status: Int32, stderr: String)
        case unreadableOutput(command: String, output: String)

        var description: String {
            switch self {
            case .failed(let command, let status, let stderr):
                "\(command) exited with status \(status): \(stderr.prefix(500))"
            case .unreadableOutput(let command, let output):
                "\(command) printed no result line (got: \(output.prefix(200)))"
            }
        }
    }

    /// Runs `python3 regex_loader.py CORPUS DB`, timed from outside (interpreter start included).
    static func python(script: URL, corpus: URL, database: URL) throws -> PeerMeasurement {
        let cpuStart = ProcessMeasures.childrenCPUSeconds()
        let start = ContinuousClock.now
        let output = try run(["python3", script.path, corpus.path, database.path])
        let seconds = (ContinuousClock.now - start).seconds
        let cpu = ProcessMeasures.childrenCPUSeconds() - cpuStart
        guard let line = output.split(separator: "\n").last,
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let facts = object["facts"] as? Int, let bytes = object["bytes"] as? Int
        else { throw PeerError.unreadableOutput(command: "python3 \(script.lastPathComponent)", output: output) }
        return PeerMeasurement(seconds: seconds, cpuSeconds: cpu, rows: facts, bytes: bytes)
    }

    /// Exports `select` from the warehouse as CSV (untimed), then times
    /// `sqlite3 NEW.db ".import --csv FILE TABLE"` into a fresh database.
    static func sqliteImport(from warehouse: URL, select: String, table: String, folder: URL) throws -> PeerMeasurement {
        let csv = folder.appendingPathComponent("\(table).csv")
        let target = folder.appendingPathComponent("import-\(table).db")
        try? FileManager.default.removeItem(at: target)
        try run(["sqlite3", "-csv", "-header", warehouse.path, select], stdout: csv)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: csv.path)[.size] as? Int) ?? 0
        // sqlite3 writes not even a header for an empty table: nothing to import.
        guard bytes > 0 else { return PeerMeasurement(seconds: 0, cpuSeconds: nil, rows: 0, bytes: 0) }
        let cpuStart = ProcessMeasures.childrenCPUSeconds()
        let start = ContinuousClock.now
        try run(["sqlite3", target.path, ".import --csv \(csv.path) \(table)"])
        let seconds = (ContinuousClock.now - start).seconds
        let cpu = ProcessMeasures.childrenCPUSeconds() - cpuStart
        let count = try run(["sqlite3", target.path, "SELECT COUNT(*) FROM \(table)"])
        for file in [csv, target] { try? FileManager.default.removeItem(at: file) }
        return PeerMeasurement(seconds: seconds, cpuSeconds: cpu, rows: Int(count.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0, bytes: bytes)
    }

    /// Runs a command found on PATH; returns its standard output (or writes it to `stdout`).
    @discardableResult
    static func run(_ arguments: [String], stdout: URL? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        let output = Pipe()
        var file: FileHandle?
        if let stdout {
            guard FileManager.default.createFile(atPath: stdout.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: stdout.path])
            }
            file = try FileHandle(forWritingTo: stdout)
            process.standardOutput = file
        } else {
            process.standardOutput = output
        }
        try process.run()
        let text = stdout == nil ? output.fileHandleForReading.readDataToEndOfFile() : Data()
        let errorText = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try file?.close()
        guard process.terminationStatus == 0 else {
            throw PeerError.failed(
                command: arguments.prefix(2).joined(separator: " "), status: process.terminationStatus,
                stderr: String(decoding: errorText, as: UTF8.self))
        }
        return String(decoding: text, as: UTF8.self)
    }
}
