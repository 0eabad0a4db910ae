import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A contracted institution's system (HIS) calling the settlement API over HTTP with its credential, as the
/// done-when test of issue 13 asks: JSON in, JSON out, nothing of the server's types.
struct InstitutionClient: Sendable {
    let client: any TestClientProtocol
    let key: String

    struct Reply: @unchecked Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var json: [String: Any]

        subscript(key: String) -> Any? { json[key] }
        var lines: [[String: Any]] { json["lines"] as? [[String: Any]] ?? [] }
        var code: String? { json["code"] as? String }
    }

    func send(_ method: HTTPRequest.Method, _ path: String, _ body: [String: Any]? = nil) async throws -> Reply {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(key)"
        var buffer: ByteBuffer?
        if let body {
            headers[.contentType] = "application/json"
            buffer = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body))
        }
        return try await client.execute(uri: path, method: method, headers: headers, body: buffer) { response in
            let object = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any]
            return Reply(status: response.status, headers: response.headers, json: object ?? [:])
        }
    }

    func eligibility(cardNo: String) async throws -> Reply {
        try await send(.post, "/api/v1/settlement/eligibility", ["cardNo": cardNo])
    }

    func preSettle(_ bill: [String: Any]) async throws -> Reply {
        try await send(.post, "/api/v1/settlement/presettlements", bill)
    }

    func settle(_ requestID: String, _ bill: [String: Any]) async throws -> Reply {
        var body = bill
        body["requestID"] = requestID
        return try await send(.post, "/api/v1/settlement/settlements", body)
    }

    func reverse(_ requestID: String, settlementID: String, reason: String) async throws -> Reply {
        try await send(
            .post, "/api/v1/settlement/reversals",
            ["requestID": requestID, "settlementID": settlementID, "reason": reason])
    }

    func reconciliation(date: String) async throws -> Reply {
        try await send(.get, "/api/v1/settlement/reconciliation?date=\(date)")
    }

    func reconcile(_ totals: [String: Any]) async throws -> Reply {
        try await send(.post, "/api/v1/settlement/reconciliation", totals)
    }

    func clearing(month: String) async throws -> Reply {
        try await send(.get, "/api/v1/settlement/clearing?month=\(month)")
    }

    /// A bill of the worker's card with lines (item, fen, invoice).
    static func bill(card: String, caseID: String, _ lines: [(String, Int, String)], day: String) -> [String: Any] {
        [
            "cardNo": card, "caseID": caseID,
            "lines": lines.enumerated().map { i, line in
                [
                    "lineNo": i + 1, "itemCode": line.0, "amountFen": line.1, "serviceStart": day,
                    "invoiceNo": line.2,
                ] as [String: Any]
            },
        ]
    }
}
