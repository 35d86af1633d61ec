/// A trie over Unicode scalars for longest-match lookups of short words in long texts.
///
/// Edges live in one flat dictionary keyed by (node, scalar), so a lookup costs one hash per
/// scalar and no String is ever built while scanning.
struct ScalarTrie<Value: Sendable>: Sendable {
    /// Children of the root for scalars below U+10000, by scalar value (0 = none): most starts
    /// in a text begin no word, and this rejects them with one array load.
    private var rootEdges = [Int32](repeating: 0, count: 0x10000)
    private var edges: [UInt64: Int32] = [:]
    private var values: [Value?] = [nil]

    /// Adds `word`; a word added twice keeps its first value (the CSV's order decides).
    mutating func insert(_ word: String, _ value: Value) {
        var node: Int32 = 0
        var length = 0
        for c in word.unicodeScalars {
            if node == 0, c.value < 0x10000 {
                let existing = rootEdges[Int(c.value)]
                if existing != 0 {
                    node = existing
                } else {
                    values.append(nil)
                    node = Int32(values.count - 1)
                    rootEdges[Int(c.value)] = node
                }
                length += 1
                continue
            }
            let key = UInt64(UInt32(node)) << 32 | UInt64(c.value)
            if let next = edges[key] {
                node = next
            } else {
                values.append(nil)
                let next = Int32(values.count - 1)
                edges[key] = next
                node = next
            }
            length += 1
        }
        guard length > 0 else { return }
        if values[Int(node)] == nil { values[Int(node)] = value }
    }

    /// The longest word starting at `start` that ends at or before `limit`, with its end offset.
    func longestMatch(in s: [Unicode.Scalar], at start: Int, limit: Int? = nil) -> (Value, Int)? {
        let end = min(limit ?? s.count, s.count)
        var node: Int32 = 0
        var best: (Value, Int)?
        var i = start
        while i < end {
            guard let next = child(of: node, s[i]) else { break }
            node = next
            i += 1
            if let value = values[Int(node)] { best = (value, i) }
        }
        return best
    }

    /// Whether some word starts with `c`.
    func startsWord(_ c: Unicode.Scalar) -> Bool {
        child(of: 0, c) != nil
    }

    @inline(__always)
    private func child(of node: Int32, _ c: Unicode.Scalar) -> Int32? {
        if node == 0, c.value < 0x10000 {
            let next = rootEdges[Int(c.value)]
            return next == 0 ? nil : next
        }
        return edges[UInt64(UInt32(node)) << 32 | UInt64(c.value)]
    }

    /// Appends every word starting at `start` (shortest first) with its end offset to `found`,
    /// without building an array per start; returns how many were appended.
    @discardableResult
    func appendMatches(in s: [Unicode.Scalar], at start: Int, limit: Int, to found: inout [(Value, Int)]) -> Int {
        var node: Int32 = 0
        var i = start
        var count = 0
        let end = min(limit, s.count)
        while i < end {
            guard let next = child(of: node, s[i]) else { break }
            node = next
            i += 1
            if let value = values[Int(node)] {
                found.append((value, i))
                count += 1
            }
        }
        return count
    }
}
