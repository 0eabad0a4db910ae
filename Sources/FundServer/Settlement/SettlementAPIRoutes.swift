import Foundation
import FundModel
import FundStore
import Hummingbird
import NIOCore
import Settlement

/// The settlement API for contracted institutions, under `/api/v1/settlement` (openapi.yaml, tag
/// `settlement`): eligibility, pre-settlement, settlement, reversal, the daily reconciliation and the
/// monthly clearing. Each call is authenticated by the institution's credential and written to the audit
/// log (a settlement and a reversal in their own transaction; every other call, and every refusal, after).
struct SettlementAPIRoutes {
    let environment: ServerEnvironment
    let service: SettlementService

    func register(on router: Router<FundRequestContext>) {
        let api = router.group("api/v1/settlement")
        api.post("eligibility") { request, context in try await eligibility(request, context) }
        api.post("presettlements") { request, context in try await preSettle(request, context) }
        api.post("settlements") { request, context in try await settle(request, context) }
        api.post("reversals") { request, context in try await reverse(request, context) }
        api.get("reconciliation") { request, context in try await reconciliation(request, context) }
        api.post("reconciliation") { request, context in try await compare(request, context) }
        api.get("clearing") { request, context in try await clearing(request, context) }
    }

    // MARK: Operations

    func eligibility(_ request: Request, _ context: FundRequestContext) async throws -> Response {
        try await call(request, context, "settlement.eligibility") { caller, request in
            let body = try await Self.decode(SettlementRequests.Eligibility.self, request, context)
            var problems: [String: String] = [:]
            let day = SettlementRequests.day(body.date, "date", &problems)
            if !problems.isEmpty { throw AppError.invalid("请求内容有误", fields: problems) }
            let card = try SettlementRequests.card(cardNo: body.cardNo, ecardToken: body.ecardToken)
            let answer = try service.eligibility(institutionID: caller.institutionID, card: card, on: day)
            return (APIResponse.json(answer), "card", answer.cardNo, "")
        }
    }

    func preSettle(_ request: Request, _ context: FundRequestContext) async throws -> Response {
        try await call(request, context, "settlement.presettle") { caller, request in
            let bill = try SettlementRequests.bill(
                try await Self.decode(SettlementRequests.BillBody.self, request, context))
            let answer = try service.preSettle(institutionID: caller.institutionID, bill: bill)
            let counts = Dictionary(grouping: answer.lines, by: \.decision).mapValues(\.count)
            return (
                APIResponse.json(answer), "case", bill.caseID,
                "paid \(counts["paid"] ?? 0), refused \(counts["refused"] ?? 0), held \(counts["held"] ?? 0)"
            )
        }
    }

    func settle(_ request: Request, _ context: FundRequestContext) async throws -> Response {
        try await call(request, context, "settlement.settle", auditedBySuccess: true) { caller, request in
            let body = try await Self.decode(SettlementRequests.BillBody.self, request, context)
            guard let requestID = body.requestID else {
                throw AppError.invalid("须提交请求号 requestID（重试时使用同一请求号）", fields: ["requestID": "必填 required"])
            }
            let reply = try service.settle(caller, requestID: requestID, bill: try SettlementRequests.bill(body))
            return (Self.stored(reply), "request", requestID, "")
        }
    }

    func reverse(_ request: Request, _ context: FundRequestContext) async throws -> Response {
        try await call(request, context, "settlement.reverse", auditedBySuccess: true) { caller, request in
            let body = try await Self.decode(SettlementRequests.Reversal.self, request, context)
            let reply = try service.reverse(
                caller, requestID: body.requestID, settlementID: body.settlementID, reason: body.reason ?? "")
            return (Self.stored(reply), "settlement", body.settlementID, "")
        }
    }

    func reconciliation(_ request: Request, _ context: FundRequestContext) async throws -> Response {
        try await call(request, context, "settlement.reconciliation") { caller, request in
            let day = try Self.day(query: request, "date", default: service.today)
            let file = try service.reconciliation(institutionID: caller.institutionID, day: day)
            switch request.uri.queryParameters.get("format") {
            case nil, "json": return (APIResponse.json(file), "day", day.iso, "lines \(file.lines.count)")
            case "csv": return (Self.csv(file), "day", day.iso, "lines \(file.lines.count) csv")
            default: throw AppError.invalid("format 须为 json 或 csv", fields: ["format": "json | csv"])
            }
        }
    }

    func compare(_ request: Request, _ context: FundRequestContext) async throws -> Response {
        try await call(request, context, "settlement.reconcile") { caller, request in
            let body = try await Self.decode(SettlementRequests.Totals.self, request, context)
            guard let day = Day(iso: body.date) else {
                throw AppError.invalid("日期须为 YYYY-MM-DD", fields: ["date": "YYYY-MM-DD"])
            }
            if (body.settlementIDs?.count ?? 0) > 10_000 {
                throw AppError.invalid("结算单号过多（最多 10000 个）", fields: ["settlementIDs": "最多 10000 个"])
            }
            let report = try service.compare(
                institutionID: caller.institutionID, day: day,
                theirs: InstitutionTotals(
                    settlementCount: body.settlementCount, paidFen: body.paidFen, reversedFen: body.reversedFen,
                    netFen: body.netFen, settlementIDs: body.settlementIDs))
            return (APIResponse.json(report), "day", day.iso, report.matched ? "matched" : "mismatch")
        }
    }

    func clearing(_ request: Request, _ context: FundRequestContext) async throws -> Response {
        try await call(request, context, "settlement.clearing") { caller, request in
            let text = request.uri.queryParameters.get("month") ?? service.today.yearMonth.iso
            guard let month = YearMonth(iso: text) else {
                throw AppError.invalid("月份须为 YYYY-MM", fields: ["month": "YYYY-MM"])
            }
            let clearing = try service.clearing(institutionID: caller.institutionID, month: month)
            return (APIResponse.json(clearing), "month", month.iso, "to pay \(clearing.toPayFen) fen")
        }
    }

    // MARK: Helpers

    /// Authenticates the institution, runs the operation and audits the call: its outcome, or its refusal
    /// with the error's code. A settlement or reversal that succeeds was audited in its own transaction.
    func call(
        _ request: Request, _ context: FundRequestContext, _ action: String, auditedBySuccess: Bool = false,
        _ body: (SettlementCaller, Request) async throws -> (Response, String, String, String)
    ) async throws -> Response {
        var caller = SettlementCaller(institutionID: "?", credentialID: 0, remoteAddress: context.clientAddress)
        do {
            caller = try InstitutionAuth.caller(request, context, environment)
            let (response, targetType, targetID, detail) = try await body(caller, request)
            if !auditedBySuccess || !Self.isFresh(response) {
                try environment.store.appendAudit(
                    caller.auditEntry(
                        action, targetType: targetType, targetID: targetID, outcome: "ok", detail: detail,
                        at: environment.now()))
            }
            return response
        } catch {
            let appError: AppError
            switch error {
            case let e as SettlementError: appError = e.appError
            case let e as AppError: appError = e
            default:
                // A fault of the server (the database): still audited, then answered 500 by the outer layer.
                _ = try? environment.store.appendAudit(
                    caller.auditEntry(
                        action, targetType: "", targetID: "", outcome: "failed", detail: "500 internal",
                        at: environment.now()))
                throw error
            }
            let outcome = appError.status == .unauthorized || appError.status == .forbidden ? "denied" : "failed"
            try environment.store.appendAudit(
                caller.auditEntry(
                    action, targetType: "", targetID: "", outcome: outcome,
                    detail: "\(appError.status.code) \(appError.code): \(appError.message)", at: environment.now()))
            throw appError
        }
    }

    /// Whether a settlement's response was just made (audited in its transaction), not a replay.
    static func isFresh(_ response: Response) -> Bool { response.headers[.init(replayHeader)!] == nil }

    /// Marks the answer of a retry (the stored answer of an earlier request with the same id).
    static let replayHeader = "Idempotent-Replayed"

    /// The stored answer as the response (status and JSON as first given); a retry's is marked.
    static func stored(_ reply: SettlementReply) -> Response {
        let answer = reply.answer
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        if reply.replayed { headers[.init(replayHeader)!] = "true" }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: headers,
            body: .init(byteBuffer: ByteBuffer(string: answer.response)))
    }

    /// The day's file as CSV (UTF-8, formula-safe cells): one row a line, amounts signed in fen.
    static func csv(_ file: DayReconciliation) -> Response {
        var csv = CSVWriter(
            header: ["settlement_id", "line_no", "invoice_no", "item_code", "movement", "amount_fen", "payment_id"],
            formulaSafe: true)
        for line in file.lines {
            csv.append(row: [
                line.settlementID, String(line.lineNo), line.invoiceNo, line.itemCode, line.movement,
                String(line.amountFen), line.paymentID ?? "",
            ])
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"reconciliation-\(file.day).csv\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: csv.text)))
    }

    /// Decodes a JSON body (read within the request's size limit); 400 with the reason when it is not one.
    static func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: FundRequestContext) async throws
        -> T
    {
        var request = request
        let buffer = try await request.collectLimitedBody(context)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let DecodingError.keyNotFound(key, _) {
            throw AppError(
                .badRequest, code: "bad_json", message: "缺少字段 \(key.stringValue)",
                fields: [key.stringValue: "必填 required"])
        } catch let DecodingError.typeMismatch(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw AppError(.badRequest, code: "bad_json", message: "字段类型错误 \(field)", fields: [field: "类型错误"])
        } catch {
            throw AppError(.badRequest, code: "bad_json", message: "请求体须为 JSON 对象（Content-Type: application/json）")
        }
    }

    static func day(query request: Request, _ name: String, default fallback: Day) throws -> Day {
        guard let text = request.uri.queryParameters.get(name) else { return fallback }
        guard let day = Day(iso: text) else { throw AppError.invalid("日期须为 YYYY-MM-DD", fields: [name: "YYYY-MM-DD"]) }
        return day
    }
}
