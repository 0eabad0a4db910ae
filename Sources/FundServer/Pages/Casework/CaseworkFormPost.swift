import Hummingbird

/// A casework form the register refused (409) or found wrong (422): the page is shown again with the message, at
/// that status, and nothing was changed.
struct CaseworkRefusal {
    var message: String
    var status: HTTPResponse.Status
}

/// How every casework form post ends, in one place so that the registers cannot drift apart: success is a 303 to
/// the page with a `done` key (`CaseworkDone`: never the text), a refusal or bad input is the page again with the
/// message (`CaseworkRefusal`), and 403 / 404 go on to the error page.
extension CaseworkPages {
    /// Runs `step` and goes back to `location` on success; on a refusal or bad input, `page` shows it.
    static func post(
        location: String, context: FundRequestContext, _ step: () throws -> CaseworkDone?,
        page: (CaseworkRefusal) throws -> Response
    ) throws -> Response {
        try post(context: context, { (location, try step()) }, page: page)
    }

    /// The same, for a post whose address after success is known only once the step has run (the page of a file
    /// it opened).
    static func post(
        context: FundRequestContext, _ step: () throws -> (location: String, done: CaseworkDone?),
        page: (CaseworkRefusal) throws -> Response
    ) throws -> Response {
        do {
            let (location, done) = try step()
            guard let done else { return redirect(location) }
            return redirect(location + (location.contains("?") ? "&" : "?") + "done=" + HTMLText.urlEncode(done.key))
        } catch let error as AppError where error.status == .conflict || error.status == .unprocessableContent {
            return try page(CaseworkRefusal(message: error.message, status: error.status))
        }
    }

    /// Opens a file (a determination, an assessment, a campaign) from the posted form: `open` returns its id, and
    /// success leads to its page under `base` with the `done` banner; a refusal shows the register's list again.
    static func open(
        _ context: FundRequestContext, under base: String, done: String, _ open: (RequestForm) throws -> String,
        list: (CaseworkRefusal) throws -> Response
    ) throws -> Response {
        try post(
            context: context,
            {
                let id = try open(context.form ?? RequestForm())
                return ("\(base)/\(HTMLText.urlEncode(id))", CaseworkDone(done))
            }, page: list)
    }

    /// A step on the file of `base/:id/steps`: `run` does it with the file's id and the form and returns the
    /// step's action code, which names the banner (`area.action`); back to the file's page either way.
    static func step(
        _ context: FundRequestContext, under base: String, area: String,
        _ run: (_ id: String, RequestForm) throws -> String, page: (CaseworkRefusal) throws -> Response
    ) throws -> Response {
        let id = context.parameters.get("id") ?? ""
        return try post(
            location: "\(base)/\(HTMLText.urlEncode(id))", context: context,
            { CaseworkDone(area, try run(id, context.form ?? RequestForm())) }, page: page)
    }
}
