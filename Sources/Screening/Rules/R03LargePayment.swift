import FundModel

/// R03 ⚡ 大额支出: a payment above the item's threshold T.
///
/// Levels are multiples of T (default yellow > 1×T, orange > 2×T, red > 5×T);
/// the limits are computed once per region and item, so the loop compares
/// integers. Reversals are not screened (rules.md §5).
public struct R03LargePayment: PaymentRule, RealTimeRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R03", name: "大额支出", subject: .payment, isRealTime: true, tables: [.payments],
        fields: [
            .graded([.yellow, .orange, .red], .number, "multiples of the item's threshold T; fires above"),
            .params([FieldSpec("threshold", .itemMap(.amount), "T per item, in yuan")]),
        ], levelOrder: .ascending)

    public init() {}

    /// Per item: the level limits, most severe first.
    public struct Parameters: Sendable {
        var limits: ItemTable<Limits>
    }

    struct Limits: Sendable {
        var threshold: Money
        /// (severity, amount above which it applies, multiple), most severe first.
        var levels: [(severity: Severity, limit: Money, multiple: Decimal4)]
    }

    public func parameters(_ settings: RuleSettings, in snapshot: Snapshot) -> Parameters {
        let levels = settings.gradedLevels
        var byCode: [String: Limits] = [:]
        for (code, value) in settings.itemMap("params", "threshold") {
            guard case .amount(let threshold) = value else { continue }
            byCode[code] = Limits(
                threshold: threshold,
                levels: levels.map {
                    ($0.severity, threshold.scaled(by: $0.figure.tenThousandths, over: 10_000), $0.figure)
                })
        }
        return Parameters(limits: ItemTable(byCode, in: snapshot))
    }

    public func watchedItems(_ parameters: Parameters) -> Set<String>? { Set(parameters.limits.byCode.keys) }

    public func check(_ payment: PaymentFacts, _ parameters: Parameters, in context: RuleContext) -> Finding? {
        guard !payment.isReversal, let limits = parameters.limits.value(for: payment, in: context) else { return nil }
        guard let level = limits.levels.first(where: { payment.amount > $0.limit }) else { return nil }
        return context.finding(
            on: payment, severity: level.severity,
            detail:
                "\(context.itemLabel(payment))单笔支付 \(payment.amount) 元，超过大额支出阈值 \(limits.threshold) 元的 \(level.multiple) 倍（\(level.severity.chineseName)）",
            evidence: [])
    }
}
