/// One paragraph of a sample report cut into literal text and the slots that change from one
/// synthetic report to the next: every number, every year and every region name.
///
/// Cut once when the pool is built, so that writing a gigabyte is copying bytes, not rescanning text.
struct ParagraphTemplate: Sendable {
    enum Piece: Sendable {
        case text([UInt8])
        /// A number: the same count of digits, new digits (so 23 may become 71, never 0).
        case digits(count: Int)
        case month
        case day
        /// A year relative to the year under review of the paragraph's source (plans say +1).
        case year(offset: Int)
        /// A name of the gazetteer's level, replaced by the synthetic report's own unit.
        case region
        case prefecture
        case province
    }

    /// Which bodies' reports the paragraph reads naturally in.
    enum Affinity: Sendable {
        case npc, cppcc, either
    }

    var pieces: [Piece]
    var affinity: Affinity
    /// True when the paragraph sat under a heading announcing next year's work.
    var isPlan: Bool
    var approximateBytes: Int
}

/// The synthetic report's own values for a template's slots.
struct ParagraphContext {
    var year: Int
    var region: [UInt8]
    var prefecture: [UInt8]
    var province: [UInt8]
}

extension ParagraphTemplate {
    func write<R: RandomNumberGenerator>(into out: inout [UInt8], context: ParagraphContext, using rng: inout R) {
        for piece in pieces {
            switch piece {
            case .text(let bytes): out += bytes
            case .digits(let count):
                out.append(UInt8(ascii: "0") + UInt8.random(in: 1...9, using: &rng))
                for _ in 1..<max(count, 1) { out.append(UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &rng)) }
            case .month: appendNumber(Int.random(in: 1...12, using: &rng), to: &out)
            case .day: appendNumber(Int.random(in: 1...28, using: &rng), to: &out)
            case .year(let offset): appendNumber(context.year + offset, to: &out)
            case .region: out += context.region
            case .prefecture: out += context.prefecture
            case .province: out += context.province
            }
        }
        out.append(UInt8(ascii: "\n"))
    }
}

func appendNumber(_ value: Int, to out: inout [UInt8]) {
    out += Array(String(value).utf8)
}
