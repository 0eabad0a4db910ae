import Casework
import FundModel

/// Institutions and agreements from form fields (pages and API share them).
enum InstitutionSteps {
    static func register(_ form: RequestForm, _ service: CaseworkService) throws -> Institution {
        let id = form["institution_id"] ?? ""
        try service.require(
            service.principal.role.mayManageCasework, "institution.register", targetType: "institution", targetID: id)
        return try service.perform("institution.register", targetType: "institution", targetID: id) {
            var fields = CaseworkFields(form)
            let act = service.act(&fields)
            let name = fields.text("name", "机构名称")
            _ = fields.text("institution_id", "机构编号")
            let kind: InstitutionKind? = fields.code("kind", "机构类别")
            let region = fields.region("region", "统筹地区")
            try fields.check()
            guard let kind, let region else { throw AppError.invalid("输入有误") }
            let institution = try service.casework.institutions.register(
                Institution(
                    institutionID: id, name: name, kind: kind, regionCode: region, grade: fields.optional("grade")),
                act: act)
            return (institution, "登记协议机构 \(institution.name)")
        }
    }

    static func sign(_ form: RequestForm, _ service: CaseworkService) throws -> Agreement {
        let id = form["agreement_id"] ?? ""
        try service.require(
            service.principal.role.mayManageCasework, "agreement.sign", targetType: "agreement", targetID: id)
        return try service.perform("agreement.sign", targetType: "agreement", targetID: id) {
            var fields = CaseworkFields(form)
            let act = service.act(&fields)
            _ = fields.text("agreement_id", "协议编号")
            let institutionID = fields.text("institution_id", "机构编号")
            let services: [InstitutionKind] = fields.codes("services", "服务类别")
            if services.isEmpty && fields.problems["services"] == nil { fields.problem("services", "须选择服务类别") }
            let start = fields.day("start_date", "生效日期")
            let end = fields.day("end_date", "到期日期")
            try fields.check()
            guard let start, let end else { throw AppError.invalid("输入有误") }
            let agreement = try service.casework.institutions.sign(
                Agreement(
                    agreementID: id, institutionID: institutionID, services: services, startDate: start,
                    endDate: end, status: .active),
                act: act)
            return (agreement, "签订协议：\(institutionID)，\(start.iso) 至 \(end.iso)")
        }
    }

    /// The agreement, if its institution is in the person's region (else 404).
    static func visibleAgreement(_ id: String, _ service: CaseworkService) throws -> (Agreement, Institution?) {
        guard let agreement = try service.casework.institutions.agreements().first(where: { $0.agreementID == id })
        else { throw AppError.notFound("服务协议") }
        let institution = try service.casework.institutions.institution(agreement.institutionID)
        if let institution, !service.principal.canSee(institution.regionCode) { throw AppError.notFound("服务协议") }
        return (agreement, institution)
    }

    /// Suspends, reinstates, terminates or renews (`action`, `reason`, `until` for a renewal).
    static func step(_ id: String, _ form: RequestForm, _ service: CaseworkService) throws -> (
        Agreement, AgreementAction
    ) {
        let (agreement, _) = try visibleAgreement(id, service)
        let code = form["action"] ?? ""
        try service.require(
            service.principal.role.mayManageCasework, "agreement.\(code)", targetType: "agreement", targetID: id)
        return try service.perform("agreement.\(code)", targetType: "agreement", targetID: id) {
            var fields = CaseworkFields(form)
            let act = service.act(&fields)
            let action: AgreementAction?
            switch code {
            case "suspend": action = .suspend
            case "reinstate": action = .reinstate
            case "terminate": action = .terminate
            case "renew": action = fields.day("until", "续签后的到期日").map { .renew(until: $0) }
            default:
                fields.problem("action", "未知的协议操作：\(code.isEmpty ? "（空）" : code)")
                action = nil
            }
            try fields.check()
            guard let action else { throw AppError.invalid("输入有误") }
            let next = try service.casework.institutions.apply(action, agreementID: agreement.agreementID, act: act)
            return (
                (next, action),
                "\(action.chineseName)：\(agreement.status.chineseName) → \(next.status.chineseName)"
                    + (act.givenReason.map { "；\($0)" } ?? "")
            )
        }
    }
}
