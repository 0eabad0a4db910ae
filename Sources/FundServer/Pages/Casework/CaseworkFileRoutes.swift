import Hummingbird

/// A register of files in the console (工伤认定, 劳动能力鉴定, 专项检查): its list, the form that opens a file,
/// a file's page and its steps, at the same four addresses under the register's `base`.
///
/// The list and the page take the refusal of a post that failed, so the post can show them again with its message.
protocol CaseworkFileRoutes: Sendable {
    func list(_ request: Request, _ context: FundRequestContext, refusal: CaseworkRefusal?) throws -> Response
    func open(_ request: Request, _ context: FundRequestContext) throws -> Response
    func page(_ request: Request, _ context: FundRequestContext, refusal: CaseworkRefusal?) throws -> Response
    func step(_ request: Request, _ context: FundRequestContext) throws -> Response
}

extension CaseworkFileRoutes {
    /// `GET base` lists, `POST base` opens, `GET base/:id` shows a file, `POST base/:id/steps` runs a step on it.
    func registerFileRoutes(on router: Router<FundRequestContext>, at base: String) {
        router.get(RouterPath(base)) { request, context in try list(request, context, refusal: nil) }
        router.post(RouterPath(base)) { request, context in try open(request, context) }
        router.get(RouterPath(base + "/:id")) { request, context in try page(request, context, refusal: nil) }
        router.post(RouterPath(base + "/:id/steps")) { request, context in try step(request, context) }
    }
}
