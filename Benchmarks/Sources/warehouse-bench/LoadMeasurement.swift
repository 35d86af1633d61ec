import Foundation
import GRDB
import WarehouseKit

/// The end-to-end load of a corpus into a fresh database, as `warehouse load` does it.
struct LoadMeasurement {
    var summary: LoadSummary
    var seconds: Double
    var cpuSeconds: Double
    /// Peak resident memory while loading; `coversLoadOnly` is false when the kernel refused
    /// to reset the high-water mark, so that the figure covers the generator too.
    var peakResidentBytes: Int?
    var coversLoadOnly: Bool
    var databaseBytes: Int

    static func run(corpus: URL, database: URL, warehouse: Warehouse, progress: (LoadProgress) -> Void) throws -> LoadMeasurement {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database.path + suffix) }
        let reset = ProcessMeasures.resetPeakResident()
        let cpuStart = ProcessMeasures.cpuSeconds()
        let start = ContinuousClock.now
        let summary: LoadSummary
        do {  // the queue is closed at the end of this scope, which checkpoints the WAL into the database file
            let loader = try warehouse.loader()
            let queue = try warehouse.openForWriting(database)
            summary = try loader.load([corpus], into: queue, databasePath: database.path, observe: progress)
        }
        let seconds = (ContinuousClock.now - start).seconds
        let cpu = ProcessMeasures.cpuSeconds() - cpuStart
        let peak = ProcessMeasures.peakResidentBytes()
        let size = ["", "-wal"].reduce(0) { total, suffix in
            total + ((try? FileManager.default.attributesOfItem(atPath: database.path + suffix)[.size] as? Int) ?? 0)
        }
        return LoadMeasurement(
            summary: summary, seconds: seconds, cpuSeconds: cpu, peakResidentBytes: peak, coversLoadOnly: reset,
            databaseBytes: size)
    }
}
