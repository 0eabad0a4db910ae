import FundModel

/// I09 违规确认与追回金额: the findings confirmed as irregular (违规, fraud included) and the money recovered
/// (追回金额). Reported, never a warning (rules.md §3): it raises no finding.
///
/// Read from the findings register (`RuleContext.registers`): without it the
/// engine reports I09 "not run (no data)". A confirmation counts in the
/// period of the day the verification concluded, with the amount it
/// confirmed (the fine of 条例 60 is not money recovered for the fund); a
/// recovery in the period of the day it was registered, whenever its finding
/// was confirmed. Each region's `IndicatorValue` is the money recovered, in
/// yuan; the trailing 12 months' counts and amounts of every region with any
/// (and of the province, always) are the run's notes, so that the summary
/// shows them.
public struct I09ConfirmedAndRecovered: ScreeningRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "I09", name: "违规确认与追回金额", kind: .indicator, subject: .region, tables: [], fields: [])

    public init() {}

    /// One region's figures per period: `[slot][period]`.
    struct Figures {
        var confirmed: [[Int64]]
        var fraud: [[Int64]]
        var confirmedFen: [[Int64]]
        var recoveredFen: [[Int64]]

        init(slots: Int, periods: Int) {
            let zeros = [[Int64]](repeating: [Int64](repeating: 0, count: periods), count: slots)
            (confirmed, fraud, confirmedFen, recoveredFen) = (zeros, zeros, zeros, zeros)
        }
    }

    public func run(_ context: RuleContext) -> RuleOutput {
        guard let registers = context.registers, let regions = IndicatorRegions(context.snapshot) else {
            return RuleOutput()
        }
        let periods = RollingPeriods(asOf: context.asOf)
        var figures = Figures(slots: regions.count, periods: periods.periods.count)
        func slots(_ code: RegionCode) -> [Int] {
            let city = regions.citySlot(code: code)
            return city == -2 ? [] : city >= 0 ? [city, regions.provinceSlot] : [regions.provinceSlot]
        }
        func periodIndexes(_ day: Day) -> [Int] {
            guard day <= context.asOf, let (first, second) = periods.indexes(of: day.yearMonth) else { return [] }
            return second >= 0 ? [first, second] : [first]
        }
        for row in registers.verifications {
            let targets = slots(row.regionCode)
            if row.isConfirmedIrregular, let concluded = row.concludedDate {
                for slot in targets {
                    for p in periodIndexes(concluded) {
                        figures.confirmed[slot][p] += 1
                        if row.conclusion == .fraud { figures.fraud[slot][p] += 1 }
                        figures.confirmedFen[slot][p] += row.confirmedAmount.fen
                    }
                }
            }
            for recovery in row.recoveries {
                for slot in targets {
                    for p in periodIndexes(recovery.day) { figures.recoveredFen[slot][p] += recovery.amount.fen }
                }
            }
        }

        var values: [IndicatorValue] = []
        for slot in 0..<regions.count {
            for p in periods.periods.indices {
                values.append(
                    IndicatorValue(
                        indicatorID: spec.id, regionCode: regions.codes[slot], period: periods.periods[p],
                        value: Self.yuan(figures.recoveredFen[slot][p]),
                        provinceValue: Self.yuan(figures.recoveredFen[regions.provinceSlot][p])))
            }
        }
        let current = RollingPeriods.current
        let notes = (0..<regions.count).compactMap { slot -> String? in
            let confirmed = figures.confirmed[slot][current]
            let recovered = figures.recoveredFen[slot][current]
            guard slot == regions.provinceSlot || confirmed > 0 || recovered != 0 else { return nil }
            return
                "\(regions.names[slot])近 12 个月（\(periods.periods[current])）核查确认违规 \(confirmed) 条（其中欺诈骗保 \(figures.fraud[slot][current]) 条），确认金额 \(Money(fen: figures.confirmedFen[slot][current]).yuanString) 元，追回 \(Money(fen: recovered).yuanString) 元"
        }
        return RuleOutput(indicatorValues: values, notes: notes)
    }

    /// Fen as yuan with four decimals (exact: a fen is 100 ten-thousandths of a yuan).
    static func yuan(_ fen: Int64) -> Decimal4 { Decimal4(tenThousandths: fen * 100) }
}
