/// Maps Unicode-scalar offsets in normalized text back to the text as written.
///
/// Normalization only ever keeps a scalar (possibly replaced one-for-one) or deletes scalars, so
/// the map is a list of anchors placed after each deletion: between two anchors both texts advance
/// together. A 100 MB file with a handful of edits costs a handful of anchors, not one Int per scalar.
public struct OffsetMap: Sendable, Equatable {
    /// Normalized offsets where a run starts, ascending; the run before the first anchor starts at 0 ↔ 0.
    private var normalizedStarts: [Int] = []
    /// The source offset each run starts at.
    private var sourceStarts: [Int] = []

    /// The map of a text that was not changed in length anywhere.
    public static let identity = OffsetMap()

    /// Where the scalar at normalized offset `offset` (or the end, if `offset` is the length) came from.
    public func sourceOffset(ofNormalized offset: Int) -> Int {
        // Last anchor at or before `offset`.
        var low = 0
        var high = normalizedStarts.count
        while low < high {
            let middle = (low + high) / 2
            if normalizedStarts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return offset }
        return sourceStarts[low - 1] + (offset - normalizedStarts[low - 1])
    }

    /// The source range a normalized range was made from. Text deleted right after the last scalar
    /// (a pinyin annotation, a space inside a number) belongs to the range, so evidence reads as written.
    public func sourceRange(ofNormalized range: Range<Int>) -> Range<Int> {
        let lower = sourceOffset(ofNormalized: range.lowerBound)
        return lower..<max(lower, sourceOffset(ofNormalized: range.upperBound))
    }

    /// Records that `count` source scalars were deleted at the current position.
    mutating func recordDeletion(normalizedOffset: Int, sourceOffset: Int, count: Int) {
        let resumesAt = sourceOffset + count
        if let last = normalizedStarts.last, last == normalizedOffset {
            sourceStarts[sourceStarts.count - 1] = resumesAt
        } else {
            normalizedStarts.append(normalizedOffset)
            sourceStarts.append(resumesAt)
        }
    }

    /// The map after deleting the given normalized ranges (ascending, disjoint) from the normalized text.
    func removing(_ ranges: [Range<Int>]) -> OffsetMap {
        guard !ranges.isEmpty else { return self }
        var result = OffsetMap()
        var anchor = 0
        var removedSoFar = 0
        for range in ranges where !range.isEmpty {
            while anchor < normalizedStarts.count, normalizedStarts[anchor] < range.lowerBound {
                result.recordDeletion(
                    normalizedOffset: normalizedStarts[anchor] - removedSoFar, sourceOffset: sourceStarts[anchor], count: 0)
                anchor += 1
            }
            // Anchors inside the removed range are superseded by the one that resumes after it.
            while anchor < normalizedStarts.count, normalizedStarts[anchor] <= range.upperBound { anchor += 1 }
            let resumesAt = sourceOffset(ofNormalized: range.upperBound)
            removedSoFar += range.count
            result.recordDeletion(normalizedOffset: range.upperBound - removedSoFar, sourceOffset: resumesAt, count: 0)
        }
        while anchor < normalizedStarts.count {
            result.recordDeletion(
                normalizedOffset: normalizedStarts[anchor] - removedSoFar, sourceOffset: sourceStarts[anchor], count: 0)
            anchor += 1
        }
        return result
    }
}
