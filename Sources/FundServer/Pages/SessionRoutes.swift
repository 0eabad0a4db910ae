import Foundation
import FundApp
import FundModel
import FundStore
import Hummingbird

/// Signing in and out, and the person's own account (password change, API keys).
struct SessionRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<FundRequestContext>) {
        router.get("/login") { request, context in try loginPage(request, context) }
        router.post("/login") { request, context in try await login(request, context) }
        router.post("/logout") { request, context in try logout(request, context) }
        router.get("/account") { request, context in try accountPage(request, context) }
        router.get("/account/password") { request, context in try passwordPage(request, context) }
        router.post("/account/password") { request, context in try await changePassword(request, context) }
        router.post("/account/api-keys") { request, context in try createAPIKey(request, context) }
        router.post("/account/api-keys/:id/revoke") { request, context in try revokeAPIKey(request, context) }
    }

    // MARK: Sign-in

    struct LoginModel {
        var csrf: String
        var next: String
        var name: String
        var error: String?
    }

    func loginPage(
        _ request: Request, _ context: FundRequestContext, name: String = "", error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        if context.principal != nil && error == nil { return redirect("/dashboard") }
        let token = RandomToken.make()
        let next = Self.safeNext(request.uri.queryParameters["next"].map(String.init) ?? "/dashboard")
        var response = environment.renderer.page(
            "login", LoginModel(csrf: token, next: next, name: name, error: error), title: "登录", active: "",
            context: context, status: status)
        response.setCookie(cookie(Authenticator.loginCSRFCookie, token, maxAge: 3600))
        return response
    }

    /// The longest sign-in name looked at; a longer one is refused before anything else (issue 11 #5).
    static let maxLoginNameLength = 64

    func login(_ request: Request, _ context: FundRequestContext) async throws -> Response {
        let form = context.form ?? RequestForm()
        let sent = form["name"] ?? ""
        let password = form.raw("password") ?? ""
        let address = context.clientAddress
        // Validate the name first: no account can have a name outside UserNamePolicy, so such a name is a
        // failure without a lookup, and only its first characters reach the rate limiter and the audit log.
        let nameIsValid = sent.utf8.count <= Self.maxLoginNameLength && UserNamePolicy.problems(sent).isEmpty
        let name = nameIsValid ? sent : AuditLimits.cap(sent, 32)
        // Check and count in one step: parallel tries cannot all pass before one is counted (issue 11 #7).
        if let wait = environment.rateLimiter.begin(address: address, name: name, now: environment.now()) {
            // The name once (as the user name), never again as the target.
            try environment.audit(
                context, "login", targetType: "user", outcome: "denied", detail: "rate limited", userName: name)
            environment.metrics.count("login_rate_limited")
            return try loginPage(
                request, context, name: nameIsValid ? name : "",
                error: Self.waitText(wait), status: .tooManyRequests)
        }
        guard nameIsValid else {
            environment.metrics.count("login_failure")
            try environment.audit(
                context, "login", targetType: "user", outcome: "failed", detail: "invalid name", userName: name)
            return try loginPage(request, context, error: "用户名或密码错误", status: .unauthorized)
        }
        let user = try environment.store.user(name: name)
        let valid: Bool
        if let user, user.active {
            valid = try await environment.hasher.verify(password, hash: user.passwordHash)
        } else {
            // Spend the same time as for a real user, so names cannot be probed.
            _ = try await environment.hasher.verify(password, hash: environment.dummyHash)
            valid = false
        }
        guard valid, let user else {
            environment.metrics.count("login_failure")
            try environment.audit(context, "login", targetType: "user", outcome: "failed", userName: name)
            return try loginPage(request, context, name: name, error: "用户名或密码错误", status: .unauthorized)
        }
        environment.rateLimiter.recordSuccess(address: address, name: name)
        let token = RandomToken.make()
        let now = environment.now()
        try environment.store.deleteExpiredSessions(before: now)
        try environment.store.createSession(
            SessionRecord(
                tokenHash: SHA256.hex(token), userID: user.id, csrfToken: RandomToken.make(), createdAt: now,
                expiresAt: now.addingTimeInterval(environment.configuration.sessionLifetime), remoteAddress: address))
        var signedIn = context
        signedIn.principal = Principal(user: user, credential: .session)
        try environment.audit(signedIn, "login", targetType: "user", targetID: user.name)
        environment.metrics.count("login_success")
        // A password someone else chose (generated, one-time) is changed before anything else.
        let next = user.mustChangePassword ? "/account/password" : Self.safeNext(form["next"] ?? "/dashboard")
        var response = redirect(next)
        response.setCookie(
            cookie(Authenticator.sessionCookie, token, maxAge: Int(environment.configuration.sessionLifetime)))
        response.setCookie(cookie(Authenticator.loginCSRFCookie, "", maxAge: 0))
        return response
    }

    /// 请 N 秒/分钟后再试.
    static func waitText(_ wait: TimeInterval) -> String {
        wait < 60
            ? "登录失败次数过多，请 \(Int(wait.rounded(.up))) 秒后再试" : "登录失败次数过多，请 \(Int(wait / 60) + 1) 分钟后再试"
    }

    func logout(_ request: Request, _ context: FundRequestContext) throws -> Response {
        if let hash = context.sessionTokenHash {
            try environment.store.deleteSession(tokenHash: hash)
            try environment.audit(context, "logout", targetType: "user", targetID: context.principal?.user.name ?? "")
        }
        var response = redirect("/login")
        response.setCookie(cookie(Authenticator.sessionCookie, "", maxAge: 0))
        return response
    }

    // MARK: Account

    struct AccountModel {
        struct Key {
            var id: Int64
            var label: String
            var prefix: String
            var created: String
            var expires: String
            var state: String
            var usable: Bool
            var csrf: String
        }
        var csrf: String
        var name: String
        var displayName: String
        var roleName: String
        var region: String
        var passwordChanged: String
        var errors: [String]
        var hasErrors: Bool
        var newKey: String?
        var keys: [Key]
        var hasKeys: Bool
    }

    func accountPage(
        _ request: Request, _ context: FundRequestContext, errors: [String] = [], flash: String? = nil,
        newKey: String? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let principal = try context.requirePrincipal()
        let user = principal.user
        let regions = try RegionNames(store: environment.store)
        let now = environment.now()
        let keys = try environment.store.apiKeys(userID: user.id).map {
            AccountModel.Key(
                id: $0.id, label: $0.label, prefix: $0.prefix, created: Formatting.moment($0.createdAt),
                expires: $0.expiresAt.map(Formatting.moment) ?? "不过期",
                state: $0.revoked ? "已吊销" : $0.isUsable(at: now) ? "有效" : "已过期", usable: $0.isUsable(at: now),
                csrf: context.csrfToken ?? "")
        }
        let model = AccountModel(
            csrf: context.csrfToken ?? "", name: user.name, displayName: user.displayName,
            roleName: user.role.chineseName, region: user.regionCode.map { regions.name($0) } ?? "全省",
            passwordChanged: Formatting.moment(user.passwordChangedAt), errors: errors, hasErrors: !errors.isEmpty,
            newKey: newKey, keys: keys, hasKeys: !keys.isEmpty)
        let message = flash ?? (request.uri.queryParameters["done"] == "password" ? "密码已修改" : nil)
        return environment.renderer.page(
            "account", model, title: "我的账户", active: "/account", context: context, flash: message, status: status)
    }

    struct PasswordModel {
        var csrf: String
        var required: Bool
        var errors: [String]
        var hasErrors: Bool
    }

    /// 修改密码: the page a person with a password someone else chose is sent to, and may not leave before
    /// changing it (issue 11 #7).
    func passwordPage(
        _ request: Request, _ context: FundRequestContext, errors: [String] = [], status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let principal = try context.requirePrincipal()
        let model = PasswordModel(
            csrf: context.csrfToken ?? "", required: principal.user.mustChangePassword, errors: errors,
            hasErrors: !errors.isEmpty)
        return environment.renderer.page(
            "password", model, title: "修改密码", active: "/account", context: context, status: status)
    }

    func changePassword(_ request: Request, _ context: FundRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard case .session = principal.credential else { throw AppError.forbidden }
        let form = context.form ?? RequestForm()
        let current = form.raw("current") ?? ""
        let new = form.raw("new") ?? ""
        let repeated = form.raw("repeat") ?? ""
        var errors: [String] = []
        if current.isEmpty { errors.append("请输入当前密码") }
        if new != repeated { errors.append("两次输入的新密码不一致") }
        if new == current && !new.isEmpty { errors.append("新密码不能与当前密码相同") }
        errors += PasswordPolicy.problems(new, userName: principal.user.name)
        if errors.isEmpty, !(try await environment.hasher.verify(current, hash: principal.user.passwordHash)) {
            errors.append("当前密码错误")
        }
        guard errors.isEmpty else {
            try environment.audit(
                context, "account.password", targetType: "user", targetID: principal.user.name,
                outcome: "failed", detail: errors.joined(separator: "；"))
            if principal.user.mustChangePassword || form["from"] == "password" {
                return try passwordPage(request, context, errors: errors, status: .unprocessableContent)
            }
            return try accountPage(request, context, errors: errors, status: .unprocessableContent)
        }
        let hash = try await environment.hasher.hash(new)
        try environment.store.updatePassword(userID: principal.user.id, passwordHash: hash, at: environment.now())
        // The API keys go with the old password, unless the person keeps them (issue 11 #8).
        if form["keep_keys"] != "1" {
            let revoked = try environment.store.revokeAPIKeys(userID: principal.user.id)
            if revoked > 0 {
                try environment.audit(
                    context, "account.api_key.revoke", targetType: "user", targetID: principal.user.name,
                    detail: "修改密码时吊销 \(revoked) 个 API 密钥")
            }
        }
        // Every other session of the person ends: a stolen cookie dies with the old password.
        try environment.store.deleteSessions(userID: principal.user.id)
        let token = RandomToken.make()
        let now = environment.now()
        try environment.store.createSession(
            SessionRecord(
                tokenHash: SHA256.hex(token), userID: principal.user.id, csrfToken: RandomToken.make(),
                createdAt: now, expiresAt: now.addingTimeInterval(environment.configuration.sessionLifetime),
                remoteAddress: context.clientAddress))
        try environment.audit(context, "account.password", targetType: "user", targetID: principal.user.name)
        var response = redirect("/account?done=password")
        response.setCookie(
            cookie(Authenticator.sessionCookie, token, maxAge: Int(environment.configuration.sessionLifetime)))
        return response
    }

    func createAPIKey(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        guard case .session = principal.credential else { throw AppError.forbidden }
        let form = context.form ?? RequestForm()
        guard let label = form["label"], label.count <= 60 else {
            return try accountPage(request, context, errors: ["请填写密钥用途（60 字以内）"], status: .unprocessableContent)
        }
        let daysText = form["days"] ?? String(Self.defaultKeyDays)
        guard daysText.utf8.count <= 3, let days = Int(daysText), (1...Self.maxKeyDays).contains(days) else {
            return try accountPage(
                request, context, errors: ["有效期须为 1–\(Self.maxKeyDays) 天"], status: .unprocessableContent)
        }
        let key = "fgk_" + RandomToken.make()
        let now = environment.now()
        let record = try environment.store.createAPIKey(
            userID: principal.user.id, label: label, keyHash: SHA256.hex(key), prefix: String(key.prefix(10)),
            at: now, expiresAt: now.addingTimeInterval(TimeInterval(days) * 86_400))
        try environment.audit(
            context, "account.api_key", targetType: "api_key", targetID: String(record.id),
            detail: "\(label)（\(days) 天）")
        return try accountPage(request, context, flash: "已创建 API 密钥，请立即复制保存，它只显示这一次", newKey: key)
    }

    /// API keys expire: 90 days unless chosen, at most a year (issue 11 #8).
    static let defaultKeyDays = 90
    static let maxKeyDays = 365

    /// Revokes one of the person's own keys.
    func revokeAPIKey(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try context.requirePrincipal()
        guard case .session = principal.credential else { throw AppError.forbidden }
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }),
            try environment.store.revokeAPIKey(id: id, userID: principal.user.id)
        else { throw AppError.notFound("API 密钥") }
        try environment.audit(context, "account.api_key.revoke", targetType: "api_key", targetID: String(id))
        return try accountPage(request, context, flash: "已吊销 API 密钥")
    }

    // MARK: Helpers

    /// A cookie for the console: HttpOnly, SameSite=Strict, Secure when served over HTTPS.
    func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: "/", secure: environment.configuration.secureCookies,
            httpOnly: true, sameSite: .strict)
    }

    /// Only a path of this site may follow sign-in: never another site (an open redirect, issue 11 #7).
    ///
    /// The text must start with one `/` followed by a path character (not `/` or a backslash), and contain
    /// only visible ASCII without a backslash: a tab, a newline or a space (`/%09/evil.com`, which browsers read as
    /// `//evil.com`) or any other control character refuses it.
    static func safeNext(_ next: String) -> String {
        let bytes = Array(next.utf8)
        guard bytes.count <= 2000, bytes.first == UInt8(ascii: "/"),
            bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7f && $0 != UInt8(ascii: "\\") })
        else { return "/dashboard" }
        if bytes.count > 1 && bytes[1] == UInt8(ascii: "/") { return "/dashboard" }
        let path = next.split(separator: "?", maxSplits: 1).first.map(String.init) ?? next
        if path == "/login" { return "/dashboard" }
        return next
    }
}

func redirect(_ location: String) -> Response {
    Response(status: .seeOther, headers: [.location: location])
}
