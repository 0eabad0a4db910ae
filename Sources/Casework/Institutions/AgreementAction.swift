import FundModel

/// A step of a service agreement (服务协议); who, when and why come as a `CaseworkAct`.
public enum AgreementAction: Sendable, Hashable {
    /// 暂停协议 (经办条例 43, 55: 暂停 6–12 个月), with the reason.
    case suspend
    /// 恢复协议 after a suspension, with the reason.
    case reinstate
    /// 解除（终止）协议, with the reason; final.
    case terminate
    /// 续签: the agreement runs to a later end date.
    case renew(until: Day)

    public var code: String {
        switch self {
        case .suspend: "suspend"
        case .reinstate: "reinstate"
        case .terminate: "terminate"
        case .renew: "renew"
        }
    }

    public var chineseName: String {
        switch self {
        case .suspend: "暂停协议"
        case .reinstate: "恢复协议"
        case .terminate: "解除协议"
        case .renew: "续签协议"
        }
    }
}

/// The life of a service agreement: active ⇄ suspended → terminated; renewal moves the end date. Pure.
public enum AgreementMachine {
    public static func apply(_ action: AgreementAction, to agreement: Agreement, act: CaseworkAct) throws
        -> (Agreement, CaseworkEvent)
    {
        var next = agreement
        var detail = ""
        let status = agreement.status
        if status == .terminated {
            throw CaseworkError.refused("协议 \(agreement.agreementID) 已解除，不能再\(action.chineseName)；如需合作应重新签订协议")
        }
        guard act.day >= agreement.startDate else {
            throw CaseworkError(
                .invalid, "办理日期 \(act.day.iso) 早于协议生效日期 \(agreement.startDate.iso)", actPart: .day)
        }
        switch action {
        case .suspend:
            guard status == .active else { throw CaseworkError.refused("协议 \(agreement.agreementID) 已暂停") }
            let reason = try ActCheck.reason(act, for: "暂停协议")
            next.status = .suspended
            detail = "暂停（经办条例第四十三条）：\(reason)"
        case .reinstate:
            guard status == .suspended else { throw CaseworkError.refused("协议 \(agreement.agreementID) 未暂停，无需恢复") }
            let reason = try ActCheck.reason(act, for: "恢复协议")
            next.status = .active
            detail = "恢复：\(reason)"
        case .terminate:
            let reason = try ActCheck.reason(act, for: "解除协议")
            next.status = .terminated
            detail = "解除（经办条例第四十三条、第五十五条）：\(reason)"
        case .renew(let until):
            guard until > agreement.endDate else {
                throw CaseworkError.invalid("续签后的到期日 \(until.iso) 须晚于原到期日 \(agreement.endDate.iso)")
            }
            next.endDate = until
            detail = "到期日由 \(agreement.endDate.iso) 延至 \(until.iso)"
            if let reason = act.givenReason { detail += "：\(reason)" }
        }
        let event = CaseworkEvent(
            subject: .agreement, subjectID: agreement.agreementID, action: action.code,
            chineseAction: action.chineseName, fromState: status.rawValue, toState: next.status.rawValue, act: act,
            detail: detail)
        return (next, event)
    }
}
