/// A text as UTF-8 bytes with the place names found in it, and the few look-arounds the
/// resolver needs around a name: spaces, term numbers (第十五届), body names (人大, 政协, 委员会).
///
/// Offsets are UTF-8 byte offsets, internal to region resolution: the text is never decoded
/// into an array of scalars, which keeps resolution close to memory speed.
struct NamedText {
    let bytes: [UInt8]
    let hits: [PlaceNameIndex.Hit]

    init(_ string: String, index: PlaceNameIndex) {
        self.init(bytes: Array(string.utf8), index: index)
    }

    /// - Parameter limit: keep only the names that end within the first `limit` bytes (the
    ///   opening), scanning no further than the longest name past it.
    init(bytes: [UInt8], index: PlaceNameIndex, limit: Int? = nil) {
        self.bytes = bytes
        guard let limit else {
            self.hits = index.scan(bytes[...])
            return
        }
        let hits = index.scan(bytes[..<min(bytes.count, limit + index.longestName)])
        self.hits = Array(hits.prefix { $0.end <= limit })
    }

    /// The scalar starting at `offset` and its length in bytes.
    func scalar(at offset: Int) -> (value: UInt32, length: Int)? {
        guard offset < bytes.count else { return nil }
        let b0 = UInt32(bytes[offset])
        if b0 < 0x80 { return (b0, 1) }
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
        guard offset + length <= bytes.count else { return nil }
        var value = b0 & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(bytes[offset + k] & 0x3F) }
        return (value, length)
    }

    /// Where the scalar that ends at `offset` starts.
    func previousStart(before offset: Int) -> Int? {
        guard offset > 0 else { return nil }
        var i = offset - 1
        while i > 0, bytes[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }

    private static func isSpace(_ value: UInt32) -> Bool { value == 0x20 || value == 0x3000 || value == 0x09 }
    private static func isNumeral(_ value: UInt32) -> Bool {
        (0x30...0x39).contains(value) || numerals.contains(value)
    }
    private static let numerals: Set<UInt32> = Set("一二三四五六七八九十百零〇".unicodeScalars.map(\.value))
    private static let di = UInt32(("第" as Unicode.Scalar).value)
    private static let jie = UInt32(("届" as Unicode.Scalar).value)

    /// Past spaces forwards.
    func skipSpaces(from offset: Int) -> Int {
        var i = offset
        while let s = scalar(at: i), Self.isSpace(s.value) { i += s.length }
        return i
    }

    /// Past spaces backwards.
    func skipSpaces(backwardFrom offset: Int) -> Int {
        var i = offset
        while let start = previousStart(before: i), let s = scalar(at: start), Self.isSpace(s.value) { i = start }
        return i
    }

    /// Two names with nothing but spaces between them (兰州市 城关区).
    func adjacent(_ a: PlaceNameIndex.Hit, _ b: PlaceNameIndex.Hit) -> Bool {
        a.end <= b.start && skipSpaces(from: a.end) >= b.start
    }

    /// Past spaces and a term number (第十五届, 十届) that may sit between a name and its body.
    func skipTerm(from offset: Int) -> Int {
        let start = skipSpaces(from: offset)
        var i = start
        if let s = scalar(at: i), s.value == Self.di { i += s.length }
        let digits = i
        while let s = scalar(at: i), Self.isNumeral(s.value) { i += s.length }
        if i > digits, let s = scalar(at: i), s.value == Self.jie { return i + s.length }
        return start
    }

    /// Back past spaces and a term number (政协第七届|舟山市定海区).
    func skipTerm(backwardFrom offset: Int) -> Int {
        let end = skipSpaces(backwardFrom: offset)
        guard let jieStart = previousStart(before: end), scalar(at: jieStart)?.value == Self.jie else { return end }
        var i = jieStart
        while let start = previousStart(before: i), let s = scalar(at: start), Self.isNumeral(s.value) { i = start }
        guard i < jieStart else { return end }
        if let start = previousStart(before: i), scalar(at: start)?.value == Self.di { i = start }
        return i
    }

    /// Whether the scalar before `offset` (past spaces) is an ideograph, i.e. the name there
    /// may be the tail of a longer word (主城区).
    func followsIdeograph(_ offset: Int) -> Bool {
        let i = skipSpaces(backwardFrom: offset)
        guard let start = previousStart(before: i), let s = scalar(at: start) else { return false }
        return (0x3400...0x9FFF).contains(s.value)
    }

    func occurrences(of word: [UInt8]) -> Int {
        guard let first = word.first, word.count <= bytes.count else { return 0 }
        var n = 0
        var i = 0
        while i + word.count <= bytes.count {
            if bytes[i] == first && bytes[i..<i + word.count].elementsEqual(word) {
                n += 1
                i += word.count
            } else {
                i += 1
            }
        }
        return n
    }

    func contains(_ word: [UInt8]) -> Bool {
        guard let first = word.first, word.count <= bytes.count else { return false }
        var i = 0
        while i + word.count <= bytes.count {
            if bytes[i] == first && bytes[i..<i + word.count].elementsEqual(word) { return true }
            i += 1
        }
        return false
    }

    func startsWithAny(at offset: Int, _ words: [[UInt8]]) -> Bool {
        words.contains { word in
            offset + word.count <= bytes.count && bytes[offset..<offset + word.count].elementsEqual(word)
        }
    }

    func endsWithAny(at offset: Int, _ words: [[UInt8]]) -> Bool {
        words.contains { word in offset >= word.count && bytes[offset - word.count..<offset].elementsEqual(word) }
    }

    private static let bodyNames: [[UInt8]] = [
        "人民代表大会", "人大", "政协", "委员会", "委", "人民政府", "政府", "两会", "人民法院", "人民检察院",
    ].map { Array($0.utf8) }

    /// A body's name right after a place name (城关区委员会, 西城区第十七届人民代表大会, 青山区委).
    func bodyNameFollows(_ offset: Int) -> Bool {
        startsWithAny(at: skipTerm(from: offset), Self.bodyNames)
    }
}
