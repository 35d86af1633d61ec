import Foundation
import GRDB

/// Runs canned or ad-hoc SQL with named parameters and collects the rows.
public enum QueryRunner {
    public enum ParameterError: Error, Sendable, CustomStringConvertible {
        case missing(query: String, names: [String], usage: String)
        case unknown(query: String, names: [String], usage: String)

        public var description: String {
            switch self {
            case .missing(let query, let names, let usage):
                "\(query): missing required parameter\(names.count > 1 ? "s" : "") \(names.joined(separator: ", ")) (parameters: \(usage))"
            case .unknown(let query, let names, let usage):
                "\(query): unknown parameter\(names.count > 1 ? "s" : "") \(names.joined(separator: ", ")) (parameters: \(usage))"
            }
        }
    }

    public enum AdHocError: Error, Sendable, CustomStringConvertible {
        case noStatement
        case severalStatements

        public var description: String {
            switch self {
            case .noStatement: "no SQL statement given"
            case .severalStatements: "give one SQL statement at a time"
            }
        }
    }

    /// The values a query runs with: the user's, else the header's defaults.
    public static func arguments(for query: CannedQuery, given: [String: String]) throws(ParameterError) -> [String: String?] {
        let declared = Set(query.parameters.map(\.name))
        let unknown = given.keys.filter { !declared.contains($0) }.sorted()
        if !unknown.isEmpty { throw .unknown(query: query.name, names: unknown, usage: summary(query)) }
        let missing = query.parameters.filter { $0.isRequired && given[$0.name] == nil }.map(\.name)
        if !missing.isEmpty { throw .missing(query: query.name, names: missing, usage: summary(query)) }
        var values: [String: String?] = [:]
        for p in query.parameters {
            // Spelled out: `values[name] = a ?? b` infers `String??` and stores nil for every parameter.
            let value: String? = given[p.name] ?? p.defaultValue
            values[p.name] = .some(value)
        }
        return values
    }

    /// One line per parameter: name, default (or required), help.
    public static func usage(_ query: CannedQuery) -> String {
        query.parameters.map { p in
            let spec = p.isRequired ? "(required)" : "(default: \(p.defaultValue ?? "none"))"
            return "  \(p.name) \(spec)\(p.help.isEmpty ? "" : "  \(p.help)")"
        }.joined(separator: "\n")
    }

    /// The parameters on one line, for error messages: `activity (required), year=2022, province (optional)`.
    public static func summary(_ query: CannedQuery) -> String {
        query.parameters.map { p in
            p.isRequired ? "\(p.name) (required)" : p.defaultValue.map { "\(p.name)=\($0)" } ?? "\(p.name) (optional)"
        }.joined(separator: ", ")
    }

    public static func run(_ query: CannedQuery, given: [String: String], in db: Database) throws -> ResultTable {
        let values = try arguments(for: query, given: given)
        var arguments = StatementArguments()
        for (name, value) in values { arguments += [name: bindable(value)] }
        var table = try run(sql: query.sql, arguments: arguments, in: db)
        table.hints = query.hints
        return table
    }

    /// Runs SQL a user typed: anything that would write is refused before it runs, with a
    /// message that says why, rather than SQLite's "attempt to write a readonly database".
    public static func runReadOnly(sql: String, in db: Database) throws -> ResultTable {
        let statements = try db.allStatements(sql: sql)
        guard let statement = try statements.next() else { throw AdHocError.noStatement }
        guard try statements.next() == nil else { throw AdHocError.severalStatements }
        guard statement.isReadonly else {
            throw StorageError.writeRefused(message: "the statement would change the database")
        }
        return try run(statement)
    }

    public static func run(sql: String, arguments: StatementArguments = StatementArguments(), in db: Database) throws -> ResultTable {
        let statement = try db.makeStatement(sql: sql)
        statement.arguments = arguments
        return try run(statement)
    }

    private static func run(_ statement: Statement) throws -> ResultTable {
        let columns = statement.columnNames
        var rows: [[ResultTable.Cell]] = []
        let cursor = try Row.fetchCursor(statement)
        while let row = try cursor.next() {
            rows.append((0..<columns.count).map { cell(row[$0] as DatabaseValue) })
        }
        return ResultTable(columns: columns, rows: rows)
    }

    /// Numbers given on the command line are bound as numbers so that `year = :year` matches.
    static func bindable(_ value: String?) -> DatabaseValue {
        guard let value else { return .null }
        if let i = Int64(value) { return i.databaseValue }
        if let d = Double(value), value.contains(".") { return d.databaseValue }
        return value.databaseValue
    }

    static func cell(_ value: DatabaseValue) -> ResultTable.Cell {
        switch value.storage {
        case .null: .null
        case .int64(let i): .integer(i)
        case .double(let d): .real(d)
        case .string(let s): .text(s)
        case .blob(let data): .text("<\(data.count) bytes>")
        }
    }
}
