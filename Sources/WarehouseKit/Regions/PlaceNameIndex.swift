/// A trie over every place name (full and short) that finds all of them in a text in one pass.
///
/// One `contains` per gazetteer name would be 6,000 scans of each report; the trie reads each
/// character about once. Every name is made of CJK ideographs, so the first step is a plain
/// array lookup, and the rest of the trie is stored flat so the hot loop allocates nothing.
struct PlaceNameIndex: Sendable {
    struct Entry: Sendable, Hashable {
        /// Index in `Gazetteer.places`.
        var place: Int
        /// The key is the place's short name (兰州 for 兰州市), which is only weak evidence.
        var short: Bool
    }

    /// A name found in a text: UTF-8 byte offsets and which name it is.
    struct Hit: Sendable {
        var start: Int
        var end: Int
        /// Index of the name, for `key(of:)` and `entries(of:)`.
        var name: Int32
    }

    /// UTF-8 bytes of the longest name (45, 积石山保安族东乡族撒拉族自治县): a scan cut this far
    /// past a point finds the same names before that point as a full scan.
    let longestName: Int

    /// The first year of the change table's recent part (from the yearly lists of 2015 on).
    static let recentChanges = 2015
    private static let firstScalar: UInt32 = 0x4E00
    private static let lastScalar: UInt32 = 0x9FFF

    /// One bit per hashed pair of first two characters of a name (every name has at least two):
    /// 8 KB that stay in cache and turn away most positions of a text before the trie is touched.
    private let bigrams: [UInt64]
    /// Node reached from the root by one ideograph, or -1.
    private let root: [Int32]
    /// Edges below the root in one open-addressing table keyed by (node, scalar): one probe
    /// per character instead of a search per node.
    private let edgeKeys: [UInt64]
    private let edgeTargets: [Int32]
    private let edgeMask: Int
    /// Per node: the name ending there, or -1.
    private let terminal: [Int32]
    private let keys: [String]
    private let entryLists: [[Entry]]
    private let keyIndex: [String: Int]

    private static func bigram(_ first: UInt32, _ second: UInt32) -> Int {
        Int(truncatingIfNeeded: ((first &* 0x9E37_79B1) ^ second) &* 0x85EB_CA6B) >> 16 & 0xFFFF
    }

    private static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    init(places: [Gazetteer.Place]) {
        var keys: [String] = []
        var entryLists: [[Entry]] = []
        var keyIndex: [String: Int] = [:]
        func add(_ key: String, _ entry: Entry) {
            guard key.unicodeScalars.allSatisfy({ (Self.firstScalar...Self.lastScalar).contains($0.value) }) else { return }
            if let existing = keyIndex[key] {
                if !entryLists[existing].contains(entry) { entryLists[existing].append(entry) }
            } else {
                keyIndex[key] = keys.count
                keys.append(key)
                entryLists.append([entry])
            }
        }
        // A unit retired before 2015 whose name a unit of today bears (烟台市, the county-level
        // city until 1983) is not read from that name: the name means today's unit, and reports
        // that old are few. Later renames (邢台市桥西区, now 信都区) are read as before.
        let currentNames = Set(places.filter { $0.change == nil }.map(\.name))
        for (index, place) in places.enumerated() {
            if let change = place.change, change.year < Self.recentChanges, currentNames.contains(place.name) { continue }
            add(place.name, Entry(place: index, short: false))
            // Counties keep their suffix: their short forms are too often words (同心, 振兴,
            // 共和, 富裕), which would also hide real names (和政 in 市政和平区).
            if place.level != .county, let short = Gazetteer.shortName(of: place.name), short != place.name {
                add(short, Entry(place: index, short: true))
            }
            if let plain = Gazetteer.plainName(of: place.name) { add(plain, Entry(place: index, short: false)) }
        }
        for k in entryLists.indices { entryLists[k].sort { ($0.short ? 1 : 0, $0.place) < ($1.short ? 1 : 0, $1.place) } }
        // Build with per-node dictionaries, then lay the edges out flat.
        var children: [[UInt32: Int32]] = [[:]]
        var terminal: [Int32] = [-1]
        for (k, key) in keys.enumerated() {
            var node = 0
            for scalar in key.unicodeScalars {
                if let next = children[node][scalar.value] {
                    node = Int(next)
                } else {
                    children.append([:])
                    terminal.append(-1)
                    children[node][scalar.value] = Int32(children.count - 1)
                    node = children.count - 1
                }
            }
            terminal[node] = Int32(k)
        }
        var root = [Int32](repeating: -1, count: Int(Self.lastScalar - Self.firstScalar + 1))
        for (scalar, node) in children[0] { root[Int(scalar - Self.firstScalar)] = node }
        let edgeCount = children.dropFirst().reduce(0) { $0 + $1.count }
        var capacity = 16
        while capacity < edgeCount * 2 { capacity *= 2 }
        var edgeKeys = [UInt64](repeating: .max, count: capacity)
        var edgeTargets = [Int32](repeating: -1, count: capacity)
        for node in children.indices.dropFirst() {
            for (scalar, target) in children[node] {
                let key = UInt64(node) << 32 | UInt64(scalar)
                var i = Self.slot(key, mask: capacity - 1)
                while edgeKeys[i] != .max { i = (i + 1) & (capacity - 1) }
                edgeKeys[i] = key
                edgeTargets[i] = target
            }
        }
        var bigrams = [UInt64](repeating: 0, count: 1024)
        for key in keys {
            let scalars = Array(key.unicodeScalars.prefix(2)).map(\.value)
            guard scalars.count == 2 else { continue }
            let bit = Self.bigram(scalars[0], scalars[1])
            bigrams[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.longestName = keys.map(\.utf8.count).max() ?? 0
        self.bigrams = bigrams
        self.root = root
        self.edgeKeys = edgeKeys
        self.edgeTargets = edgeTargets
        self.edgeMask = capacity - 1
        self.terminal = terminal
        self.keys = keys
        self.entryLists = entryLists
        self.keyIndex = keyIndex
    }

    /// What a name can denote, full names first.
    func entries(forKey key: String) -> [Entry] {
        keyIndex[key].map { entryLists[$0] } ?? []
    }

    func key(of hit: Hit) -> String { keys[Int(hit.name)] }
    func entries(of hit: Hit) -> [Entry] { entryLists[Int(hit.name)] }

    /// Leftmost-longest, non-overlapping matches in UTF-8 text, with byte offsets from the
    /// slice's start: 武汉市青山区 gives 武汉市 then 青山区, and 西城区 is not read as 城区.
    func scan(_ text: ArraySlice<UInt8>) -> [Hit] {
        bigrams.withUnsafeBufferPointer { bigrams in
            root.withUnsafeBufferPointer { root in
                edgeKeys.withUnsafeBufferPointer { edgeKeys in
                    edgeTargets.withUnsafeBufferPointer { edgeTargets in
                        terminal.withUnsafeBufferPointer { terminal in
                            text.withUnsafeBufferPointer { text in
                                Self.scan(
                                    text, bigrams: bigrams, root: root, edgeKeys: edgeKeys, edgeTargets: edgeTargets,
                                    mask: edgeMask, terminal: terminal)
                            }
                        }
                    }
                }
            }
        }
    }

    /// The ideograph at `p` (U+4E00–U+9FFF, three bytes in UTF-8), or 0 for anything else.
    @inline(__always)
    private static func ideograph(_ text: UnsafeBufferPointer<UInt8>, at p: Int) -> UInt32 {
        guard p + 2 < text.count else { return 0 }
        let b0 = text[p]
        guard b0 >= 0xE4, b0 <= 0xE9 else { return 0 }
        let value = UInt32(b0 & 0x0F) << 12 | UInt32(text[p + 1] & 0x3F) << 6 | UInt32(text[p + 2] & 0x3F)
        return value >= firstScalar ? value : 0
    }

    private static func scan(
        _ text: UnsafeBufferPointer<UInt8>, bigrams: UnsafeBufferPointer<UInt64>, root: UnsafeBufferPointer<Int32>,
        edgeKeys: UnsafeBufferPointer<UInt64>, edgeTargets: UnsafeBufferPointer<Int32>, mask: Int,
        terminal: UnsafeBufferPointer<Int32>
    ) -> [Hit] {
        var hits: [Hit] = []
        let count = text.count
        var i = 0
        var first = ideograph(text, at: 0)
        while i < count {
            guard first != 0 else {
                let b0 = text[i]
                i += b0 < 0x80 ? 1 : b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1
                first = ideograph(text, at: i)
                continue
            }
            let second = ideograph(text, at: i + 3)
            guard second != 0 else {
                // What follows is not an ideograph: step over it on the slow path.
                i += 3
                first = 0
                continue
            }
            let bit = bigram(first, second)
            guard bigrams[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else {
                i += 3
                first = second
                continue
            }
            var node = root[Int(first - firstScalar)]
            var value = second
            var j = i + 3
            var bestEnd = 0
            var bestName: Int32 = -1
            while node >= 0 {
                if terminal[Int(node)] >= 0 { bestEnd = j; bestName = terminal[Int(node)] }
                if j > i + 3 { value = ideograph(text, at: j) }
                guard value != 0 else { break }
                let key = UInt64(node) << 32 | UInt64(value)
                var slot = Self.slot(key, mask: mask)
                node = -1
                while edgeKeys[slot] != .max {
                    if edgeKeys[slot] == key { node = edgeTargets[slot]; break }
                    slot = (slot + 1) & mask
                }
                j += 3
            }
            if bestName >= 0 {
                hits.append(Hit(start: i, end: bestEnd, name: bestName))
                i = bestEnd
            } else {
                i += 3
            }
            first = ideograph(text, at: i)
        }
        return hits
    }
}
