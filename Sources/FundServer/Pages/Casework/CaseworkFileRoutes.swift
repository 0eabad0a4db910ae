import Hummingbird

/// A register of files in the console (工伤认定, 劳动能力鉴定, 专项检查): its list, the form that opens a file,
/// a file's page and its steps, at the same four addresses under the register's `base`.
///
/// The posts are handled here, alike for every register (`CaseworkPages.open` / `step`); a register gives only
/// what differs: how a file is opened and a step run, and its list and page, which take the refusal of a post
/// that failed so that the post can show them again with its message.
protocol CaseworkFileRoutes: Sendable {
    var environment: ServerEnvironment { get }
    /// The register's address, `/casework/assessments`.
    static var base: String { get }
    /// The area of its `done` keys (`assessment`: `assessment.open`, `assessment.draw`, …).
    static var area: String { get }

    func list(_ request: Request, _ context: FundRequestContext, refusal: CaseworkRefusal?) throws -> Response
    func page(_ request: Request, _ context: FundRequestContext, refusal: CaseworkRefusal?) throws -> Response
    /// Opens a file from the posted form; its id.
    func openFile(_ form: RequestForm, _ service: CaseworkService) throws -> String
    /// Runs the posted step on the file `id`; the step's action code.
    func runStep(_ id: String, _ form: RequestForm, _ service: CaseworkService) throws -> String
}

extension CaseworkFileRoutes {
    /// `GET base` lists, `POST base` opens, `GET base/:id` shows a file, `POST base/:id/steps` runs a step on it.
    func registerFileRoutes(on router: Router<FundRequestContext>) {
        router.get(RouterPath(Self.base)) { request, context in try list(request, context, refusal: nil) }
        router.post(RouterPath(Self.base)) { request, context in try open(request, context) }
        router.get(RouterPath(Self.base + "/:id")) { request, context in try page(request, context, refusal: nil) }
        router.post(RouterPath(Self.base + "/:id/steps")) { request, context in try step(request, context) }
    }

    func open(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        return try CaseworkPages.open(context, under: Self.base, done: "\(Self.area).open") { form in
            try openFile(form, service)
        } list: {
            try list(request, context, refusal: $0)
        }
    }

    func step(_ request: Request, _ context: FundRequestContext) throws -> Response {
        let service = try CaseworkService(environment: environment, context: context)
        return try CaseworkPages.step(context, under: Self.base, area: Self.area) { id, form in
            try runStep(id, form, service)
        } page: {
            try page(request, context, refusal: $0)
        }
    }
}
