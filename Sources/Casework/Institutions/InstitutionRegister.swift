import FundModel
import FundStore

/// An agreement due to end soon, with its institution.
public struct ExpiringAgreement: Sendable, Hashable {
    public var agreement: Agreement
    public var institution: Institution?
    /// Days from the list's day to the end date (0 = ends today).
    public var daysLeft: Int
}

/// Contracted institutions and their service agreements (协议机构与服务协议).
///
/// Writes the same `institutions` and `agreements` tables the imports fill
/// and rule R09 reads, so a suspension here is what screening sees; every
/// change has its history row.
public struct InstitutionRegister: Sendable {
    let store: any CaseworkStore
    let today: @Sendable () -> Day

    public init(store: any CaseworkStore, today: @escaping @Sendable () -> Day = { Today.day() }) {
        self.store = store
        self.today = today
    }

    /// Registers a new institution.
    @discardableResult
    public func register(_ institution: Institution, act: CaseworkAct) throws -> Institution {
        try ActCheck.validate(act, notBefore: nil, today: today())
        var institution = institution
        institution.institutionID = institution.institutionID.trimmingBlanks
        institution.name = institution.name.trimmingBlanks
        guard !institution.institutionID.isEmpty else { throw CaseworkError.invalid("须填写机构编号") }
        guard !institution.name.isEmpty else { throw CaseworkError.invalid("须填写机构名称") }
        try store.apply(
            CaseworkChangeSet(
                changes: [.institution(institution, isNew: true)],
                events: [
                    CaseworkEvent(
                        subject: .institution, subjectID: institution.institutionID, action: "register",
                        chineseAction: "登记协议机构", fromState: nil, toState: nil, act: act,
                        detail: "\(institution.name)（\(institution.kind.chineseName)，\(institution.regionCode.raw)）")
                ]))
        return institution
    }

    /// Signs an agreement (active from its start date).
    @discardableResult
    public func sign(_ agreement: Agreement, act: CaseworkAct) throws -> Agreement {
        try ActCheck.validate(act, notBefore: nil, today: today())
        var agreement = agreement
        agreement.agreementID = agreement.agreementID.trimmingBlanks
        agreement.status = .active
        guard !agreement.agreementID.isEmpty else { throw CaseworkError.invalid("须填写协议编号") }
        guard try institution(agreement.institutionID) != nil else {
            throw CaseworkError.notFound("协议机构 \(agreement.institutionID) 未登记")
        }
        guard !agreement.services.isEmpty else { throw CaseworkError.invalid("须写明协议服务类别（医疗、康复、辅助器具配置）") }
        guard agreement.startDate <= agreement.endDate else {
            throw CaseworkError.invalid("协议到期日 \(agreement.endDate.iso) 早于生效日 \(agreement.startDate.iso)")
        }
        let overlapping = try agreements(institutionID: agreement.institutionID).first { other in
            other.status != .terminated && other.startDate <= agreement.endDate && agreement.startDate <= other.endDate
                && !Set(other.services).isDisjoint(with: agreement.services)
        }
        if let overlapping {
            throw CaseworkError.refused(
                "机构 \(agreement.institutionID) 已有同类服务协议 \(overlapping.agreementID)（\(overlapping.startDate.iso) 至 \(overlapping.endDate.iso)）覆盖该期间，请续签或先解除原协议"
            )
        }
        let services = agreement.services.map(\.chineseName).joined(separator: "、")
        try store.apply(
            CaseworkChangeSet(
                changes: [.agreement(agreement, previousStatus: nil)],
                events: [
                    CaseworkEvent(
                        subject: .agreement, subjectID: agreement.agreementID, action: "sign", chineseAction: "签订协议",
                        fromState: nil, toState: agreement.status.rawValue, act: act,
                        detail:
                            "\(agreement.institutionID)：\(services)，\(agreement.startDate.iso) 至 \(agreement.endDate.iso)"
                    )
                ]))
        return agreement
    }

    /// Suspends, reinstates, terminates or renews an agreement.
    @discardableResult
    public func apply(_ action: AgreementAction, agreementID: String, act: CaseworkAct) throws -> Agreement {
        try ActCheck.validate(act, notBefore: nil, today: today())
        guard let agreement = try agreements().first(where: { $0.agreementID == agreementID }) else {
            throw CaseworkError.notFound("服务协议 \(agreementID) 不存在")
        }
        let (next, event) = try AgreementMachine.apply(action, to: agreement, act: act)
        try store.apply(
            CaseworkChangeSet(changes: [.agreement(next, previousStatus: agreement.status)], events: [event]))
        return next
    }

    // MARK: Reading

    public func institutions(scope: RegionCode? = nil) throws -> [Institution] {
        try store.institutions().filter { institution in scope.map { $0.contains(institution.regionCode) } ?? true }
    }

    public func institution(_ id: String) throws -> Institution? {
        try store.institutions().first { $0.institutionID == id }
    }

    /// The agreements of an institution, or all; by id.
    public func agreements(institutionID: String? = nil) throws -> [Agreement] {
        try store.agreements().filter { agreement in institutionID.map { agreement.institutionID == $0 } ?? true }
    }

    /// Active agreements of `scope`'s institutions that end from `asOf` to `asOf + withinDays`, the soonest first.
    public func expiring(scope: RegionCode? = nil, asOf: Day, withinDays: Int) throws -> [ExpiringAgreement] {
        let institutions = Dictionary(
            try store.institutions().map { ($0.institutionID, $0) }, uniquingKeysWith: { a, _ in a })
        let horizon = asOf.adding(days: withinDays)
        return try agreements().compactMap { agreement -> ExpiringAgreement? in
            let institution = institutions[agreement.institutionID]
            if let scope {
                guard let institution, scope.contains(institution.regionCode) else { return nil }
            }
            guard agreement.status == .active, asOf <= agreement.endDate, agreement.endDate <= horizon else {
                return nil
            }
            return ExpiringAgreement(
                agreement: agreement, institution: institution, daysLeft: asOf.distance(to: agreement.endDate))
        }.sorted { ($0.agreement.endDate, $0.agreement.agreementID) < ($1.agreement.endDate, $1.agreement.agreementID) }
    }

    public func history(agreementID: String) throws -> [CaseworkHistoryEntry] {
        try store.history(.agreement, id: agreementID)
    }

    public func history(institutionID: String) throws -> [CaseworkHistoryEntry] {
        try store.history(.institution, id: institutionID)
    }
}
