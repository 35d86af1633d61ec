import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Parses files on every core ahead of the single writer, and hands them over in order.
///
/// Lockstep batches (parse a few files, write them while the next few are parsed) left a core
/// idle whenever one file of a batch took longer than the others; here each worker takes the
/// next file as soon as it is free. Memory stays bounded: a file is started only while the
/// input bytes parsed or being parsed, and not yet taken by the writer, stay within
/// `budgetBytes` (a larger file is started alone, once the writer has caught up).
final class ParseAhead<Outcome: Sendable>: @unchecked Sendable {
    private let sizes: [Int]
    private let budgetBytes: Int
    private let parse: @Sendable (Int) -> Outcome
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var results: [Int: Outcome] = [:]
    private var nextToStart = 0
    private var bytesInFlight = 0
    private var filesInFlight = 0
    private var stopped = false

    /// Starts `workers` threads parsing items `0..<sizes.count` with `parse`.
    init(sizes: [Int], budgetBytes: Int, workers: Int, parse: @escaping @Sendable (Int) -> Outcome) {
        self.sizes = sizes
        self.budgetBytes = budgetBytes
        self.parse = parse
        for _ in 0..<max(1, min(workers, sizes.count)) {
            let thread = Thread { [self] in work() }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// The outcome of item `index`, waiting for it; call with 0, 1, 2 … in order, each once.
    func outcome(_ index: Int) -> Outcome {
        condition.lock()
        defer { condition.unlock() }
        while results[index] == nil { condition.wait() }
        let outcome = results.removeValue(forKey: index)!
        bytesInFlight -= sizes[index]
        filesInFlight -= 1
        condition.broadcast()
        return outcome
    }

    /// Lets the workers finish the file in hand and start no other (the writer gave up).
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        // Below the writer's priority: the writer is the one thread that cannot be spread over
        // cores, so it must not wait for a core while parsers run ahead of it. (On Linux a nice
        // value belongs to the calling thread.)
        #if os(Linux)
            setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 5)
        #endif
        while let index = claim() {
            let outcome = parse(index)
            condition.lock()
            results[index] = outcome
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The next item to parse once the budget allows it, or nil when none is left.
    private func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, nextToStart < sizes.count,
            filesInFlight > 0, bytesInFlight + sizes[nextToStart] > budgetBytes
        {
            condition.wait()
        }
        guard !stopped, nextToStart < sizes.count else { return nil }
        let index = nextToStart
        nextToStart += 1
        bytesInFlight += sizes[index]
        filesInFlight += 1
        return index
    }
}
