/// Text as an array of Unicode scalars, the form every hot loop of the extractor works on.
///
/// Offsets into this array are the Unicode-scalar offsets stored with facts, and indexing it is
/// O(1) where String indexing is not. Decoding is written out because `Array(text.unicodeScalars)`
/// walks the string twice (count, then copy) through the generic iterator.
enum ScalarText {
    static func scalars(of text: some StringProtocol) -> [Unicode.Scalar] {
        var text = Substring(text)  // a report's text is a substring of its document: not copied
        return text.withUTF8 { utf8 in
            [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { out, count in
                var i = 0
                var n = 0
                let end = utf8.count
                while i < end {
                    let b0 = UInt32(utf8[i])
                    var v: UInt32
                    if b0 < 0x80 {
                        v = b0
                        i += 1
                    } else if b0 < 0xE0 {
                        v = (b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                        i += 2
                    } else if b0 < 0xF0 {
                        v = (b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                        i += 3
                    } else {
                        v = (b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12
                            | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F)
                        i += 4
                    }
                    // A Swift String always holds valid UTF-8, so every decoded value is a scalar.
                    out[n] = unsafeBitCast(v, to: Unicode.Scalar.self)
                    n += 1
                }
                count = n
            }
        }
    }

    /// The inverse of `scalars(of:)` for a slice: encodes straight to UTF-8.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(unsafeUninitializedCapacity: scalars.count * 4) { out in
            var n = 0
            for c in scalars {
                let v = c.value
                if v < 0x80 {
                    out[n] = UInt8(v)
                    n += 1
                } else if v < 0x800 {
                    out[n] = UInt8(0xC0 | v >> 6)
                    out[n + 1] = UInt8(0x80 | v & 0x3F)
                    n += 2
                } else if v < 0x10000 {
                    out[n] = UInt8(0xE0 | v >> 12)
                    out[n + 1] = UInt8(0x80 | v >> 6 & 0x3F)
                    out[n + 2] = UInt8(0x80 | v & 0x3F)
                    n += 3
                } else {
                    out[n] = UInt8(0xF0 | v >> 18)
                    out[n + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                    out[n + 2] = UInt8(0x80 | v >> 6 & 0x3F)
                    out[n + 3] = UInt8(0x80 | v & 0x3F)
                    n += 4
                }
            }
            return n
        }
    }

    /// Han characters (CJK unified ideographs and their extensions), by range: the
    /// `properties.isIdeographic` lookup is too slow for per-character tests in hot loops.
    @inline(__always)
    static func isHan(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x20000 && v <= 0x3134F)
            || (v >= 0xF900 && v <= 0xFAFF)
    }

    @inline(__always)
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x3000 || v == 0xA0
    }

    static func words(_ words: String...) -> [[Unicode.Scalar]] {
        words.map { Array($0.unicodeScalars) }
    }
}

/// Whether `word` occurs in `s` at `i`.
func matchScalars(_ s: [Unicode.Scalar], at i: Int, _ word: [Unicode.Scalar]) -> Bool {
    guard i >= 0, i + word.count <= s.count else { return false }
    for k in word.indices where s[i + k] != word[k] { return false }
    return true
}
