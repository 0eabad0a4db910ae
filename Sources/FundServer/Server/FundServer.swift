import Foundation
import FundApp
import FundModel
import FundStore
import Hummingbird
import Logging
import NIOCore

/// The web console and the JSON API of FundGuard (工伤保险基金监管平台).
///
///     let store = try SQLiteFundStore(path: "fund.sqlite")
///     try await FundServer.serve(store: store, configuration: ServerConfiguration(port: 8080))
///
/// `makeRouter` builds the routes over a store (tests use it with
/// HummingbirdTesting); `makeApplication` adds the listener; `serve` runs
/// until SIGINT or SIGTERM and shuts down gracefully (requests in flight finish).
public enum FundServer {
    /// Every route of the server, with its middleware.
    public static func makeRouter(environment: ServerEnvironment) -> Router<FundRequestContext> {
        let router = Router(context: FundRequestContext.self)
        let methods = RouteMethods()
        router.add(middleware: OuterMiddleware(environment: environment, routeMethods: methods))
        router.add(middleware: CSRFMiddleware())
        SystemRoutes(environment: environment).register(on: router)
        SessionRoutes(environment: environment).register(on: router)
        DashboardRoutes(environment: environment).register(on: router)
        FindingsRoutes(environment: environment).register(on: router)
        FindingRoutes(environment: environment).register(on: router)
        PersonRoutes(environment: environment).register(on: router)
        AuditRoutes(environment: environment).register(on: router)
        YearEndReportRoutes(environment: environment).register(on: router)
        UserRoutes(environment: environment).register(on: router)
        RulesRoutes(environment: environment).register(on: router)
        RuleFormRoutes(environment: environment).register(on: router)
        ImportRoutes(environment: environment).register(on: router)
        JobRoutes(environment: environment).register(on: router)
        DeterminationRoutes(environment: environment).register(on: router)
        AssessmentRoutes(environment: environment).register(on: router)
        InstitutionRoutes(environment: environment).register(on: router)
        CampaignRoutes(environment: environment).register(on: router)
        RiskPointRoutes(environment: environment).register(on: router)
        IndicatorRoutes(environment: environment).register(on: router)
        EvaluationRoutes(environment: environment).register(on: router)
        APIRoutes(environment: environment).register(on: router)
        CaseworkAPIRoutes(environment: environment).register(on: router)
        IndicatorAPIRoutes(environment: environment).register(on: router)
        SettlementRoutes.register(on: router, environment: environment)
        methods.load(router.routes.map { ($0.path.description, $0.method) })
        return router
    }

    /// The idle timeout of the HTTP/1.1 server: connections silent for longer are closed (issue 11 #2).
    static func idleTimeout(_ configuration: ServerConfiguration) -> TimeAmount {
        .milliseconds(Int64((max(0.05, configuration.idleTimeout) * 1000).rounded()))
    }

    /// The application: the router behind an HTTP/1.1 listener on the configured address.
    public static func makeApplication(environment: ServerEnvironment) -> some ApplicationProtocol {
        Application(
            router: makeRouter(environment: environment),
            server: .http1(configuration: .init(idleTimeout: idleTimeout(environment.configuration))),
            configuration: .init(
                address: .hostname(environment.configuration.host, port: environment.configuration.port),
                serverName: "FundGuard"),
            logger: environment.logger)
    }

    /// Serves until SIGINT/SIGTERM; `onReady` is called with the address once listening.
    public static func serve(
        store: SQLiteFundStore, configuration: ServerConfiguration, logger: Logger = Logger(label: "fundguard.server"),
        onReady: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws {
        let environment = ServerEnvironment(store: store, configuration: configuration, logger: logger)
        let router = makeRouter(environment: environment)
        let app = Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: idleTimeout(configuration))),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "FundGuard"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                onReady("http://\(configuration.host):\(port)/")
            },
            logger: logger)
        logger.info(
            "starting",
            metadata: [
                "db": .string(store.path), "host": .string(configuration.host),
                "port": .stringConvertible(configuration.port),
            ])
        try await app.runService()
        logger.info("stopped")
    }

    /// Serves the store for a demonstration (`fundguard demo`): creates an administrator with a
    /// generated password and prints the address, the name and the password once the server listens.
    public static func serveWithOneTimeAdmin(
        store: SQLiteFundStore, configuration: ServerConfiguration, logger: Logger = Logger(label: "fundguard.server")
    ) async throws {
        let (name, password) = try createOneTimeAdmin(store: store)
        try await serve(store: store, configuration: configuration, logger: logger) { address in
            let text = """
                监管平台已启动 FundGuard console: \(address)
                管理员 administrator: \(name)
                一次性密码 one-time password: \(password)（首次登录须先修改密码 to be changed at the first sign-in）

                """
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// Creates an administrator with a generated one-time password (for `fundguard demo`).
    ///
    /// - Returns: the name and the password, to print once.
    public static func createOneTimeAdmin(store: SQLiteFundStore, name: String = "admin") throws -> (
        name: String, password: String
    ) {
        var candidate = name
        var n = 1
        while try store.user(name: candidate) != nil {
            n += 1
            candidate = "\(name)\(n)"
        }
        let (user, password) = try UserDirectory(store: store).create(
            .init(name: candidate, displayName: "演示管理员", role: Role.admin.rawValue, region: nil, password: nil))
        return (user.name, password!)
    }
}

/// `/healthz`, `/metrics`, the stylesheet.
struct SystemRoutes {
    let environment: ServerEnvironment

    static let metricsPath = "/metrics"

    /// Whether `authorization` is `Bearer <token>`, compared in time independent of where they differ.
    static func presents(_ token: String, _ authorization: String?) -> Bool {
        guard let authorization, authorization.hasPrefix("Bearer ") else { return false }
        let given = Array(authorization.dropFirst("Bearer ".count).trimmingCharacters(in: .whitespaces).utf8)
        let expected = Array(token.utf8)
        var difference = UInt8(given.count == expected.count ? 0 : 1)
        for i in 0..<expected.count { difference |= expected[i] ^ (i < given.count ? given[i] : 0) }
        return difference == 0
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func register(on router: Router<FundRequestContext>) {
        router.get("/healthz") { _, _ in
            do {
                _ = try environment.store.screeningRuns(limit: 1)
                return APIResponse.json(["status": "ok"])
            } catch {
                return APIResponse.json(["status": "database unavailable"], status: .serviceUnavailable)
            }
        }
        router.get("/metrics") { request, _ in
            // Only with a token configured, and only to whoever presents it (issue 11).
            guard let token = environment.configuration.metricsToken, !token.isEmpty else {
                return Self.plain(.notFound, "not found\n")
            }
            guard Self.presents(token, request.headers[.authorization]) else {
                var response = Self.plain(.unauthorized, "unauthorized\n")
                response.headers[.wwwAuthenticate] = "Bearer realm=\"metrics\""
                return response
            }
            let counts = try environment.store.findingCounts(scope: .all)
            let byStatus = FindingStatus.allCases.map { ($0.rawValue, counts.byStatus[$0] ?? 0) }
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(
                status: .ok, headers: headers,
                body: .init(byteBuffer: ByteBuffer(string: environment.metrics.render(findingsByStatus: byStatus))))
        }
        router.get("/static/app.css") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/css; charset=utf-8"
            headers[.cacheControl] = "public, max-age=3600"
            let css = Stylesheet.css + ReportStylesheet.css
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: css)))
        }
    }
}
