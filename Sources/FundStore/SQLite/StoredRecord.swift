import FundModel

/// A FundModel record read from its table: which columns, in which order, and how.
///
/// Written by hand per table (not Codable) because it is the hot path of
/// `loadDataSet()`; the column lists follow `SchemaMigrations`.
protocol StoredRecord {
    static var table: Table { get }
    /// The SELECT list; `decode` reads the columns by these positions.
    static var columns: String { get }
    /// The order rows are loaded in (stable, so that a data set loads the same every time).
    static var order: String { get }
    static func decode(_ r: ColumnReader) throws -> Self
}

extension Region: StoredRecord {
    static let table = Table.regions
    static let columns = "code, name, level, parent_code"
    static let order = "code"
    static func decode(_ r: ColumnReader) throws -> Region {
        Region(
            code: try r.regionCode(0, "code"), name: r.text(1), level: try r.code(2, "level"),
            parentCode: try r.optionalRegionCode(3, "parent_code"))
    }
}

extension Parameter: StoredRecord {
    static let table = Table.parameters
    static let columns = "region_code, year, name, value"
    static let order = "region_code, year, name"
    static func decode(_ r: ColumnReader) throws -> Parameter {
        Parameter(
            regionCode: try r.regionCode(0, "region_code"), year: r.int(1), name: r.text(2),
            value: Decimal4(tenThousandths: r.statement.int(3)))
    }
}

extension Employer: StoredRecord {
    static let table = Table.employers
    static let columns = "employer_id, name, region_code, industry_code, risk_class, insured_since"
    static let order = "rowid"
    static func decode(_ r: ColumnReader) throws -> Employer {
        Employer(
            employerID: r.text(0), name: r.text(1), regionCode: try r.regionCode(2, "region_code"),
            industryCode: r.optionalText(3), riskClass: r.optionalInt(4), insuredSince: r.optionalDay(5))
    }
}

extension Worker: StoredRecord {
    static let table = Table.workers
    static let columns =
        "worker_id, name, gender, birth_date, employer_id, region_code, insured_since, insured_until"
    static let order = "rowid"
    static func decode(_ r: ColumnReader) throws -> Worker {
        Worker(
            workerID: try r.uniquePersonID(0, "worker_id"), name: r.text(1), gender: try r.optionalCode(2, "gender"),
            birthDate: r.optionalDay(3), employerID: r.optionalText(4), regionCode: try r.regionCode(5, "region_code"),
            insuredSince: r.optionalDay(6), insuredUntil: r.optionalDay(7))
    }
}

extension Wage: StoredRecord {
    static let table = Table.wages
    static let columns = "worker_id, month, wage"
    static let order = "worker_id, month"
    static func decode(_ r: ColumnReader) throws -> Wage {
        Wage(workerID: try r.personID(0, "worker_id"), month: r.month(1), wage: r.money(2))
    }
}

extension InjuryCase: StoredRecord {
    static let table = Table.injuryCases
    static let columns = """
        case_id, worker_id, employer_id, region_code, accident_date, kind, applied_date, applicant, accepted_date, \
        decided_date, decision, fatal, own_wage, third_party, description
        """
    static let order = "rowid"
    static func decode(_ r: ColumnReader) throws -> InjuryCase {
        InjuryCase(
            caseID: r.text(0), workerID: try r.personID(1, "worker_id"), employerID: r.optionalText(2),
            regionCode: try r.regionCode(3, "region_code"), accidentDate: r.day(4), kind: try r.code(5, "kind"),
            appliedDate: r.optionalDay(6), applicant: try r.optionalCode(7, "applicant"),
            acceptedDate: r.optionalDay(8), decidedDate: r.optionalDay(9), decision: try r.code(10, "decision"),
            fatal: r.bool(11), ownWage: r.optionalMoney(12), thirdParty: r.bool(13),
            description: r.optionalText(14) ?? "")
    }
}

extension Assessment: StoredRecord {
    static let table = Table.assessments
    static let columns = """
        assessment_id, case_id, worker_id, kind, applied_date, concluded_date, grade, nursing, hospital_id, \
        experts, region_code
        """
    static let order = "rowid"
    static func decode(_ r: ColumnReader) throws -> Assessment {
        Assessment(
            assessmentID: r.text(0), caseID: r.text(1), workerID: try r.personID(2, "worker_id"),
            kind: try r.code(3, "kind"), appliedDate: r.optionalDay(4), concludedDate: r.optionalDay(5),
            grade: r.optionalInt(6), nursing: try r.optionalCode(7, "nursing"), hospitalID: r.optionalText(8),
            expertIDs: r.list(9), regionCode: try r.regionCode(10, "region_code"))
    }
}

extension Expert: StoredRecord {
    static let table = Table.experts
    static let columns = "expert_id, name, specialty, institution_id, region_code"
    static let order = "rowid"
    static func decode(_ r: ColumnReader) throws -> Expert {
        Expert(
            expertID: r.text(0), name: r.text(1), specialty: r.optionalText(2), institutionID: r.optionalText(3),
            regionCode: try r.regionCode(4, "region_code"))
    }
}

extension Dependent: StoredRecord {
    static let table = Table.dependents
    static let columns = "dependent_id, case_id, relation, birth_date, lone, disabled, start_date, end_date"
    static let order = "rowid"
    static func decode(_ r: ColumnReader) throws -> Dependent {
        Dependent(
            dependentID: try r.personID(0, "dependent_id"), caseID: r.text(1), relation: try r.code(2, "relation"),
            birthDate: r.optionalDay(3), lone: r.bool(4), disabled: r.bool(5), startDate: r.optionalDay(6),
            endDate: r.optionalDay(7))
    }
}

extension Institution: StoredRecord {
    static let table = Table.institutions
    static let columns = "institution_id, name, kind, region_code, grade"
    static let order = "rowid"
    static func decode(_ r: ColumnReader) throws -> Institution {
        Institution(
            institutionID: r.text(0), name: r.text(1), kind: try r.code(2, "kind"),
            regionCode: try r.regionCode(3, "region_code"), grade: r.optionalText(4))
    }
}

extension Agreement: StoredRecord {
    static let table = Table.agreements
    static let columns = "agreement_id, institution_id, services, start_date, end_date, status"
    static let order = "rowid"
    static func decode(_ r: ColumnReader) throws -> Agreement {
        var services: [InstitutionKind] = []
        for item in r.list(2) {
            guard let kind = InstitutionKind(rawValue: item) else {
                throw StoreError(table: table.rawValue, column: "services", value: item)
            }
            services.append(kind)
        }
        return Agreement(
            agreementID: r.text(0), institutionID: r.text(1), services: services, startDate: r.day(3),
            endDate: r.day(4), status: try r.code(5, "status"))
    }
}

extension BenefitItemRow: StoredRecord {
    static let table = Table.benefitItems
    static let columns = "item_code, name, payer, basis, status"
    static let order = "item_code"
    static func decode(_ r: ColumnReader) throws -> BenefitItemRow {
        BenefitItemRow(
            itemCode: r.text(0), name: r.text(1), payer: try r.code(2, "payer"), basis: r.optionalText(3),
            status: try r.code(4, "status"))
    }
}

extension Payment: StoredRecord {
    static let table = Table.payments
    static let columns = """
        payment_id, case_id, worker_id, item_code, amount, paid_date, period_start, period_end, institution_id, \
        invoice_no, channel, payee_account, dependent_id, region_code, advance
        """
    static let order = "rowid"
    static func decode(_ r: ColumnReader) throws -> Payment {
        Payment(
            paymentID: r.text(0), caseID: r.optionalInterned(1), workerID: try r.personID(2, "worker_id"),
            itemCode: r.interned(3), amount: r.money(4), paidDate: r.day(5), periodStart: r.optionalDay(6),
            periodEnd: r.optionalDay(7), institutionID: r.optionalInterned(8), invoiceNo: r.optionalText(9),
            channel: try r.optionalCode(10, "channel"), payeeAccount: r.optionalInterned(11),
            dependentID: try r.optionalPersonID(12, "dependent_id"), regionCode: try r.regionCode(13, "region_code"),
            advance: r.bool(14))
    }
}

extension FundLedgerEntry: StoredRecord {
    static let table = Table.fundLedger
    static let columns = """
        region_code, month, revenue, benefit_expenditure, prevention_expenditure, assessment_expenditure, \
        other_expenditure, balance
        """
    static let order = "region_code, month"
    static func decode(_ r: ColumnReader) throws -> FundLedgerEntry {
        FundLedgerEntry(
            regionCode: try r.regionCode(0, "region_code"), month: r.month(1), revenue: r.money(2),
            benefitExpenditure: r.money(3), preventionExpenditure: r.money(4), assessmentExpenditure: r.money(5),
            otherExpenditure: r.money(6), balance: r.money(7))
    }
}

extension DeathRecord: StoredRecord {
    static let table = Table.deaths
    static let columns = "person_id, death_date, source"
    static let order = "rowid"
    static func decode(_ r: ColumnReader) throws -> DeathRecord {
        DeathRecord(personID: try r.personID(0, "person_id"), deathDate: r.day(1), source: r.optionalText(2))
    }
}

extension MedicalInsuranceStay: StoredRecord {
    static let table = Table.medicalInsurance
    static let columns = "person_id, institution_id, admission_date, discharge_date, amount, invoice_no"
    static let order = "rowid"
    static func decode(_ r: ColumnReader) throws -> MedicalInsuranceStay {
        MedicalInsuranceStay(
            personID: try r.personID(0, "person_id"), institutionID: r.optionalText(1), admissionDate: r.day(2),
            dischargeDate: r.optionalDay(3), amount: r.optionalMoney(4), invoiceNo: r.optionalText(5))
    }
}

extension PensionRecord: StoredRecord {
    static let table = Table.pensions
    static let columns = "person_id, start_date, monthly_amount"
    static let order = "rowid"
    static func decode(_ r: ColumnReader) throws -> PensionRecord {
        PensionRecord(personID: try r.personID(0, "person_id"), startDate: r.day(1), monthlyAmount: r.optionalMoney(2))
    }
}

extension HealthVisit: StoredRecord {
    static let table = Table.healthVisits
    static let columns = "person_id, institution_id, visit_date, diagnosis"
    static let order = "rowid"
    static func decode(_ r: ColumnReader) throws -> HealthVisit {
        HealthVisit(
            personID: try r.personID(0, "person_id"), institutionID: r.optionalText(1), visitDate: r.day(2),
            diagnosis: r.optionalText(3))
    }
}

extension TrafficAccident: StoredRecord {
    static let table = Table.trafficAccidents
    static let columns = "person_id, accident_date, liability"
    static let order = "rowid"
    static func decode(_ r: ColumnReader) throws -> TrafficAccident {
        TrafficAccident(
            personID: try r.personID(0, "person_id"), accidentDate: r.day(1), liability: try r.code(2, "liability"))
    }
}

extension Imprisonment: StoredRecord {
    static let table = Table.imprisonments
    static let columns = "person_id, start_date, end_date"
    static let order = "rowid"
    static func decode(_ r: ColumnReader) throws -> Imprisonment {
        Imprisonment(personID: try r.personID(0, "person_id"), startDate: r.day(1), endDate: r.optionalDay(2))
    }
}

extension CalendarDay: StoredRecord {
    static let table = Table.calendar
    static let columns = "date, kind, region_code"
    static let order = "date, region_code"
    static func decode(_ r: ColumnReader) throws -> CalendarDay {
        CalendarDay(
            date: r.day(0), kind: try r.code(1, "kind"), regionCode: try r.optionalRegionCode(2, "region_code"))
    }
}
