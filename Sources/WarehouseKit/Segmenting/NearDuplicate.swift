/// Finds reports that repeat an earlier one in the same file.
///
/// Texts are compared as sets of 5-scalar shingles (white space and punctuation skipped, so
/// reflowed copies still match). A copy must hold nearly all shingles of the shorter text
/// (containment), so a title prefix or a missing last paragraph does not hide it, and be of
/// similar length, so an excerpt quoted in a longer text is not one. Two reports of the same
/// genre share boilerplate phrases but far fewer shingles than that.
///
/// One-permutation MinHash with banding picks candidate pairs in O(total length); only those
/// are compared exactly, so a compilation of thousands of reports is not compared pair by pair.
public enum NearDuplicate {
    static let shingleLength = 5
    static let minimumContainment = 0.9
    static let minimumLengthRatio = 0.8
    /// Texts with fewer shingles than this have too sparse a sketch; they are compared exactly.
    static let sketchedSize = 256

    /// For each text, the index of an earlier text it copies (the first of a chain), or nil.
    public static func earlierCopies(of texts: [String]) -> [Int?] {
        let prints = texts.map(ShingleSketch.init)
        var copies = [Int?](repeating: nil, count: texts.count)
        var buckets: [UInt64: [Int]] = [:]
        var small: [Int] = []
        for i in texts.indices {
            let print = prints[i]
            var candidates = Set<Int>()
            if print.shingleCount < sketchedSize {
                candidates.formUnion(small)
                small.append(i)
            } else {
                for key in print.bandKeys {
                    candidates.formUnion(buckets[key, default: []])
                    buckets[key, default: []].append(i)
                }
            }
            if let original = candidates.sorted().first(where: { isCopy(prints[$0], print) }) {
                copies[i] = copies[original] ?? original
            }
        }
        return copies
    }

    static func isCopy(_ a: ShingleSketch, _ b: ShingleSketch) -> Bool {
        let (smaller, larger) = a.shingles.count <= b.shingles.count ? (a.shingles, b.shingles) : (b.shingles, a.shingles)
        guard !smaller.isEmpty, Double(smaller.count) / Double(larger.count) >= minimumLengthRatio else {
            return smaller.isEmpty && larger.isEmpty
        }
        let shared = smaller.reduce(0) { $0 + (larger.contains($1) ? 1 : 0) }
        return Double(shared) / Double(smaller.count) >= minimumContainment
    }
}

/// A text's shingle hashes and its MinHash sketch.
struct ShingleSketch: Sendable {
    static let bins = 64
    static let rowsPerBand = 4

    let shingles: Set<UInt64>
    let shingleCount: Int
    /// One key per band of the sketch; texts sharing a key are candidate copies.
    let bandKeys: [UInt64]

    init(_ text: String) {
        var shingles = Set<UInt64>()
        var minima = [UInt64](repeating: .max, count: Self.bins)
        var window: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        var seen = 0
        for scalar in text.unicodeScalars where Self.counts(scalar) {
            window = (window.1, window.2, window.3, window.4, UInt64(scalar.value))
            seen += 1
            guard seen >= NearDuplicate.shingleLength else { continue }
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for v in [window.0, window.1, window.2, window.3, window.4] { h = (h ^ v) &* 0x0000_0100_0000_01b3 }
            h = Self.mix(h)
            shingles.insert(h)
            let bin = Int(h >> 58)
            if h < minima[bin] { minima[bin] = h }
        }
        self.shingles = shingles
        self.shingleCount = shingles.count
        var keys: [UInt64] = []
        for band in stride(from: 0, to: Self.bins, by: Self.rowsPerBand) {
            let rows = minima[band..<(band + Self.rowsPerBand)]
            guard !rows.contains(.max) else { continue }
            keys.append(rows.reduce(UInt64(band)) { Self.mix($0 ^ $1) })
        }
        self.bandKeys = keys
    }

    /// Letters, digits and Han characters; white space and punctuation are layout, not content.
    private static func counts(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v >= 0x4E00 && v <= 0x9FFF { return true }
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
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
