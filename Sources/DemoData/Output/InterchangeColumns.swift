import FundModel

/// The columns of each interchange file, in the order the demo writes them (interchange.md).
public enum InterchangeColumns {
    public static func header(_ table: Table) -> [String] {
        switch table {
        case .regions: ["code", "name", "level", "parent_code"]
        case .parameters: ["region_code", "year", "name", "value"]
        case .employers: ["employer_id", "name", "region_code", "industry_code", "risk_class", "insured_since"]
        case .workers:
            [
                "worker_id", "name", "gender", "birth_date", "employer_id", "region_code", "insured_since",
                "insured_until",
            ]
        case .wages: ["worker_id", "month", "wage"]
        case .injuryCases:
            [
                "case_id", "worker_id", "employer_id", "region_code", "accident_date", "kind", "applied_date",
                "applicant", "accepted_date", "decided_date", "decision", "fatal", "own_wage", "third_party",
                "description",
            ]
        case .assessments:
            [
                "assessment_id", "case_id", "worker_id", "kind", "applied_date", "concluded_date", "grade", "nursing",
                "hospital_id", "experts", "region_code",
            ]
        case .experts: ["expert_id", "name", "specialty", "institution_id", "region_code"]
        case .dependents:
            ["dependent_id", "case_id", "relation", "birth_date", "lone", "disabled", "start_date", "end_date"]
        case .institutions: ["institution_id", "name", "kind", "region_code", "grade"]
        case .agreements: ["agreement_id", "institution_id", "services", "start_date", "end_date", "status"]
        case .benefitItems: ["item_code", "name", "payer", "basis", "status"]
        case .payments:
            [
                "payment_id", "case_id", "worker_id", "item_code", "amount", "paid_date", "period_start", "period_end",
                "institution_id", "invoice_no", "channel", "payee_account", "dependent_id", "region_code", "advance",
            ]
        case .fundLedger:
            [
                "region_code", "month", "revenue", "benefit_expenditure", "prevention_expenditure",
                "assessment_expenditure", "other_expenditure", "balance",
            ]
        case .deaths: ["person_id", "death_date", "source"]
        case .medicalInsurance:
            ["person_id", "institution_id", "admission_date", "discharge_date", "amount", "invoice_no"]
        case .pensions: ["person_id", "start_date", "monthly_amount"]
        case .healthVisits: ["person_id", "institution_id", "visit_date", "diagnosis"]
        case .trafficAccidents: ["person_id", "accident_date", "liability"]
        case .imprisonments: ["person_id", "start_date", "end_date"]
        case .calendar: ["date", "kind", "region_code"]
        case .cards: ["card_no", "person_id", "status", "issued_date", "ecard_token", "ecard_expires"]
        }
    }

    /// The cells of a row, in the order of `header(record.table)`. Cells are not yet CSV-escaped.
    public static func cells(_ record: DemoRecord) -> [String] {
        switch record {
        case .region(let r): [r.code.raw, r.name, r.level.rawValue, r.parentCode?.raw ?? ""]
        case .parameter(let p):
            [
                p.regionCode.raw, String(p.year), p.name,
                p.name == ParameterName.pooling
                    ? PoolingLevel(storedValue: p.value).rawValue : p.value.description,
            ]
        case .employer(let e):
            [
                e.employerID, e.name, e.regionCode.raw, e.industryCode ?? "", e.riskClass.map(String.init) ?? "",
                e.insuredSince?.iso ?? "",
            ]
        case .worker(let w):
            [
                w.workerID.raw, w.name, w.gender?.rawValue ?? "", w.birthDate?.iso ?? "", w.employerID ?? "",
                w.regionCode.raw, w.insuredSince?.iso ?? "", w.insuredUntil?.iso ?? "",
            ]
        case .wage(let w): [w.workerID.raw, w.month.iso, w.wage.yuanString]
        case .injuryCase(let c):
            [
                c.caseID, c.workerID.raw, c.employerID ?? "", c.regionCode.raw, c.accidentDate.iso, c.kind.rawValue,
                c.appliedDate?.iso ?? "", c.applicant?.rawValue ?? "", c.acceptedDate?.iso ?? "",
                c.decidedDate?.iso ?? "", c.decision.rawValue, bool(c.fatal), c.ownWage?.yuanString ?? "",
                bool(c.thirdParty), c.description,
            ]
        case .assessment(let a):
            [
                a.assessmentID, a.caseID, a.workerID.raw, a.kind.rawValue, a.appliedDate?.iso ?? "",
                a.concludedDate?.iso ?? "", a.grade.map(String.init) ?? "", a.nursing?.rawValue ?? "",
                a.hospitalID ?? "", a.expertIDs.joined(separator: ";"), a.regionCode.raw,
            ]
        case .expert(let e): [e.expertID, e.name, e.specialty ?? "", e.institutionID ?? "", e.regionCode.raw]
        case .dependent(let d):
            [
                d.dependentID.raw, d.caseID, d.relation.rawValue, d.birthDate?.iso ?? "", bool(d.lone),
                bool(d.disabled),
                d.startDate?.iso ?? "", d.endDate?.iso ?? "",
            ]
        case .institution(let i): [i.institutionID, i.name, i.kind.rawValue, i.regionCode.raw, i.grade ?? ""]
        case .agreement(let a):
            [
                a.agreementID, a.institutionID, a.services.map(\.rawValue).joined(separator: ";"), a.startDate.iso,
                a.endDate.iso, a.status.rawValue,
            ]
        case .benefitItem(let b): [b.itemCode, b.name, b.payer.rawValue, b.basis ?? "", b.status.rawValue]
        case .payment(let p):
            [
                p.paymentID, p.caseID ?? "", p.workerID.raw, p.itemCode, p.amount.yuanString, p.paidDate.iso,
                p.periodStart?.iso ?? "", p.periodEnd?.iso ?? "", p.institutionID ?? "", p.invoiceNo ?? "",
                p.channel?.rawValue ?? "", p.payeeAccount ?? "", p.dependentID?.raw ?? "", p.regionCode.raw,
                bool(p.advance),
            ]
        case .fundLedger(let l):
            [
                l.regionCode.raw, l.month.iso, l.revenue.yuanString, l.benefitExpenditure.yuanString,
                l.preventionExpenditure.yuanString, l.assessmentExpenditure.yuanString, l.otherExpenditure.yuanString,
                l.balance.yuanString,
            ]
        case .death(let d): [d.personID.raw, d.deathDate.iso, d.source ?? ""]
        case .medicalInsurance(let m):
            [
                m.personID.raw, m.institutionID ?? "", m.admissionDate.iso, m.dischargeDate?.iso ?? "",
                m.amount?.yuanString ?? "", m.invoiceNo ?? "",
            ]
        case .pension(let p): [p.personID.raw, p.startDate.iso, p.monthlyAmount?.yuanString ?? ""]
        case .healthVisit(let v): [v.personID.raw, v.institutionID ?? "", v.visitDate.iso, v.diagnosis ?? ""]
        case .trafficAccident(let t): [t.personID.raw, t.accidentDate.iso, t.liability.rawValue]
        case .imprisonment(let i): [i.personID.raw, i.startDate.iso, i.endDate?.iso ?? ""]
        case .calendarDay(let c): [c.date.iso, c.kind.rawValue, c.regionCode?.raw ?? ""]
        case .card(let c):
            [
                c.cardNo, c.personID.raw, c.status.rawValue, c.issuedDate.iso, c.ecardToken ?? "",
                c.ecardExpires?.iso ?? "",
            ]
        }
    }

    private static func bool(_ value: Bool) -> String { value ? "true" : "false" }
}
