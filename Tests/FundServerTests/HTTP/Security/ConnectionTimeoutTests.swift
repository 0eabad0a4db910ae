import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FundServer

/// Issue 11 #2: idle, half-sent-header and half-sent-body sockets stayed open for minutes.
@Suite("Security: connection timeouts")
struct ConnectionTimeoutTests {
    /// The server of `fundguard serve` (FundServer.makeApplication), with a one-second idle timeout.
    static func live(_ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let world = try TestWorld(
            configuration: ServerConfiguration(trustForwardedFor: true, bcryptCost: 4, idleTimeout: 1))
        try await FundServer.makeApplication(environment: world.environment).test(.live) { client in
            try await body(try #require(client.port))
        }
    }

    @Test func idleConnectionIsClosed() async throws {
        try await Self.live { port in
            let socket = try RawSocket(port: port)
            let start = Date()
            let (_, closed) = await socket.readAllOffPool(timeout: 10)
            #expect(closed)
            #expect(Date().timeIntervalSince(start) < 5)
        }
    }

    @Test func halfSentHeadersAreClosed() async throws {
        try await Self.live { port in
            let socket = try RawSocket(port: port)
            try socket.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
            let (text, closed) = await socket.readAllOffPool(timeout: 10)
            #expect(closed)
            #expect(!text.contains("200"))
        }
    }

    @Test func halfSentBodyIsClosed() async throws {
        try await Self.live { port in
            let socket = try RawSocket(port: port)
            try socket.send(
                "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 100\r\n\r\nname=a")
            let start = Date()
            let (_, closed) = await socket.readAllOffPool(timeout: 10)
            #expect(closed)
            #expect(Date().timeIntervalSince(start) < 5)
        }
    }

    /// A body trickling in (a few bytes at a time, often enough to keep the idle timeout from firing) is a
    /// 408 once it is slower than the minimum rate, and the connection ends.
    @Test func tricklingBodyIs408AndClosed() async throws {
        let world = try TestWorld(
            configuration: ServerConfiguration(
                trustForwardedFor: true, bcryptCost: 4, idleTimeout: 5, minBodyRate: 1000, bodyRateGrace: 1))
        try await world.testLive { _, port in
            let socket = try RawSocket(port: port)
            try socket.send(
                "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 100000\r\n\r\n")
            let start = Date()
            for _ in 0..<20 {
                try? socket.send("name=aaaaa&")
                try await Task.sleep(for: .milliseconds(200))
            }
            let (text, closed) = await socket.readAllOffPool(timeout: 10)
            #expect(text.hasPrefix("HTTP/1.1 408"), "\(text.prefix(100))")
            #expect(closed)
            #expect(Date().timeIntervalSince(start) < 12)
        }
    }

    /// A request sent whole is answered, and an idle keep-alive connection after it is closed.
    @Test func wholeRequestIsAnsweredThenIdleClosed() async throws {
        try await Self.live { port in
            let socket = try RawSocket(port: port)
            try socket.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let (text, closed) = await socket.readAllOffPool(timeout: 10)
            #expect(text.hasPrefix("HTTP/1.1 200"))
            #expect(closed)
        }
    }
}
