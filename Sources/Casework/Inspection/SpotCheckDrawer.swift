import FundModel
import FundStore

/// The draw of institutions for spot checks: uniform, or weighted by screening findings; reproducible from its
/// seed (see `PanelDrawer`).
///
/// Weighted sampling without replacement with integer weights: a uniform
/// integer below the total weight picks the candidate whose cumulative range
/// holds it; the pick leaves the pool and the next is drawn from the rest.
public enum SpotCheckDrawer {
    public static func select(candidates: [SpotCheckCandidate], size: Int, seed: UInt64) throws -> [String] {
        guard size >= 1 else { throw CaseworkError.invalid("抽查数量至少为 1") }
        guard size <= candidates.count else {
            throw CaseworkError.refused("可抽查的机构只有 \(candidates.count) 家，不足 \(size) 家")
        }
        var pool = candidates.sorted { $0.institutionID < $1.institutionID }
        guard pool.allSatisfy({ $0.weight >= 1 }) else { throw CaseworkError.invalid("抽取权重须为正整数") }
        var generator = SeededGenerator(seed: seed)
        var drawn: [String] = []
        while drawn.count < size {
            let total = pool.reduce(0) { $0 + $1.weight }
            var ticket = generator.uniform(below: total)
            var index = 0
            while ticket >= pool[index].weight {
                ticket -= pool[index].weight
                index += 1
            }
            drawn.append(pool.remove(at: index).institutionID)
        }
        return drawn
    }

    public static func replay(_ draw: SpotCheckDraw) -> [String]? {
        try? select(candidates: draw.candidates, size: draw.size, seed: draw.seed)
    }

    /// The weight of each institution: 1, plus 3 per red, 2 per orange and 1 per yellow finding still raised that
    /// concerns it (findings on the institution itself, such as R16, and on payments made to it).
    ///
    /// - Parameter paymentInstitution: the institution of a payment id (from the store), `nil` if none.
    public static func weights(
        institutionIDs: [String], findings: [StoredFinding], paymentInstitution: (String) throws -> String?
    ) rethrows -> [SpotCheckCandidate] {
        let wanted = Set(institutionIDs)
        var counts: [String: [Severity: Int]] = [:]
        for stored in findings where stored.stillRaised {
            let finding = stored.finding
            let institution: String?
            switch finding.subjectType {
            case .institution: institution = finding.subjectID
            case .payment: institution = try paymentInstitution(finding.subjectID)
            default: institution = nil
            }
            guard let institution, wanted.contains(institution) else { continue }
            counts[institution, default: [:]][finding.severity, default: 0] += 1
        }
        return institutionIDs.sorted().map { id in
            let c = counts[id] ?? [:]
            let red = c[.red] ?? 0
            let orange = c[.orange] ?? 0
            let yellow = c[.yellow] ?? 0
            return SpotCheckCandidate(
                institutionID: id, weight: 1 + 3 * red + 2 * orange + yellow, basis: "红 \(red) 橙 \(orange) 黄 \(yellow)")
        }
    }
}
