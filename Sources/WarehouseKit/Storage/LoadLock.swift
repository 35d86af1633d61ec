import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lets one `warehouse load` at a time write a database: a second one waits for the busy
/// timeout, then fails with `StorageError.busy`.
///
/// SQLite's own lock is held only for one file's transaction, so without this two loads would
/// interleave their files. The lock is an advisory `flock` on a file beside the database
/// (`<db>-load.lock`), never on the database itself: closing any descriptor of the database
/// would drop SQLite's POSIX locks. The kernel releases it when the process dies, even by SIGKILL.
/// Readers (`sqlite3`, `warehouse run`) never take it.
public final class LoadLock: @unchecked Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    public static func lockPath(forDatabase path: String) -> String { path + "-load.lock" }

    public static func acquire(database path: String, timeout: TimeInterval) throws -> LoadLock {
        let fd = open(lockPath(forDatabase: path), O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw errno == EROFS || errno == EACCES || errno == EPERM
                ? StorageError.readOnly(path: path) : StorageError.cannotOpen(path: path)
        }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(fd)
                throw StorageError.busy(path: path, waited: timeout)
            }
            usleep(50_000)
        }
        return LoadLock(descriptor: fd)
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
