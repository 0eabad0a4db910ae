import FundModel
import FundStore

/// The maintained risk inventory (风险点清单): add, edit, retire, with history; seeded with
/// `DefaultRiskInventory`.
public struct RiskInventory: Sendable {
    let store: any CaseworkStore
    let today: @Sendable () -> Day

    public init(store: any CaseworkStore, today: @escaping @Sendable () -> Day = { Today.day() }) {
        self.store = store
        self.today = today
    }

    /// Every point, active and retired, by id.
    public func points() throws -> [RiskPoint] { try store.documents(RiskPoint.self) }

    public func activePoints() throws -> [RiskPoint] { try store.documents(RiskPoint.self, where: ["active": "1"]) }

    public func point(_ id: String) throws -> RiskPoint? { try store.document(RiskPoint.self, id: id) }

    /// Loads the default inventory into an empty one; refused once the inventory has points (a province's edits
    /// are never overwritten).
    @discardableResult
    public func seedDefaults(act: CaseworkAct) throws -> Int {
        try ActCheck.validate(act, notBefore: nil, today: today())
        guard try points().isEmpty else { throw CaseworkError.refused("风险点清单已有内容，不能覆盖；请逐项修改") }
        var changes = CaseworkChangeSet()
        for point in DefaultRiskInventory.points {
            changes.write(point)
            changes.record(event(point, "add", "新增风险点（默认清单）", from: nil, act, point.risk))
        }
        try store.apply(changes)
        return DefaultRiskInventory.points.count
    }

    /// Adds a point.
    @discardableResult
    public func add(_ point: RiskPoint, act: CaseworkAct) throws -> RiskPoint {
        try ActCheck.validate(act, notBefore: nil, today: today())
        let point = try validated(point)
        var new = point
        new.version = 1
        new.active = true
        try store.apply(
            CaseworkChangeSet(changes: [.document(new)], events: [event(new, "add", "新增风险点", from: nil, act, new.risk)])
        )
        return new
    }

    /// Replaces a point's step, risk, rules, controls and owner (reason required).
    @discardableResult
    public func update(_ point: RiskPoint, act: CaseworkAct) throws -> RiskPoint {
        try ActCheck.validate(act, notBefore: nil, today: today())
        let reason = try ActCheck.reason(act, for: "修改风险点")
        let current = try store.require(RiskPoint.self, id: point.riskPointID)
        var next = try validated(point)
        next.version = current.version + 1
        next.active = current.active
        try store.apply(
            CaseworkChangeSet(
                changes: [.document(next)], events: [event(next, "update", "修改风险点", from: current.active, act, reason)])
        )
        return next
    }

    /// Retires a point (reason required); it stays on record.
    @discardableResult
    public func retire(_ id: String, act: CaseworkAct) throws -> RiskPoint {
        try ActCheck.validate(act, notBefore: nil, today: today())
        let reason = try ActCheck.reason(act, for: "停用风险点")
        var point = try store.require(RiskPoint.self, id: id)
        guard point.active else { throw CaseworkError.refused("风险点 \(id) 已停用") }
        point.active = false
        point.version += 1
        try store.apply(
            CaseworkChangeSet(
                changes: [.document(point)], events: [event(point, "retire", "停用风险点", from: true, act, reason)]))
        return point
    }

    public func history(_ id: String) throws -> [CaseworkHistoryEntry] { try store.history(.riskPoint, id: id) }

    /// Rule or indicator id → the active points it watches: the view "beside the rules".
    public func pointsByRule() throws -> [String: [RiskPoint]] {
        var map: [String: [RiskPoint]] = [:]
        for point in try activePoints() {
            for rule in point.rules { map[rule, default: []].append(point) }
        }
        return map
    }

    /// The inventory as CSV (Chinese headers).
    public static func csv(_ points: [RiskPoint]) -> String {
        var csv = CSVWriter(header: ["编号", "环节", "风险点", "监控规则", "防控措施", "责任部门", "状态"], formulaSafe: true)
        for point in points {
            csv.append(row: [
                point.riskPointID, point.step.chineseName, point.risk, point.rules.joined(separator: ";"),
                point.controls, point.owner, point.active ? "在用" : "停用",
            ])
        }
        return csv.text
    }

    func validated(_ point: RiskPoint) throws -> RiskPoint {
        var point = point
        point.riskPointID = point.riskPointID.trimmingBlanks
        point.risk = point.risk.trimmingBlanks
        point.controls = point.controls.trimmingBlanks
        point.owner = point.owner.trimmingBlanks
        point.rules = point.rules.map { $0.uppercased() }.cleaned
        guard !point.riskPointID.isEmpty else { throw CaseworkError.invalid("须填写风险点编号") }
        guard !point.risk.isEmpty else { throw CaseworkError.invalid("须描述风险") }
        guard !point.owner.isEmpty else { throw CaseworkError.invalid("须指定责任部门") }
        guard !point.rules.isEmpty || !point.controls.isEmpty else {
            throw CaseworkError.invalid("须写明监控规则或防控措施")
        }
        return point
    }

    func event(
        _ point: RiskPoint, _ action: String, _ chinese: String, from: Bool?, _ act: CaseworkAct, _ detail: String
    )
        -> CaseworkEvent
    {
        CaseworkEvent(
            subject: .riskPoint, subjectID: point.riskPointID, action: action, chineseAction: chinese,
            fromState: from.map { $0 ? "active" : "retired" }, toState: point.active ? "active" : "retired", act: act,
            detail: detail)
    }
}
