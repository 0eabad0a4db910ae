import Foundation
import FundApp
import FundModel
import FundStore
import Hummingbird

/// 用户管理 (administrators only): the users, creating one, deactivating and reactivating.
struct UserRoutes {
    let environment: ServerEnvironment

    func register(on router: Router<FundRequestContext>) {
        router.get("/users") { request, context in try page(request, context) }
        router.post("/users") { request, context in try await create(request, context) }
        router.post("/users/:id/active") { request, context in try setActive(request, context) }
    }

    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Row {
        var id: Int64
        var name: String
        var displayName: String
        var role: String
        var region: String
        var active: Bool
        var created: String
        var isSelf: Bool
    }

    struct Model {
        var csrf: String
        var rows: [Row]
        var roles: [Option]
        var regions: [Option]
        var form: [String: String]
        var errors: [String]
        var hasErrors: Bool
        var generated: String?
        var generatedFor: String?
    }

    func admin(_ context: FundRequestContext) throws -> Principal {
        let principal = try context.requirePrincipal()
        guard principal.role.mayAdministerUsers else { throw AppError.forbidden }
        return principal
    }

    func page(
        _ request: Request, _ context: FundRequestContext, errors: [String: String] = [:], generated: String? = nil,
        generatedFor: String? = nil, flash: String? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let principal = try admin(context)
        let regions = try RegionNames(store: environment.store)
        let form = errors.isEmpty ? [:] : (context.form?.fields.compactMapValues(\.first) ?? [:])
        let model = Model(
            csrf: context.csrfToken ?? "",
            rows: try environment.store.users().map { user in
                Row(
                    id: user.id, name: user.name, displayName: user.displayName, role: user.role.chineseName,
                    region: user.regionCode.map { regions.name($0) } ?? "全省", active: user.active,
                    created: Formatting.moment(user.createdAt), isSelf: user.id == principal.user.id)
            },
            roles: Role.allCases.map {
                Option(value: $0.rawValue, label: $0.chineseName, selected: form["role"] == $0.rawValue)
            },
            regions: [Option(value: "", label: "（省级角色不选）", selected: (form["region"] ?? "").isEmpty)]
                + regions.cities.map {
                    Option(
                        value: $0.code.raw, label: "\($0.name) \($0.code.raw)", selected: form["region"] == $0.code.raw)
                },
            form: form, errors: errors.sorted { $0.key < $1.key }.map(\.value), hasErrors: !errors.isEmpty,
            generated: generated, generatedFor: generatedFor)
        let done = request.uri.queryParameters["done"].map(String.init)
        return environment.renderer.page(
            "users", model, title: "用户管理", active: "/users", context: context,
            flash: flash ?? (done == "active" ? "已更新用户状态" : nil), status: status)
    }

    func create(_ request: Request, _ context: FundRequestContext) async throws -> Response {
        _ = try admin(context)
        let form = context.form ?? RequestForm()
        let password = form.raw("password").flatMap { $0.isEmpty ? nil : $0 }
        let new = UserDirectory.NewUser(
            name: form["name"] ?? "", displayName: form["display_name"] ?? "", role: form["role"] ?? "",
            region: form["region"], password: password)
        do {
            let (user, generated) = try UserDirectory(store: environment.store, hasher: environment.hasher).create(
                new, at: environment.now(), mustChangePassword: true)
            try environment.audit(
                context, "user.create", targetType: "user", targetID: user.name,
                detail: "\(user.role.rawValue) \(user.regionCode?.raw ?? "")")
            return try page(
                request, context, generated: generated, generatedFor: user.name,
                flash: "已创建用户 \(user.name)" + (generated == nil ? "" : "，初始密码只显示这一次"))
        } catch let invalid as UserDirectory.Invalid {
            try environment.audit(
                context, "user.create", targetType: "user", targetID: new.name, outcome: "failed",
                detail: invalid.fields.values.sorted().joined(separator: "；"))
            return try page(request, context, errors: invalid.fields, status: .unprocessableContent)
        }
    }

    func setActive(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let principal = try admin(context)
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }),
            let user = try environment.store.user(id: id)
        else { throw AppError.notFound("用户") }
        let form = context.form ?? RequestForm()
        guard let value = form["active"], value == "1" || value == "0" else {
            return try page(request, context, errors: ["active": "状态须为 1（启用）或 0（停用）"], status: .unprocessableContent)
        }
        if user.id == principal.user.id && value == "0" {
            return try page(request, context, errors: ["active": "不能停用自己的账户"], status: .unprocessableContent)
        }
        try environment.store.setActive(userID: user.id, active: value == "1")
        try environment.audit(
            context, value == "1" ? "user.activate" : "user.deactivate", targetType: "user", targetID: user.name)
        return redirect("/users?done=active")
    }
}
