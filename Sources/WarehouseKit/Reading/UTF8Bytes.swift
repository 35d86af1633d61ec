/// Work on raw UTF-8 bytes, so a file's text is checked, counted and decoded without building Strings.
enum UTF8Bytes {
    /// Decodes the scalar at a byte index of valid UTF-8.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 { return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return (UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return (UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F), 4)
    }

    /// Well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF)? ASCII is checked eight
    /// bytes at a time.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = bytes[index]
            if lead & 0xF0 == 0xE0 {
                // Three bytes: nearly every Chinese character, so tested first.
                guard index + 2 < count else { return false }
                let second = bytes[index + 1]
                guard second & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80,
                      lead != 0xE0 || second >= 0xA0, lead != 0xED || second < 0xA0 else { return false }
                index += 3
            } else if lead < 0x80 {
                index += 1
                while index + 8 <= count,
                      UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
            } else if lead >= 0xC2, lead < 0xE0 {
                guard index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 else { return false }
                index += 2
            } else if lead >= 0xF0, lead < 0xF5 {
                guard index + 3 < count else { return false }
                let second = bytes[index + 1]
                guard second & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80, bytes[index + 3] & 0xC0 == 0x80,
                      lead != 0xF0 || second >= 0x90, lead != 0xF4 || second < 0x90 else { return false }
                index += 4
            } else {
                return false
            }
        }
        return true
    }

    /// Unicode scalars in valid UTF-8: bytes that are not continuation bytes, eight at a time.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var continuations = 0
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // Continuation bytes are 10xxxxxx: bit 7 set, bit 6 clear.
            continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            index += 8
        }
        while index < bytes.count {
            if bytes[index] & 0xC0 == 0x80 { continuations += 1 }
            index += 1
        }
        return bytes.count - continuations
    }
}

/// Counts of well-formed and malformed UTF-8 sequences, to tell damaged UTF-8 from another encoding.
struct UTF8Scan {
    var invalid = 0
    var validMultibyte = 0
    var firstInvalid = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        var sawInvalid = false
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length = switch lead {
            case 0xC2...0xDF: 2
            case 0xE0...0xEF: 3
            case 0xF0...0xF4: 4
            default: 0
            }
            let end = index + length
            var valid = length > 0 && end <= bytes.count
            if valid {
                for next in (index + 1)..<end where bytes[next] & 0xC0 != 0x80 { valid = false }
            }
            if valid, !UTF8Bytes.isValid(UnsafeBufferPointer(rebasing: bytes[index..<end])) {
                valid = false  // overlong, surrogate or out-of-range forms
            }
            if valid {
                validMultibyte += 1
                index = end
            } else {
                if !sawInvalid { firstInvalid = index }
                sawInvalid = true
                invalid += 1
                index += 1
            }
        }
    }
}
