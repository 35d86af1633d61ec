import ArgumentParser

/// A corpus size as written on the command line: `10MB`, `100MB`, `1GB`, `500KB`.
///
/// Decimal units (1 MB = 1,000,000 bytes), the same ones the MB/s figures use.
struct ByteSize: ExpressibleByArgument, CustomStringConvertible, Sendable {
    let bytes: Int
    let label: String

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(suffix: String, factor: Double)] = [("GB", 1e9), ("MB", 1e6), ("KB", 1e3), ("B", 1)]
        guard let unit = units.first(where: { text.hasSuffix($0.suffix) }),
            let amount = Double(text.dropLast(unit.suffix.count).trimmingCharacters(in: .whitespaces)),
            amount > 0
        else { return nil }
        bytes = Int(amount * unit.factor)
        label = text.replacingOccurrences(of: " ", with: "")
    }

    var description: String { label }
}
