/// A trie over every place name (full and short) that finds all of them in a text in one pass.
///
/// One `contains` per gazetteer name would be 6,000 scans of each report; the trie reads each
/// character once and, because every name is made of CJK ideographs, the first step is a
/// plain array lookup.
struct PlaceNameIndex: Sendable {
    struct Entry: Sendable, Hashable {
        /// Index in `Gazetteer.places`.
        var place: Int
        /// The key is the place's short name (兰州 for 兰州市), which is only weak evidence.
        var short: Bool
    }

    /// A name found in a text: scalar offsets and what it can denote.
    struct Hit: Sendable {
        var start: Int
        var end: Int
        var entries: [Entry]
        var key: String
    }

    private struct Edge: Sendable {
        var scalar: UInt32
        var node: Int32
    }

    private static let firstScalar: UInt32 = 0x4E00
    private static let lastScalar: UInt32 = 0x9FFF

    private var root: [Int32]
    private var edges: [[Edge]]
    /// Per node: index into `keys`/`entryLists`, or -1.
    private var terminal: [Int32]
    private var keys: [String]
    private var entryLists: [[Entry]]
    private var keyIndex: [String: Int]

    init(places: [Gazetteer.Place]) {
        root = Array(repeating: -1, count: Int(Self.lastScalar - Self.firstScalar + 1))
        edges = [[]]
        terminal = [-1]
        keys = []
        entryLists = []
        keyIndex = [:]
        for (index, place) in places.enumerated() {
            insert(place.name, Entry(place: index, short: false))
            if let short = Gazetteer.shortName(of: place.name), short != place.name {
                insert(short, Entry(place: index, short: true))
            }
        }
    }

    /// What a name can denote, full names first.
    func entries(forKey key: String) -> [Entry] {
        keyIndex[key].map { entryLists[$0] } ?? []
    }

    private mutating func insert(_ key: String, _ entry: Entry) {
        if let existing = keyIndex[key] {
            if !entryLists[existing].contains(entry) { entryLists[existing].append(entry) }
            entryLists[existing].sort { !$0.short && $1.short }
            return
        }
        var node: Int32 = -1
        for scalar in key.unicodeScalars {
            let value = scalar.value
            guard value >= Self.firstScalar, value <= Self.lastScalar else { return }
            if node < 0 {
                let slot = Int(value - Self.firstScalar)
                if root[slot] < 0 { root[slot] = newNode() }
                node = root[slot]
            } else if let edge = edges[Int(node)].first(where: { $0.scalar == value }) {
                node = edge.node
            } else {
                let child = newNode()
                edges[Int(node)].append(Edge(scalar: value, node: child))
                edges[Int(node)].sort { $0.scalar < $1.scalar }
                node = child
            }
        }
        guard node >= 0 else { return }
        keyIndex[key] = keys.count
        terminal[Int(node)] = Int32(keys.count)
        keys.append(key)
        entryLists.append([entry])
    }

    private mutating func newNode() -> Int32 {
        edges.append([])
        terminal.append(-1)
        return Int32(edges.count - 1)
    }

    private func child(of node: Int32, _ value: UInt32) -> Int32 {
        let list = edges[Int(node)]
        var low = 0
        var high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid].scalar < value { low = mid + 1 } else { high = mid }
        }
        return low < list.count && list[low].scalar == value ? list[low].node : -1
    }

    /// Leftmost-longest, non-overlapping matches: 武汉市青山区 gives 武汉市 then 青山区, and
    /// 西城区 is not read as 城区.
    func scan(_ text: [Unicode.Scalar]) -> [Hit] {
        var hits: [Hit] = []
        var i = 0
        let count = text.count
        while i < count {
            let first = text[i].value
            guard first >= Self.firstScalar, first <= Self.lastScalar else { i += 1; continue }
            var node = root[Int(first - Self.firstScalar)]
            var j = i + 1
            var best: (end: Int, key: Int32) = (0, -1)
            while node >= 0 {
                if terminal[Int(node)] >= 0 { best = (j, terminal[Int(node)]) }
                guard j < count else { break }
                let value = text[j].value
                guard value >= Self.firstScalar, value <= Self.lastScalar else { break }
                node = child(of: node, value)
                j += 1
            }
            if best.key >= 0 {
                hits.append(Hit(start: i, end: best.end, entries: entryLists[Int(best.key)], key: keys[Int(best.key)]))
                i = best.end
            } else {
                i += 1
            }
        }
        return hits
    }
}
