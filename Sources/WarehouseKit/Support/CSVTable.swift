/// A CSV file (RFC 4180: quoted fields, doubled quotes, CRLF or LF) read into named columns.
///
/// The vocabulary, the gazetteer, the manifest and the corrections are all CSV files that
/// people edit by hand, so a malformed row is reported with its line number.
public struct CSVTable: Sendable {
    public let header: [String]
    public let rows: [[String]]

    public enum ParseError: Error, Sendable, CustomStringConvertible {
        case missingColumn(source: String, column: String)
        case unterminatedQuote(source: String, line: Int)

        public var description: String {
            switch self {
            case .missingColumn(let source, let column):
                "\(source): the header has no '\(column)' column"
            case .unterminatedQuote(let source, let line):
                "\(source): line \(line): a quoted field is not closed"
            }
        }
    }

    public init(parsing text: String, source: String) throws(ParseError) {
        var records: [[String]] = []
        var field = ""
        var record: [String] = []
        var inQuotes = false
        var line = 1
        var quoteLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = n }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty:
                inQuotes = true
                quoteLine = line
            case ",":
                record.append(field)
                field = ""
            case "\r":
                continue
            case "\n":
                line += 1
                record.append(field)
                field = ""
                if !(record.count == 1 && record[0].isEmpty) { records.append(record) }
                record = []
            default:
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw .unterminatedQuote(source: source, line: quoteLine) }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        if let first = records.first, let bomless = first.first, bomless.hasPrefix("\u{FEFF}") {
            records[0][0] = String(bomless.dropFirst())
        }
        self.header = records.first?.map { $0.trimmingSpaces } ?? []
        self.rows = Array(records.dropFirst())
    }

    /// The index of a column the caller cannot do without.
    public func column(_ name: String, source: String) throws(ParseError) -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw .missingColumn(source: source, column: name)
        }
        return index
    }

    /// Rows as dictionaries keyed by header name; missing trailing fields read as "".
    public var records: [[String: String]] {
        rows.map { row in
            var dict: [String: String] = [:]
            for (i, name) in header.enumerated() { dict[name] = i < row.count ? row[i] : "" }
            return dict
        }
    }
}

extension String {
    /// Trims ASCII and ideographic spaces, which hand-edited CSV files often carry.
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars[...]
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        while let f = scalars.first, isSpace(f) { scalars = scalars.dropFirst() }
        while let l = scalars.last, isSpace(l) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
