import Casework
import FundModel

/// The determination register's operations from form fields (pages and API share them).
enum DeterminationSteps {
    /// The file, if it exists and the person may see its region (else 404: no leak).
    static func visible(_ id: String, _ service: CaseworkService) throws -> DeterminationFile {
        guard let file = try service.casework.determinations.file(id), service.principal.canSee(file.regionCode)
        else { throw AppError.notFound("工伤认定案件") }
        return file
    }

    /// Registers an application (`case_id`, `worker_id`, `region`, `accident_date`, …) or, with `from_import`,
    /// opens a file for an imported case.
    static func open(_ form: RequestForm, _ service: CaseworkService) throws -> DeterminationFile {
        let caseID = form["case_id"] ?? ""
        try service.require(
            service.principal.role.mayHandleCasework, "determination.open", targetType: "determination",
            targetID: caseID)
        return try service.perform("determination.open", targetType: "determination", targetID: caseID) {
            var fields = CaseworkFields(form)
            let act = service.act(&fields)
            _ = fields.text("case_id", "案件编号")
            let materials: [DeterminationMaterial] =
                form.fields["materials"] == nil
                ? DeterminationMaterial.allCases : fields.codes("materials", "申请材料")
            let file: DeterminationFile
            if fields.flag("from_import") {
                try fields.check()
                guard let imported = try service.environment.store.injuryCase(id: caseID),
                    service.principal.canSee(imported.regionCode)
                else { throw AppError.notFound("导入数据中的案件 \(caseID)") }
                file = try service.casework.determinations.openImported(
                    caseID: caseID, materials: materials, act: act)
            } else {
                let worker = fields.person("worker_id", "职工身份证号")
                let region = fields.region("region", "统筹地区")
                let accident = fields.day("accident_date", "事故（诊断）日期")
                let kind: CaseKind? = fields.code("kind", "案件类别", default: .injury)
                let applicant: Applicant? = fields.code("applicant", "申请人", default: .employer)
                try fields.check()
                guard let worker, let region, let accident, let kind, let applicant else {
                    throw AppError.invalid("输入有误")
                }
                guard service.principal.canSee(region) else {
                    throw AppError(.forbidden, code: "forbidden", message: "不能登记本辖区以外的案件")
                }
                file = try service.casework.determinations.open(
                    DeterminationApplication(
                        caseID: caseID, workerID: worker, employerID: fields.optional("employer_id"),
                        regionCode: region, kind: kind, accidentDate: accident, fatal: fields.flag("fatal"),
                        applicant: applicant, materials: materials, description: fields.optional("description") ?? ""),
                    act: act)
            }
            return (file, "申请登记：\(file.state.chineseName)")
        }
    }

    /// Applies the step named by `action` to the file.
    static func step(_ id: String, _ form: RequestForm, _ service: CaseworkService) throws -> (
        DeterminationFile, DeterminationAction
    ) {
        let file = try visible(id, service)
        let code = form["action"] ?? ""
        try service.require(
            service.principal.role.mayHandleCasework, "determination.\(code)", targetType: "determination",
            targetID: file.caseID)
        return try service.perform("determination.\(code)", targetType: "determination", targetID: file.caseID) {
            var fields = CaseworkFields(form)
            let act = service.act(&fields)
            let action = try self.action(code, &fields, day: act.day)
            let next = try service.casework.determinations.apply(action, caseID: file.caseID, act: act)
            var detail = "\(action.chineseName)：\(file.state.chineseName) → \(next.state.chineseName)"
            if let reason = act.givenReason { detail += "；\(reason)" }
            return ((next, action), detail)
        }
    }

    static func action(_ code: String, _ fields: inout CaseworkFields, day: Day) throws -> DeterminationAction {
        let action: DeterminationAction?
        switch code {
        case "receiveMaterials":
            let materials: [DeterminationMaterial] = fields.codes("materials", "材料")
            if materials.isEmpty && fields.problems["materials"] == nil { fields.problem("materials", "须选择收到的材料") }
            action = .receiveMaterials(materials)
        case "notifyIncomplete": action = .notifyIncomplete
        case "accept": action = .accept(clearCase: fields.flag("clear_case"))
        case "refuseAcceptance": action = .refuseAcceptance
        case "startInvestigation": action = .startInvestigation
        case "recordInvestigation":
            let investigators = fields.list("investigators")
            if investigators.isEmpty { fields.problem("investigators", "须注明调查人员") }
            let summary = fields.text("summary", "调查情况")
            action = .recordInvestigation(
                InvestigationRecord(day: day, investigators: investigators, summary: summary))
        case "suspend": action = .suspend(awaiting: fields.text("awaiting", "等待的结论"))
        case "resume": action = .resume
        case "decide":
            let outcome: DeterminationOutcome? = fields.code("outcome", "认定结论")
            let basisText = fields.text("basis", "法律依据（如 14(1)）")
            let basis = StatuteBasis(code: basisText)
            if basis == nil && !basisText.isEmpty {
                fields.problem("basis", "法律依据应写作 14(1)、15(2) 或 16 等（收到 \(basisText)）")
            }
            action = outcome.flatMap { o in
                basis.map { .decide(outcome: o, basis: $0, injuredParts: fields.list("injured_parts")) }
            }
        case "deliver": action = .deliver
        default:
            fields.problem("action", "未知的认定操作：\(code.isEmpty ? "（空）" : code)")
            action = nil
        }
        try fields.check()
        guard let action else { throw AppError.invalid("输入有误") }
        return action
    }
}
