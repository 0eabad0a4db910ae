import FundModel
import FundRules

/// The determination procedure as a state machine: which step is allowed in which state, and what it changes.
///
/// Pure: `apply` returns the new file and its history row, or throws a
/// `CaseworkError` naming the article that forbids the step; the file passed
/// in is never changed. The register stores the result.
public enum DeterminationMachine {
    /// Opens a file for a new application (申请登记).
    public static func open(
        _ application: DeterminationApplication, act: CaseworkAct, today: Day, calendar: WorkingCalendar = .national
    ) throws -> (DeterminationFile, CaseworkEvent) {
        try ActCheck.validate(act, notBefore: nil, today: today)
        let caseID = application.caseID.trimmingBlanks
        guard !caseID.isEmpty else { throw CaseworkError.invalid("须填写案件编号") }
        guard act.day >= application.accidentDate else {
            throw CaseworkError.invalid(
                "申请日期 \(act.day.iso) 早于事故（诊断）日期 \(application.accidentDate.iso)")
        }
        var seen = Set<DeterminationMaterial>()
        let receipts = application.materials.filter { seen.insert($0).inserted }.map {
            MaterialReceipt(material: $0, received: act.day)
        }
        let file = DeterminationFile(
            caseID: caseID, workerID: application.workerID, employerID: application.employerID,
            regionCode: application.regionCode, kind: application.kind, accidentDate: application.accidentDate,
            fatal: application.fatal, applicant: application.applicant, appliedDate: act.day,
            description: application.description, materials: receipts)
        var detail = "\(application.applicant.chineseName)申请，\(application.kind.chineseName)"
        if application.fatal { detail += "，工亡" }
        let due = file.applicationDue(calendar: calendar)
        if act.day > due {
            detail += "；超过条例第十七条申请时限（\(due.iso)）"
        }
        let event = CaseworkEvent(
            subject: .determination, subjectID: caseID, action: "open", chineseAction: "申请登记", fromState: nil,
            toState: file.state.rawValue, act: act, detail: detail)
        return (file, event)
    }

    /// Applies one step to the file.
    public static func apply(
        _ action: DeterminationAction, to file: DeterminationFile, act: CaseworkAct, today: Day,
        calendar: WorkingCalendar = .national
    )
        throws -> (DeterminationFile, CaseworkEvent)
    {
        try ActCheck.validate(act, notBefore: file.latestDay, today: today)
        var next = file
        var detail = ""
        let state = file.state
        if state.isClosed {
            throw CaseworkError.refused("案件已\(state.chineseName)，不能再\(action.chineseName)")
        }

        switch action {
        case .receiveMaterials(let materials):
            guard state == .applied || state == .incomplete else {
                throw CaseworkError.refused("当前状态为“\(state.chineseName)”，材料已齐全，无需再接收材料")
            }
            let missing = Set(file.missingMaterials)
            let new = DeterminationMaterial.allCases.filter { materials.contains($0) && missing.contains($0) }
            guard !new.isEmpty else { throw CaseworkError.invalid("所交材料均已收到，无新增材料") }
            next.materials += new.map { MaterialReceipt(material: $0, received: act.day) }
            detail = "收到：" + new.map(\.chineseName).joined(separator: "、")
            if state == .incomplete && next.missingMaterials.isEmpty {
                next.state = .supplemented
                next.supplementsCompleted = act.day
                detail +=
                    "；材料已补齐，应于 \(DeterminationClock.acceptanceDue(supplementsCompleted: act.day, calendar: calendar, region: file.regionCode).iso) 前决定是否受理（认定办法第八条）"
            }

        case .notifyIncomplete:
            if let notice = file.notice {
                throw CaseworkError.refused(
                    "条例第十八条：补正材料应一次性书面告知，本案已于 \(notice.day.iso) 告知，不能再次告知")
            }
            guard state == .applied else {
                throw CaseworkError.refused("当前状态为“\(state.chineseName)”，不能告知补正材料")
            }
            let missing = file.missingMaterials
            guard !missing.isEmpty else {
                throw CaseworkError.refused("条例第十八条：申请材料齐全，应当受理，无需告知补正")
            }
            next.notice = MaterialNotice(day: act.day, missing: missing, actor: act.actor)
            next.state = .incomplete
            detail = "一次性告知需补正：" + missing.map(\.chineseName).joined(separator: "、")

        case .accept(let clearCase):
            guard state == .applied || state == .supplemented || state == .incomplete else {
                throw CaseworkError.refused("当前状态为“\(state.chineseName)”，不能受理")
            }
            let missing = file.missingMaterials
            guard missing.isEmpty else {
                throw CaseworkError.refused(
                    "条例第十八条：申请材料不完整（缺\(missing.map(\.chineseName).joined(separator: "、"))），"
                        + "应一次性书面告知补正，补正齐全后方可受理")
            }
            next.state = .accepted
            next.acceptedDate = act.day
            next.clearCase = clearCase
            let due = DeterminationClock.decisionDue(
                accepted: act.day, clearCase: clearCase, calendar: calendar, region: file.regionCode)
            detail =
                clearCase
                ? "事实清楚、权利义务明确，应于 \(due.iso) 前作出认定决定（条例第二十条第二款）"
                : "应于 \(due.iso) 前作出认定决定（条例第二十条）"

        case .refuseAcceptance:
            guard state == .applied || state == .incomplete || state == .supplemented else {
                throw CaseworkError.refused("当前状态为“\(state.chineseName)”，不能作出不予受理决定")
            }
            let reason = try ActCheck.reason(act, for: "不予受理")
            next.state = .notAccepted
            next.notAcceptedReason = reason
            detail = "不予受理：\(reason)"

        case .startInvestigation:
            guard state == .accepted else {
                throw CaseworkError.refused(
                    state == .investigating
                        ? "已在调查核实中" : "条例第十九条：受理后方可调查核实（当前状态：\(state.chineseName)）")
            }
            next.state = .investigating
            detail = "启动调查核实"

        case .recordInvestigation(let record):
            guard state == .accepted || state == .investigating else {
                throw CaseworkError.refused("条例第十九条：受理后、作出决定前方可记录调查核实（当前状态：\(state.chineseName)）")
            }
            let investigators = record.investigators.cleaned
            let summary = record.summary.trimmingBlanks
            guard !investigators.isEmpty else { throw CaseworkError.invalid("调查核实记录须注明调查人员") }
            guard !summary.isEmpty else { throw CaseworkError.invalid("调查核实记录须写明调查情况") }
            next.investigations.append(
                InvestigationRecord(day: act.day, investigators: investigators, summary: summary))
            next.state = .investigating
            detail = "调查人员：\(investigators.joined(separator: "、"))；\(summary)"

        case .suspend(let awaiting):
            guard state == .accepted || state == .investigating else {
                throw CaseworkError.refused(
                    "条例第二十条第三款：受理后、作出决定前方可中止（当前状态：\(state.chineseName)）")
            }
            let awaited = awaiting.trimmingBlanks
            guard !awaited.isEmpty else { throw CaseworkError.invalid("中止须写明等待的司法机关或有关行政主管部门的结论") }
            next.suspensions.append(SuspensionPeriod(from: act.day, until: nil, awaiting: awaited, resumeTo: state))
            next.state = .suspended
            detail = "等待：\(awaited)；认定时限中止（条例第二十条第三款）"

        case .resume:
            guard state == .suspended, var period = file.suspensions.last, period.until == nil else {
                throw CaseworkError.refused("案件未中止，无需恢复")
            }
            period.until = act.day
            next.suspensions[next.suspensions.count - 1] = period
            next.state = period.resumeTo
            let due = next.decisionDue(asOf: act.day, calendar: calendar)!
            detail = "中止 \(period.days(asOf: act.day)) 日后恢复，认定期限顺延至 \(due.iso)"

        case .decide(let outcome, let basis, let parts):
            switch state {
            case .applied, .incomplete, .supplemented:
                throw CaseworkError.refused(
                    "条例第二十条、认定办法第十八条：工伤认定申请尚未受理（当前状态：\(state.chineseName)），不能作出认定决定")
            case .suspended:
                throw CaseworkError.refused("条例第二十条第三款：认定时限中止期间不能作出认定决定，请先恢复认定")
            case .decided:
                throw CaseworkError.refused("本案已作出认定决定，不能重复认定")
            case .accepted, .investigating:
                break
            case .notAccepted, .delivered:
                throw CaseworkError.refused("案件已\(state.chineseName)，不能作出认定决定")
            }
            if file.fatal && file.investigations.isEmpty {
                throw CaseworkError.refused(
                    "工亡案件须经调查核实（条例第十九条；人社厅函〔2022〕85号第二项“加强对拟认定工亡案件的调查核实”），"
                        + "尚无调查核实记录，不能作出认定决定")
            }
            try validate(basis, for: outcome)
            let injuredParts = parts.cleaned
            if outcome != .rejected && !file.fatal && injuredParts.isEmpty {
                throw CaseworkError.invalid("认定工伤（视同工伤）决定须写明受伤部位，劳动能力鉴定以此为据")
            }
            next.decision = DeterminationDecision(
                outcome: outcome, basis: basis, day: act.day, injuredParts: injuredParts)
            next.state = .decided
            detail = "\(outcome.chineseName)，依据\(basis.chineseName)"
            if !injuredParts.isEmpty { detail += "；受伤部位：\(injuredParts.joined(separator: "、"))" }
            if let due = file.decisionDue(asOf: act.day, calendar: calendar), act.day > due {
                detail += "；超过认定期限 \(due.iso)"
            }

        case .deliver:
            guard state == .decided else {
                throw CaseworkError.refused("认定办法第二十二条：作出认定决定后方可送达（当前状态：\(state.chineseName)）")
            }
            next.deliveredDate = act.day
            next.state = .delivered
            let due = file.deliveryDue(calendar: calendar)!
            detail = act.day > due ? "送达，超过送达期限 \(due.iso)" : "送达"
        }

        next.version = file.version + 1
        let event = CaseworkEvent(
            subject: .determination, subjectID: file.caseID, action: action.code, chineseAction: action.chineseName,
            fromState: state.rawValue, toState: next.state.rawValue, act: act, detail: detail)
        return (next, event)
    }

    /// 条例 14–16: recognized rests on 14 (1)–(7), deemed on 15 (1)–(3), rejected on 16 (1)–(3), or on 14 or 15 as a
    /// whole (the facts meet none of their circumstances).
    static func validate(_ basis: StatuteBasis, for outcome: DeterminationOutcome) throws {
        switch outcome {
        case .recognized:
            guard basis.article == 14, let item = basis.item, (1...7).contains(item) else {
                throw CaseworkError.invalid("认定工伤须依据条例第十四条第（一）至（七）项之一，不能依据 \(basis.code)")
            }
        case .deemed:
            guard basis.article == 15, let item = basis.item, (1...3).contains(item) else {
                throw CaseworkError.invalid("视同工伤须依据条例第十五条第（一）至（三）项之一，不能依据 \(basis.code)")
            }
        case .rejected:
            let exclusion = basis.article == 16 && basis.item.map { (1...3).contains($0) } == true
            let noneMet = (basis.article == 14 || basis.article == 15) && basis.item == nil
            guard exclusion || noneMet else {
                throw CaseworkError.invalid(
                    "不予认定须依据条例第十六条第（一）至（三）项，或第十四条、第十五条（不符合其规定的情形），不能依据 \(basis.code)")
            }
        }
    }
}
