import FundModel
import FundRules

/// The assessment procedure as a state machine (条例 23–29; 劳动能力鉴定管理办法). Pure, like
/// `DeterminationMachine`: a refused step throws `CaseworkError` and changes nothing.
public enum AssessmentMachine {
    /// Opens a file for an application, checking that the case may be assessed and that a second or review
    /// assessment is applied for in its window.
    ///
    /// - Parameters:
    ///   - assessedCase: the determination the assessment rests on.
    ///   - caseFiles: the register's assessment files of the case.
    ///   - priorConclusions: every conclusion on the case (register and import), for second and review.
    public static func open(
        _ application: AssessmentApplication, assessedCase: AssessedCase, caseFiles: [AssessmentFile],
        priorConclusions: [PriorConclusion], act: CaseworkAct, today: Day, calendar: WorkingCalendar = .national
    ) throws -> (AssessmentFile, CaseworkEvent) {
        try ActCheck.validate(act, notBefore: nil, today: today)
        let id = application.assessmentID.trimmingBlanks
        guard !id.isEmpty else { throw CaseworkError.invalid("须填写鉴定编号") }

        switch assessedCase.outcome {
        case .recognized, .deemed: break
        case .rejected:
            throw CaseworkError.refused(
                "社会保险法第三十六条、条例第二十三条：案件 \(assessedCase.caseID) 不予认定工伤，不能申请劳动能力鉴定")
        case .pending, .suspended:
            throw CaseworkError.refused(
                "条例第二十三条：申请劳动能力鉴定须提交工伤认定决定，案件 \(assessedCase.caseID) 尚未认定为工伤或视同工伤")
        }
        if let decided = assessedCase.decidedDay, act.day < decided {
            throw CaseworkError.invalid("鉴定申请日期 \(act.day.iso) 早于工伤认定决定日期 \(decided.iso)")
        }
        if assessedCase.fatal {
            throw CaseworkError.refused("案件 \(assessedCase.caseID) 为工亡案件，不进行劳动能力鉴定")
        }
        if let open = caseFiles.first(where: { $0.state.isOpen }) {
            throw CaseworkError.refused("案件已有正在办理的鉴定 \(open.assessmentID)（\(open.kind.chineseName)），办结前不能再申请")
        }
        if application.applicant == .agency && application.kind != .review {
            throw CaseworkError.refused("条例第二十八条：经办机构只能申请复查鉴定")
        }
        let specialties = application.specialties.cleaned
        guard !specialties.isEmpty else { throw CaseworkError.invalid("须写明鉴定所需的专业（如 骨科），以便抽取专家") }

        var previousID: String?
        var regionCode = assessedCase.regionCode.city
        var detail = "\(application.kind.chineseName)，\(application.applicant.chineseName)申请"
        switch application.kind {
        case .initial:
            if let earlier = caseFiles.first(where: { $0.kind == .initial && $0.state != .terminated }) {
                throw CaseworkError.refused(
                    "案件已有初次鉴定 \(earlier.assessmentID)；对结论不服应申请再次鉴定（条例第二十六条），伤情变化应申请复查鉴定（条例第二十八条）")
            }
            if priorConclusions.contains(where: { $0.kind == .initial }) {
                throw CaseworkError.refused(
                    "案件已有初次鉴定结论；对结论不服应申请再次鉴定（条例第二十六条），伤情变化应申请复查鉴定（条例第二十八条）")
            }

        case .second:
            let previous = try prior(application.previousAssessmentID, in: priorConclusions, kind: "再次鉴定")
            guard previous.kind != .second else {
                throw CaseworkError.refused("条例第二十六条：省级劳动能力鉴定委员会作出的鉴定结论为最终结论，不能再次鉴定")
            }
            if let earlier = caseFiles.first(where: {
                $0.kind == .second && $0.previousAssessmentID == previous.assessmentID && $0.state != .terminated
            }) {
                throw CaseworkError.refused("对鉴定结论 \(previous.assessmentID) 已申请再次鉴定 \(earlier.assessmentID)")
            }
            guard let received = application.conclusionReceived ?? previous.delivered else {
                throw CaseworkError.invalid("鉴定结论 \(previous.assessmentID) 尚无送达记录，须写明申请人收到结论的日期")
            }
            guard received >= previous.concluded else {
                throw CaseworkError.invalid("收到结论的日期 \(received.iso) 早于结论作出日期 \(previous.concluded.iso)")
            }
            let due = AssessmentClock.secondAssessmentDue(
                received: received, calendar: calendar, region: assessedCase.regionCode)
            guard act.day <= due else {
                throw CaseworkError.refused(
                    "条例第二十六条：再次鉴定应自收到鉴定结论之日起\(AssessmentClock.secondAssessmentDays)日内申请（收到 \(received.iso)，期限至 \(due.iso)），\(act.day.iso) 申请已逾期"
                )
            }
            previousID = previous.assessmentID
            regionCode = assessedCase.regionCode.province
            detail += "，不服鉴定结论 \(previous.assessmentID)（收到 \(received.iso)），向省级鉴定委员会申请"

        case .review:
            let previous = try prior(application.previousAssessmentID, in: priorConclusions, kind: "复查鉴定")
            let earliest = AssessmentClock.earliestReview(concluded: previous.concluded)
            guard AssessmentClock.mayApplyForReview(concluded: previous.concluded, applied: act.day) else {
                throw CaseworkError.refused(
                    "条例第二十八条：自劳动能力鉴定结论作出之日起\(AssessmentClock.reviewAfterYears)年后方可申请复查鉴定（结论 \(previous.assessmentID) 作出于 \(previous.concluded.iso)，最早 \(earliest.iso)）"
                )
            }
            previousID = previous.assessmentID
            detail += "，复查鉴定结论 \(previous.assessmentID)"
        }

        var seen = Set<AssessmentMaterial>()
        let checklist = AssessmentMaterial.checklist(for: application.kind)
        let receipts = application.materials.filter { checklist.contains($0) && seen.insert($0).inserted }.map {
            MaterialReceipt(material: $0, received: act.day)
        }
        var file = AssessmentFile(
            assessmentID: id, caseID: assessedCase.caseID, workerID: assessedCase.workerID,
            employerID: assessedCase.employerID, regionCode: regionCode, kind: application.kind,
            previousAssessmentID: previousID, applicant: application.applicant, appliedDate: act.day,
            hospitalID: application.hospitalID?.trimmingBlanks.isEmpty == false ? application.hospitalID : nil,
            determinationParts: assessedCase.injuredParts, specialties: specialties, materials: receipts)
        if file.missingMaterials.isEmpty {
            file.state = .examining
            file.materialsCompleted = act.day
            detail += "；材料齐全，应于 \(file.conclusionDue(calendar: calendar)!.iso) 前作出鉴定结论"
        }
        let event = CaseworkEvent(
            subject: .assessment, subjectID: id, action: "open", chineseAction: "鉴定申请登记", fromState: nil,
            toState: file.state.rawValue, act: act, detail: detail)
        return (file, event)
    }

    /// The conclusion a second or review assessment refers to: the one named, or the latest.
    static func prior(_ id: String?, in conclusions: [PriorConclusion], kind: String) throws -> PriorConclusion {
        if let id {
            guard let named = conclusions.first(where: { $0.assessmentID == id }) else {
                throw CaseworkError.refused("\(kind)所指的鉴定 \(id) 不属于本案或尚未作出结论")
            }
            return named
        }
        guard let latest = conclusions.max(by: { ($0.concluded, $0.assessmentID) < ($1.concluded, $1.assessmentID) })
        else { throw CaseworkError.refused("本案尚无劳动能力鉴定结论，不能申请\(kind)") }
        return latest
    }

    /// Applies one step to the file.
    public static func apply(
        _ action: AssessmentAction, to file: AssessmentFile, act: CaseworkAct, today: Day,
        calendar: WorkingCalendar = .national
    ) throws
        -> (AssessmentFile, CaseworkEvent)
    {
        try ActCheck.validate(act, notBefore: file.latestDay, today: today)
        var next = file
        var detail = ""
        let state = file.state
        if state == .delivered || state == .terminated {
            throw CaseworkError.refused("鉴定已\(state.chineseName)，不能再\(action.chineseName)")
        }

        switch action {
        case .receiveMaterials(let materials):
            guard state == .received || state == .incomplete else {
                throw CaseworkError.refused("当前状态为“\(state.chineseName)”，材料已齐全，无需再接收材料")
            }
            let missing = file.missingMaterials
            let new = missing.filter { materials.contains($0) }
            guard !new.isEmpty else { throw CaseworkError.invalid("所交材料均已收到或不在本类鉴定的材料清单中") }
            next.materials += new.map { MaterialReceipt(material: $0, received: act.day) }
            detail = "收到：" + new.map(\.chineseName).joined(separator: "、")
            if next.missingMaterials.isEmpty {
                next.state = .examining
                next.materialsCompleted = act.day
                detail += "；材料齐全，应于 \(next.conclusionDue(calendar: calendar)!.iso) 前作出鉴定结论"
            }

        case .notifyIncomplete:
            if let notice = file.notice {
                throw CaseworkError.refused("补正材料应一次性告知，本鉴定已于 \(notice.day.iso) 告知，不能再次告知")
            }
            guard state == .received else {
                throw CaseworkError.refused("当前状态为“\(state.chineseName)”，不能告知补正材料")
            }
            let missing = file.missingMaterials
            next.notice = MaterialNotice(day: act.day, missing: missing, actor: act.actor)
            next.state = .incomplete
            detail = "一次性告知需补正：" + missing.map(\.chineseName).joined(separator: "、")

        case .extend:
            guard state.isOpen else { throw CaseworkError.refused("当前状态为“\(state.chineseName)”，不能延长鉴定期限") }
            if let granted = file.extensionGranted {
                throw CaseworkError.refused(
                    "条例第二十五条：鉴定期限只能延长一次且不超过\(AssessmentClock.extensionDays)日，已于 \(granted.day.iso) 延长")
            }
            let reason = try ActCheck.reason(act, for: "延长鉴定期限")
            next.extensionGranted = ClockExtension(day: act.day, reason: reason)
            detail = "延长\(AssessmentClock.extensionDays)日（条例第二十五条第二款）：\(reason)"
            if let due = next.conclusionDue(calendar: calendar) { detail += "；期限至 \(due.iso)" }

        case .postpone(let days):
            guard state == .examining else {
                throw CaseworkError.refused("当前状态为“\(state.chineseName)”，不能改期")
            }
            guard (1...365).contains(days) else { throw CaseworkError.invalid("改期天数须为 1 至 365 日") }
            let reason = try ActCheck.reason(act, for: "鉴定改期")
            next.postponements.append(Postponement(day: act.day, days: days, reason: reason))
            detail = "改期 \(days) 日，期限相应顺延至 \(next.conclusionDue(calendar: calendar)!.iso)：\(reason)"

        case .conclude(let grade, let nursing, let parts, let opinion):
            switch state {
            case .received, .incomplete:
                throw CaseworkError.refused("鉴定材料尚未齐全（当前状态：\(state.chineseName)），不能作出鉴定结论")
            case .concluded:
                throw CaseworkError.refused("本次鉴定已作出结论，不能重复作出")
            default: break
            }
            guard [3, 5].contains(file.panel.count), file.panelDrawID != nil else {
                throw CaseworkError.refused(
                    "条例第二十五条：鉴定结论须依据随机抽取的3名或5名专家组成的专家组的意见，本鉴定尚未抽取专家组")
            }
            if let grade, !(1...10).contains(grade) {
                throw CaseworkError.invalid("条例第二十二条：伤残等级为一级至十级，\(grade) 无效（未达级请不填等级）")
            }
            let injuredParts = parts.cleaned
            guard !injuredParts.isEmpty else { throw CaseworkError.invalid("鉴定结论须写明所鉴定的受伤部位") }
            if !file.determinationParts.isEmpty {
                let named = Set(file.determinationParts)
                if let stray = injuredParts.first(where: { !named.contains($0) }) {
                    throw CaseworkError.refused(
                        "鉴定结论所列受伤部位“\(stray)”不在工伤认定决定所认定的部位（\(file.determinationParts.joined(separator: "、"))）中")
                }
            }
            let conclusion = AssessmentConclusion(
                day: act.day, grade: grade, nursing: nursing, injuredParts: injuredParts,
                opinion: opinion.trimmingBlanks)
            next.conclusion = conclusion
            next.state = .concluded
            detail = "\(conclusion.chineseSummary)；部位：\(injuredParts.joined(separator: "、"))"
            if let due = file.conclusionDue(calendar: calendar), act.day > due {
                detail += "；超过鉴定期限 \(due.iso)"
            }
            if file.kind == .second { detail += "；省级鉴定结论为最终结论" }

        case .deliver:
            guard state == .concluded, let conclusion = file.conclusion else {
                throw CaseworkError.refused("作出鉴定结论后方可送达（当前状态：\(state.chineseName)）")
            }
            next.deliveredDate = act.day
            next.state = .delivered
            let due = AssessmentClock.deliveryDue(
                concluded: conclusion.day, calendar: calendar, region: file.regionCode)
            detail = act.day > due ? "送达，超过送达期限 \(due.iso)" : "送达"
            if file.kind != .second {
                detail +=
                    "；不服可于 \(AssessmentClock.secondAssessmentDue(received: act.day, calendar: calendar, region: file.regionCode).iso) 前申请再次鉴定"
            }

        case .terminate:
            guard state.isOpen else { throw CaseworkError.refused("当前状态为“\(state.chineseName)”，不能终止鉴定") }
            let reason = try ActCheck.reason(act, for: "终止鉴定")
            next.state = .terminated
            next.terminatedReason = reason
            detail = "终止：\(reason)"
        }

        next.version = file.version + 1
        let event = CaseworkEvent(
            subject: .assessment, subjectID: file.assessmentID, action: action.code, chineseAction: action.chineseName,
            fromState: state.rawValue, toState: next.state.rawValue, act: act, detail: detail)
        return (next, event)
    }
}
