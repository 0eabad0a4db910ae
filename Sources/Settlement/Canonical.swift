import Foundation
import FundModel

/// The canonical form of a request, hashed: the same request re-sent (whatever its JSON spacing or key
/// order) has the same hash, and any change of a field another.
enum Canonical {
    static func hash(_ fields: [String]) -> String {
        // Each field with its byte count, so that no two lists of fields serialise alike.
        var text = ""
        for field in fields { text += "\(field.utf8.count):\(field)\n" }
        return SHA256.hex(text)
    }

    static func hash(operation: String, bill: Bill) -> String {
        var fields = [
            operation, bill.card.canonical, bill.caseID, bill.admissionDate?.iso ?? "", bill.dischargeDate?.iso ?? "",
        ]
        for line in bill.lines {
            fields += [
                String(line.lineNo), line.itemCode, String(line.amount.fen), line.serviceStart.iso,
                line.serviceEnd?.iso ?? "", line.invoiceNo,
            ]
        }
        return hash(fields)
    }
}

/// JSON text of an answer: sorted keys, so that the stored answer and a fresh one are byte for byte alike.
enum JSONText {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
