import ArgumentParser
import Foundation
import FundServer
import FundStore
import Logging

/// `fundguard serve`: the web console and the JSON API over a database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "启动监管平台网页与 API Serve the web console and the JSON API (stops gracefully on Ctrl-C / SIGTERM)."
    )

    @Option(help: "The SQLite database of the platform (created and migrated if needed).")
    var db: String

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port: Int = 8080

    @Flag(help: "Mark cookies Secure (when the console is served over HTTPS by a reverse proxy).")
    var secureCookies = false

    @Flag(
        help:
            "Take the client address from the last X-Forwarded-For entry, the one a trusted reverse proxy added (only behind one)."
    )
    var trustForwardedFor = false

    @Option(help: "The address of a trusted reverse proxy (repeatable); X-Forwarded-For is read only from these.")
    var trustedProxy: [String] = []

    @Option(help: "Minutes a console session may go unused before it ends.")
    var sessionIdleMinutes: Int = 30

    @Option(help: "Seconds a connection may stay silent (idle, or a request stopped half-way) before it is closed.")
    var idleTimeout: Int = 30

    @Option(
        help:
            "MiB of large uploads (imports, evidence files) the server holds at once; one that does not fit gets 503 with Retry-After."
    )
    var uploadBudgetMib: Int = 1024

    @Option(
        help: ArgumentHelp(
            "A file holding the bearer token that /metrics asks for (or set FUNDGUARD_METRICS_TOKEN); without one, /metrics is not served.",
            valueName: "file"))
    var metricsTokenFile: String?

    @Option(help: "Log format: text or json (one JSON object per line).")
    var logFormat: LogFormat = .text

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    enum LogFormat: String, ExpressibleByArgument {
        case text, json
    }

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port 须在 0–65535 之间 must be 0–65535") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level 无效 invalid: \(logLevel)")
        }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        let format = logFormat
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler =
                format == .json ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let store: SQLiteFundStore
        do {
            store = try SQLiteFundStore(path: db)
        } catch {
            throw ServeFailure("无法打开数据库 cannot open the database \(db): \(error)")
        }
        let metricsToken = try Self.metricsToken(file: metricsTokenFile)
        if try store.users().isEmpty {
            FileHandle.standardError.write(
                Data(
                    "提示 note: 尚无用户，请先运行 no users yet, run: fundguard user add --db \(db) --name admin --role admin\n"
                        .utf8))
        }
        var configuration = ServerConfiguration(
            host: host, port: port, secureCookies: secureCookies,
            trustForwardedFor: trustForwardedFor || !trustedProxy.isEmpty, trustedProxies: Set(trustedProxy),
            sessionIdleTimeout: TimeInterval(max(1, min(sessionIdleMinutes, 24 * 60)) * 60),
            idleTimeout: TimeInterval(max(1, min(idleTimeout, 3600))), metricsToken: metricsToken)
        configuration.maxUploadBytesInFlight = max(1, min(uploadBudgetMib, 1 << 20)) * 1024 * 1024
        try await FundServer.serve(
            store: store,
            configuration: configuration,
            logger: Logger(label: "fundguard.server"),
            onReady: { address in
                // Written unbuffered: a script waiting for this line must see it at once.
                FileHandle.standardOutput.write(Data("监管平台已启动 FundGuard console listening on \(address)\n".utf8))
            })
    }
}

extension ServeCommand {
    /// The `/metrics` token: the file's first line, else `FUNDGUARD_METRICS_TOKEN`, else none (not served).
    /// At least 16 characters, so that it cannot be guessed in the time a scraper has.
    static func metricsToken(file: String?) throws -> String? {
        var token: String?
        if let file {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ServeFailure("无法读取 cannot read --metrics-token-file \(file)")
            }
            token = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) }
        } else if let value = ProcessInfo.processInfo.environment["FUNDGUARD_METRICS_TOKEN"] {
            token = value.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let token, !token.isEmpty else { return nil }
        guard token.count >= 16, token.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw ServeFailure(
                "/metrics 令牌须为至少 16 个可见 ASCII 字符 the metrics token must be at least 16 visible ASCII characters")
        }
        return token
    }
}

struct ServeFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One JSON object per line on standard error: time, level, label, message and metadata.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    init(label: String) { self.label = label }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var object: [String: String] = [
            "time": ISO8601DateFormatter().string(from: Date()), "level": event.level.rawValue, "label": label,
            "message": event.message.description,
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { _, new in new }) {
            object[key] = value.description
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        FileHandle.standardError.write(data + Data("\n".utf8))
    }
}
