/// Finds reports that repeat an earlier one in the same file.
///
/// Texts are compared as sets of 5-scalar shingles (white space and punctuation skipped, so
/// reflowed copies still match). A copy must hold nearly all shingles of the shorter text
/// (containment), so a title prefix or a missing last paragraph does not hide it, and be of
/// similar length, so an excerpt quoted in a longer text is not one. Two reports of the same
/// genre share boilerplate phrases but far fewer shingles than that.
///
/// Each text is read once into a one-permutation MinHash sketch (O(length)); banding the sketch
/// picks candidate pairs, so a compilation of thousands of reports is not compared pair by pair,
/// and the sketches estimate a candidate pair's overlap. Short texts, whose sketches are sparse,
/// keep their shingle sets and are compared exactly.
public enum NearDuplicate {
    static let shingleLength = 5
    static let minimumContainment = 0.9
    static let minimumLengthRatio = 0.8

    /// For each text, the index of the earliest text it copies, or nil.
    public static func earlierCopies(of texts: [some StringProtocol]) -> [Int?] {
        guard texts.count > 1 else { return texts.map { _ in nil } }
        let sketches = texts.map { ShingleSketch($0) }
        var copies = [Int?](repeating: nil, count: texts.count)
        var buckets: [UInt64: [Int]] = [:]
        for i in texts.indices {
            var candidates = Set<Int>()
            for key in sketches[i].bucketKeys { candidates.formUnion(buckets[key, default: []]) }
            if let original = candidates.sorted().first(where: { isCopy(sketches[$0], sketches[i]) }) {
                copies[i] = original
            } else {
                // Only originals are bucketed: a later copy of a copy finds the original itself.
                for key in sketches[i].bucketKeys { buckets[key, default: []].append(i) }
            }
        }
        return copies
    }

    static func isCopy(_ a: ShingleSketch, _ b: ShingleSketch) -> Bool {
        let smaller = Double(min(a.shingleCount, b.shingleCount))
        let larger = Double(max(a.shingleCount, b.shingleCount))
        guard smaller > 0 else { return larger == 0 && a.contentHash == b.contentHash }
        guard smaller / larger >= minimumLengthRatio else { return false }
        if let setA = a.shingles, let setB = b.shingles {
            let (small, large) = setA.count <= setB.count ? (setA, setB) : (setB, setA)
            let shared = small.reduce(0) { $0 + (large.contains($1) ? 1 : 0) }
            return Double(shared) / Double(small.count) >= minimumContainment
        }
        // |A∩B| = J(|A|+|B|)/(1+J) for Jaccard similarity J.
        let jaccard = a.similarity(to: b)
        let shared = jaccard * (smaller + larger) / (1 + jaccard)
        return shared / smaller >= minimumContainment
    }
}

/// A text's MinHash sketch: for each of `bins` hash ranges, the smallest shingle hash in it.
struct ShingleSketch: Sendable {
    static let bins = 128
    static let rowsPerBand = 4
    /// Below this many shingles the sketch has empty bins; such texts keep their shingle set.
    static let exactBelow = 1024

    let minima: [UInt64]
    /// Distinct shingles, counted exactly for short texts and estimated by the total otherwise.
    let shingleCount: Int
    let shingles: Set<UInt64>?
    /// Hash of every counted scalar: texts identical up to layout share it.
    let contentHash: UInt64
    /// One key per full band of the sketch, and one for the content: texts sharing a key are
    /// candidate copies.
    let bucketKeys: [UInt64]

    init(_ text: some StringProtocol) {
        var minima = [UInt64](repeating: .max, count: Self.bins)
        // The first shingles, kept until the text proves long: most texts are, and an array is
        // far cheaper to fill than a set that would be thrown away.
        var first: [UInt64] = []
        first.reserveCapacity(Self.exactBelow)
        var total = 0
        var content: UInt64 = 0xcbf2_9ce4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01b3
        // A polynomial rolling hash of the last `shingleLength` scalars: one multiply per scalar
        // instead of hashing the whole window again.
        let base: UInt64 = 0x9E37_79B9_7F4A_7C15 | 1
        var outgoing: UInt64 = 1  // base^shingleLength, to take the oldest scalar back out
        for _ in 0..<NearDuplicate.shingleLength { outgoing = outgoing &* base }
        var rolling: UInt64 = 0
        var window: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        var seen = 0
        // Scalars are decoded from the UTF-8 in place: this runs over every byte of a compilation.
        func add(_ scalarValue: UInt32) {
            let value = UInt64(scalarValue)
            content = (content ^ value) &* prime
            rolling = rolling &* base &+ value &- window.0 &* outgoing
            window = (window.1, window.2, window.3, window.4, value)
            seen += 1
            guard seen >= NearDuplicate.shingleLength else { return }
            let h = Self.mix(rolling)
            total += 1
            if total <= Self.exactBelow { first.append(h) }
            let bin = Int(h >> 57)
            if h < minima[bin] { minima[bin] = h }
        }
        var text = Substring(text)
        text.withUTF8 { utf8 in
            var i = 0
            while i < utf8.count {
                let (value, length) = UTF8Bytes.scalar(in: utf8, at: i)
                i += length
                if Self.counts(value) { add(value) }
            }
        }
        let small: Set<UInt64>? = total < Self.exactBelow ? Set(first) : nil
        self.minima = minima
        self.shingles = small
        self.shingleCount = small?.count ?? total
        self.contentHash = Self.mix(content)
        var keys: [UInt64] = [Self.mix(content ^ 0x5555_5555_5555_5555)]
        for band in stride(from: 0, to: Self.bins, by: Self.rowsPerBand) {
            let rows = minima[band..<(band + Self.rowsPerBand)]
            guard !rows.contains(.max) else { continue }
            keys.append(rows.reduce(UInt64(band)) { Self.mix($0 ^ $1) })
        }
        self.bucketKeys = keys
    }

    /// Estimated Jaccard similarity: the share of bins, filled in either text, whose minima agree.
    func similarity(to other: ShingleSketch) -> Double {
        var agree = 0
        var filled = 0
        for (x, y) in zip(minima, other.minima) where x != .max || y != .max {
            filled += 1
            if x == y { agree += 1 }
        }
        return filled == 0 ? 0 : Double(agree) / Double(filled)
    }

    /// Letters, digits and Han characters; white space and punctuation are layout, not content.
    @inline(__always)
    private static func counts(_ v: UInt32) -> Bool {
        if v >= 0x4E00 && v <= 0x9FFF { return true }
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        // General punctuation (“” — …), CJK punctuation (,。、《》) and full-width symbols.
        if (0x2000...0x206F).contains(v) || (0x3000...0x303F).contains(v) || (0xFF01...0xFF0F).contains(v)
            || (0xFF1A...0xFF20).contains(v)
        {
            return false
        }
        guard let scalar = Unicode.Scalar(v) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// SplitMix64's finalizer: spreads the bits so that the top bits pick a bin evenly.
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
