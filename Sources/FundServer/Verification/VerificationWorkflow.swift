import FundModel
import FundStore

/// The verification of a finding (rules.md §4) as a state machine:
///
///     new ─assign→ assigned ─start→ verifying ─clear→ cleared ─close→ closed
///                                            ├─irregular→ irregular ─recover*→ ─close (all recovered)→ closed
///                                            └─fraud→ fraud ─recover*→ ─close (all recovered)→ closed
///
/// plus reassignment (`assign` while assigned or verifying) and notes at any
/// point. Pure: the server reads the finding, asks here what the step does,
/// and the store applies it only if the finding has not moved meanwhile.
enum VerificationWorkflow {
    /// A step a person asks for.
    struct Request {
        var action: VerificationAction
        /// `assign`: the person to verify.
        var assignee: UserAccount?
        /// `irregular`, `fraud`: the amount to recover; `recover`: the amount recovered.
        var amount: Money?
        /// `fraud`: the fine decided.
        var fine: Money?
        /// `fraud`: the referral to public security (its file number).
        var referral: String?
        var reason: String
    }

    /// Why a step is refused, by form field (`action`, `assignee`, `amount`, `fine`, `referral`, `reason`).
    struct Refusal: Error {
        var fields: [String: String]
        /// 403 rather than 422: the person may not do this at all.
        var forbidden = false
        var message: String { fields.sorted { $0.key < $1.key }.map(\.value).joined(separator: "；") }
    }

    /// 条例 60: a fine of two to five times the amount obtained by fraud.
    static let fineMultiples: ClosedRange<Int64> = 2...5
    static let maxReasonLength = 2000

    /// The actions the person may take now, in the order the page offers them.
    static func actions(for state: VerificationCase, principal: Principal) -> [VerificationAction] {
        guard principal.role.mayVerify else { return [] }
        let ownsOrOversees = state.assigneeID == principal.user.id || principal.role.mayAssignOthers
        var actions: [VerificationAction] = []
        switch state.status {
        case .new:
            actions = [.assign]
        case .assigned:
            actions = [.assign] + (ownsOrOversees ? [.start] : [])
        case .verifying:
            actions = [.assign] + (ownsOrOversees ? [.clear, .irregular, .fraud] : [])
        case .cleared:
            actions = ownsOrOversees ? [.close] : []
        case .irregular, .fraud:
            actions = ownsOrOversees ? (state.outstanding == .zero ? [.close] : [.recover]) : []
        case .closed:
            actions = []
        }
        return actions + [.note]
    }

    /// What the step does: the status it leads to and the finding's verification afterwards.
    static func apply(
        _ request: Request, to state: VerificationCase, finding: Finding, by principal: Principal
    ) throws(Refusal) -> (toStatus: FindingStatus, updated: VerificationCase) {
        guard principal.role.mayVerify else {
            throw Refusal(fields: ["action": "您的角色（\(principal.role.chineseName)）不能核查疑点"], forbidden: true)
        }
        var problems: [String: String] = [:]
        let reason = request.reason
        if reason.count > maxReasonLength { problems["reason"] = "说明不能超过 \(maxReasonLength) 字" }
        let needsReason: Set<VerificationAction> = [.clear, .irregular, .fraud, .recover, .close, .note]
        if needsReason.contains(request.action) && reason.isEmpty { problems["reason"] = "请填写理由或说明" }

        guard actions(for: state, principal: principal).contains(request.action) else {
            let ownsOrOversees = state.assigneeID == principal.user.id || principal.role.mayAssignOthers
            let message =
                !ownsOrOversees && [.start, .clear, .irregular, .fraud, .recover, .close].contains(request.action)
                ? "只有经办人（\(state.assigneeName ?? "未分派")）或省级人员可以执行“\(request.action.chineseName)”"
                : "疑点当前为“\(state.status.chineseName)”，不能执行“\(request.action.chineseName)”"
            throw Refusal(fields: ["action": message], forbidden: !ownsOrOversees)
        }

        var updated = state
        var toStatus = state.status
        switch request.action {
        case .assign:
            if let assignee = request.assignee {
                if !assignee.active || !assignee.role.mayVerify {
                    problems["assignee"] = "\(assignee.displayName) 不能核查疑点"
                } else if !Principal(user: assignee, credential: .session).canSee(finding.regionCode) {
                    problems["assignee"] = "\(assignee.displayName) 不属于该疑点的统筹地区"
                } else if !principal.role.mayAssignOthers && assignee.id != principal.user.id {
                    problems["assignee"] = "市级经办只能将疑点分派给自己"
                }
                updated.assigneeID = assignee.id
                updated.assigneeName = assignee.displayName
            } else {
                problems["assignee"] = "请选择核查人"
            }
            if state.status == .new { toStatus = .assigned }
        case .start:
            toStatus = .verifying
        case .clear:
            toStatus = .cleared
        case .irregular, .fraud:
            guard let amount = request.amount else {
                problems["amount"] = "请填写应追回金额（元）"
                throw Refusal(fields: problems)
            }
            if amount.fen <= 0 { problems["amount"] = "应追回金额须大于 0" }
            updated.amountToRecover = amount
            toStatus = request.action == .irregular ? .irregular : .fraud
            if request.action == .fraud {
                if let fine = request.fine {
                    let low = amount * fineMultiples.lowerBound
                    let high = amount * fineMultiples.upperBound
                    if fine < low || fine > high {
                        problems["fine"] =
                            "罚款须为骗取金额的 2 至 5 倍（\(Formatting.yuan(low)) 至 \(Formatting.yuan(high)) 元，《工伤保险条例》第六十条）"
                    }
                    updated.fine = fine
                } else {
                    problems["fine"] = "请填写罚款金额（骗取金额的 2 至 5 倍）"
                }
                if let referral = request.referral, !referral.isEmpty, referral.count <= 100 {
                    updated.referral = referral
                } else {
                    problems["referral"] = "请填写移送公安机关的文书编号（100 字以内）"
                }
            }
        case .recover:
            guard let amount = request.amount else {
                problems["amount"] = "请填写本次追回金额（元）"
                throw Refusal(fields: problems)
            }
            if amount.fen <= 0 {
                problems["amount"] = "追回金额须大于 0"
            } else if amount > state.outstanding {
                problems["amount"] = "追回金额不能超过尚未追回的 \(Formatting.yuan(state.outstanding)) 元"
            }
            updated.recovered = state.recovered + amount
        case .close:
            toStatus = .closed
        case .note:
            break
        }
        guard problems.isEmpty else { throw Refusal(fields: problems) }
        updated.status = toStatus
        return (toStatus, updated)
    }
}
