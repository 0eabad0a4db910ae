import FundModel

/// R04 ⚡ 高频支出: N or more payments of one item for one worker within any D days.
///
/// One finding per worker and item (id `R04-worker-W-ITEM`), on the worst
/// window: the one with the most payments (the earliest of equals). Payments
/// are counted by service date (rules.md §5); "within D days" is D calendar
/// days, both ends included (a window from 1 to 30 March is 30 days).
/// Reversals are not counted. The thresholds are those of the region of the
/// worker's latest payment of the item.
///
/// The real-time check adds the new payment to the worker's series and looks
/// at the worst window that contains it — the same code as the batch run.
public struct R04HighFrequency: RealTimeRule {
    /// The rule's one entry in the catalogue: `RuleCatalog.all` is derived from the rules' specs.
    public static let spec = RuleSpec(
        id: "R04", name: "高频支出", subject: .worker, isRealTime: true, tables: [.payments],
        fields: [
            .graded([.yellow, .orange, .red], .number, "multiples of the item's count N"),
            .params([
                FieldSpec(
                    "windows",
                    .itemMap(.record([FieldSpec("count", .count), FieldSpec("days", .days)])),
                    "N payments within D days, per item")
            ]),
        ], levelOrder: .ascending)

    public init() {}

    struct Window: Sendable {
        var count: Int
        var days: Int
    }

    struct Parameters: Sendable {
        var windows: ItemTable<Window>
        /// (severity, payments needed), most severe first.
        var levels: [(severity: Severity, multiple: Decimal4)]
    }

    func parameters(_ settings: RuleSettings, in snapshot: Snapshot) -> Parameters {
        var windows: [String: Window] = [:]
        for (code, value) in settings.itemMap("params", "windows") {
            guard case .integer(let count)? = value["count"], case .integer(let days)? = value["days"] else { continue }
            windows[code] = Window(count: count, days: days)
        }
        return Parameters(
            windows: ItemTable(windows, in: snapshot), levels: settings.gradedLevels.map { ($0.severity, $0.figure) })
    }

    /// One payment of a series: its service date and row (-1 for the real-time candidate).
    struct Entry: Sendable {
        var date: Int32
        var row: Int32
    }

    public func run(_ context: RuleContext) -> RuleOutput {
        let snapshot = context.snapshot
        let table = context.regionTable { parameters($0, in: snapshot) }
        let columns = snapshot.payments
        let index = snapshot.paymentsByWorker
        // Items some region watches: the others are skipped without collecting.
        var watched = [Bool](repeating: false, count: snapshot.itemCodes.count)
        for parameters in table.values {
            for item in watched.indices where parameters.windows.byIDValue(Int32(item)) != nil { watched[item] = true }
        }
        var series = [[Entry]](repeating: [], count: snapshot.itemCodes.count)
        var touched: [Int32] = []
        var findings: [Finding] = []
        for worker in 0..<Int32(index.keyCount) {
            for row in index.rows(for: worker) {
                let item = columns.item[Int(row)]
                guard watched[Int(item)], columns.amount[Int(row)] >= 0 else { continue }
                if series[Int(item)].isEmpty { touched.append(item) }
                series[Int(item)].append(Entry(date: columns.serviceDate[Int(row)], row: row))
            }
            for item in touched {
                if let finding = evaluate(series[Int(item)], candidate: nil, table: table, context: context) {
                    findings.append(finding)
                }
                series[Int(item)].removeAll(keepingCapacity: true)
            }
            touched.removeAll(keepingCapacity: true)
        }
        return RuleOutput(findings: findings)
    }

    public func check(_ payment: PaymentFacts, in context: RuleContext) -> [Finding] {
        guard !payment.isReversal else { return [] }
        let snapshot = context.snapshot
        let columns = snapshot.payments
        var entries: [Entry] = []
        var position = 0
        for row in snapshot.paymentsByWorker.rows(for: payment.worker) {
            guard columns.item[Int(row)] == payment.item, payment.item >= 0, columns.amount[Int(row)] >= 0 else {
                continue
            }
            let date = columns.serviceDate[Int(row)]
            if date <= payment.serviceDate.ordinal { position += 1 }
            entries.append(Entry(date: date, row: row))
        }
        // The candidate comes after the payments of the same day (it is the newest row).
        entries.insert(Entry(date: payment.serviceDate.ordinal, row: -1), at: position)
        let settings = context.settings(regionID: regionOfLast(entries, context: context, candidate: payment))
        let table = RegionTableOfOne(parameters(settings, in: snapshot))
        return evaluate(entries, candidate: position, table: table, context: context).map { [$0] } ?? []
    }

    // MARK: Shared by the batch run and the real-time check

    /// The finding of one worker's series of one item (sorted by service date), or `nil`.
    ///
    /// - Parameter candidate: the position of the real-time payment, whose window must contain it.
    func evaluate(
        _ entries: [Entry], candidate: Int?, table: some ParameterLookup<Parameters>, context: RuleContext
    ) -> Finding? {
        guard let last = entries.last else { return nil }
        let columns = context.snapshot.payments
        let region = last.row >= 0 ? columns.region[Int(last.row)] : -1
        let parameters = table[region]
        let sample = facts(last, context: context)
        guard let window = parameters.windows.value(for: sample, in: context) else { return nil }
        let (start, end) = Self.worstWindow(entries, days: window.days, containing: candidate)
        let count = end - start + 1
        guard count >= window.count,
            let level = parameters.levels.first(where: { count >= Self.needed(window.count, $0.multiple) })
        else { return nil }
        var amount = Money.zero
        var evidence: [String] = []
        for entry in entries[start...end] {
            let record = entry.row >= 0 ? context.snapshot.paymentRecord(entry.row) : context.candidate!
            amount += record.amount
            evidence.append(record.paymentID)
        }
        let workerRecord = context.record(sample)
        let code = context.itemCode(sample)
        let first = Day(ordinal: entries[start].date)
        let lastDay = Day(ordinal: entries[end].date)
        return Finding(
            ruleID: spec.id, severity: level.severity, regionCode: workerRecord.regionCode, subjectType: .worker,
            subjectID: workerRecord.workerID.raw, amount: amount,
            detail:
                "职工在 \(first)–\(lastDay) 的 \(window.days) 天内有 \(count) 笔\(context.itemLabel(code))支付（阈值：\(window.days) 天内 \(window.count) 笔；\(level.severity.chineseName)），请核查是否重复或虚构就诊",
            evidence: evidence,
            findingID: Finding.stableID(ruleID: spec.id, subjectType: .worker, subjectID: workerRecord.workerID.raw)
                + "-" + code)
    }

    /// The window of at most `days` calendar days with the most payments (the earliest of equals),
    /// among those containing position `containing` if given: positions `start...end` of the series.
    static func worstWindow(_ entries: [Entry], days: Int, containing: Int?) -> (start: Int, end: Int) {
        var best = (start: 0, end: -1)
        var i = 0
        for j in entries.indices {
            while Int(entries[j].date) - Int(entries[i].date) >= days { i += 1 }
            if let c = containing, !(i <= c && c <= j) { continue }
            if j - i > best.end - best.start { best = (i, j) }
        }
        return best
    }

    /// ⌈N × multiple⌉: the payments a level needs.
    static func needed(_ count: Int, _ multiple: Decimal4) -> Int {
        let scaled = Int64(count) * multiple.tenThousandths
        return Int((scaled + 9_999) / 10_000)
    }

    private func facts(_ entry: Entry, context: RuleContext) -> PaymentFacts {
        entry.row >= 0 ? context.snapshot.payments.facts(entry.row) : context.snapshot.facts(for: context.candidate!)
    }

    private func regionOfLast(_ entries: [Entry], context: RuleContext, candidate: PaymentFacts) -> Int32 {
        guard let last = entries.last else { return candidate.region }
        return last.row >= 0 ? context.snapshot.payments.region[Int(last.row)] : candidate.region
    }
}

/// A region's parameters by region id: the whole run's table, or the one region of a real-time check.
protocol ParameterLookup<Value> {
    associatedtype Value
    subscript(regionID: Int32) -> Value { get }
}

extension RegionTable: ParameterLookup {}

/// The parameters of the single region a real-time check needs.
struct RegionTableOfOne<Value>: ParameterLookup {
    let value: Value
    init(_ value: Value) { self.value = value }
    subscript(regionID: Int32) -> Value { value }
}
