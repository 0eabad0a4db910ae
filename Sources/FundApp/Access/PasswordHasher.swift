import HummingbirdBcrypt
import NIOPosix

/// bcrypt, off the request threads: a hash at cost 12 takes a few hundred milliseconds of CPU.
public struct PasswordHasher: Sendable {
    /// bcrypt's work factor: 12 in production; tests use the minimum (4) to stay fast.
    public var cost: UInt8

    public init(cost: UInt8 = 12) { self.cost = cost }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Hashing synchronously, for the command line.
    public func hashNow(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }
}
