import FundModel

/// The columns of every interchange file (interchange.md), in the order of the SQL tables.
///
/// A column is `required` when its FundModel field is not optional, `flag`
/// for a boolean (must be in the header, empty = false), and `optional`
/// otherwise; see docs/decisions.md "FundStore: required columns".
enum TableCatalog {
    /// Every table, in load order: a table comes after the tables it refers to, so that the
    /// reference checks of a file find the keys of this same import (`ReferenceChecker`).
    static let all: [TableSpec] = [
        regions, parameters, employers, institutions, workers, wages, injuryCases, dependents, assessments,
        experts, agreements, benefitItems, payments, fundLedger, deaths, medicalInsurance, pensions,
        healthVisits, trafficAccidents, imprisonments, calendar, cards,
    ]

    static let regions = TableSpec(
        table: .regions,
        columns: [
            .required("code", .regionCode), .required("name", .text),
            .required("level", .code(CodeSet(RegionLevel.self))),
            .optional("parent_code", .regionCode),
        ],
        keyColumns: ["code"],
        references: [.region("parent_code")]
    )

    static let parameters = TableSpec(
        table: .parameters,
        columns: [
            .required("region_code", .regionCode), .required("year", .integer(1900...9999)),
            .required("name", .text), .required("value", .decimal4),
        ],
        keyColumns: ["region_code", "year", "name"],
        references: [.region(exempt: [RegionCode.national.raw])]
    )

    static let employers = TableSpec(
        table: .employers,
        columns: [
            .required("employer_id", .text), .required("name", .text), .required("region_code", .regionCode),
            .optional("industry_code", .text), .optional("risk_class", .integer(1...8)),
            .optional("insured_since", .day),
        ],
        keyColumns: ["employer_id"],
        references: [.region()]
    )

    static let workers = TableSpec(
        table: .workers,
        columns: [
            .required("worker_id", .personID), .required("name", .text),
            .optional("gender", .code(CodeSet(Gender.self))), .optional("birth_date", .day),
            .optional("employer_id", .text), .required("region_code", .regionCode),
            .optional("insured_since", .day), .optional("insured_until", .day),
        ],
        keyColumns: ["worker_id"],
        references: [ReferenceSpec("employer_id", [(.employers, "employer_id")]), .region()]
    )

    static let wages = TableSpec(
        table: .wages,
        columns: [.required("worker_id", .personID), .required("month", .month), .required("wage", .money)],
        keyColumns: ["worker_id", "month"],
        references: [ReferenceSpec("worker_id", [(.workers, "worker_id")])]
    )

    static let injuryCases = TableSpec(
        table: .injuryCases,
        columns: [
            .required("case_id", .text), .required("worker_id", .personID), .optional("employer_id", .text),
            .required("region_code", .regionCode), .required("accident_date", .day),
            .required("kind", .code(CodeSet(CaseKind.self))), .optional("applied_date", .day),
            .optional("applicant", .code(CodeSet(Applicant.self))), .optional("accepted_date", .day),
            .optional("decided_date", .day), .required("decision", .code(CodeSet(Decision.self))),
            .flag("fatal"), .optional("own_wage", .money), .flag("third_party"), .optional("description", .text),
        ],
        keyColumns: ["case_id"],
        references: [
            ReferenceSpec("worker_id", [(.workers, "worker_id")]),
            ReferenceSpec("employer_id", [(.employers, "employer_id")]), .region(),
        ]
    )

    static let assessments = TableSpec(
        table: .assessments,
        columns: [
            .required("assessment_id", .text), .required("case_id", .text), .required("worker_id", .personID),
            .required("kind", .code(CodeSet(AssessmentKind.self))), .optional("applied_date", .day),
            .optional("concluded_date", .day), .optional("grade", .integer(1...10)),
            .optional("nursing", .code(CodeSet(NursingLevel.self))), .optional("hospital_id", .text),
            .optional("experts", .list(allowed: nil)), .required("region_code", .regionCode),
        ],
        keyColumns: ["assessment_id"],
        references: [
            ReferenceSpec("case_id", [(.injuryCases, "case_id")]),
            ReferenceSpec("worker_id", [(.workers, "worker_id")]),
            ReferenceSpec("hospital_id", [(.institutions, "institution_id")]), .region(),
        ]
    )

    static let experts = TableSpec(
        table: .experts,
        columns: [
            .required("expert_id", .text), .required("name", .text), .optional("specialty", .text),
            .optional("institution_id", .text), .required("region_code", .regionCode),
        ],
        keyColumns: ["expert_id"],
        references: [ReferenceSpec("institution_id", [(.institutions, "institution_id")]), .region()]
    )

    static let dependents = TableSpec(
        table: .dependents,
        columns: [
            .required("dependent_id", .personID), .required("case_id", .text),
            .required("relation", .code(CodeSet(Relation.self))), .optional("birth_date", .day), .flag("lone"),
            .flag("disabled"), .optional("start_date", .day), .optional("end_date", .day),
        ],
        keyColumns: ["dependent_id", "case_id"],
        references: [ReferenceSpec("case_id", [(.injuryCases, "case_id")])]
    )

    static let institutions = TableSpec(
        table: .institutions,
        columns: [
            .required("institution_id", .text), .required("name", .text),
            .required("kind", .code(CodeSet(InstitutionKind.self))), .required("region_code", .regionCode),
            .optional("grade", .text),
        ],
        keyColumns: ["institution_id"],
        references: [.region()]
    )

    static let agreements = TableSpec(
        table: .agreements,
        columns: [
            .required("agreement_id", .text), .required("institution_id", .text),
            .required("services", .list(allowed: CodeSet(InstitutionKind.self))), .required("start_date", .day),
            .required("end_date", .day), .required("status", .code(CodeSet(AgreementStatus.self))),
        ],
        keyColumns: ["agreement_id"],
        references: [ReferenceSpec("institution_id", [(.institutions, "institution_id")])]
    )

    static let benefitItems = TableSpec(
        table: .benefitItems,
        columns: [
            .required("item_code", .text), .required("name", .text), .required("payer", .code(CodeSet(Payer.self))),
            .optional("basis", .text), .required("status", .code(CodeSet(ItemStatus.self))),
        ],
        keyColumns: ["item_code"],
        references: []
    )

    static let payments = TableSpec(
        table: .payments,
        columns: [
            .required("payment_id", .text), .optional("case_id", .text), .required("worker_id", .personID),
            .required("item_code", .text), .required("amount", .money), .required("paid_date", .day),
            .optional("period_start", .day), .optional("period_end", .day), .optional("institution_id", .text),
            .optional("invoice_no", .text), .optional("channel", .code(CodeSet(Channel.self))),
            .optional("payee_account", .text), .optional("dependent_id", .personID),
            .required("region_code", .regionCode), .flag("advance"),
        ],
        keyColumns: ["payment_id"],
        references: [
            ReferenceSpec("case_id", [(.injuryCases, "case_id")]),
            ReferenceSpec("worker_id", [(.workers, "worker_id")]),
            ReferenceSpec("institution_id", [(.institutions, "institution_id")]),
            ReferenceSpec("dependent_id", [(.dependents, "dependent_id")]), .region(),
        ]
    )

    static let fundLedger = TableSpec(
        table: .fundLedger,
        columns: [
            .required("region_code", .regionCode), .required("month", .month), .required("revenue", .money),
            .required("benefit_expenditure", .money), .required("prevention_expenditure", .money),
            .required("assessment_expenditure", .money), .required("other_expenditure", .money),
            .required("balance", .money),
        ],
        keyColumns: ["region_code", "month"],
        references: [.region()]
    )

    static let deaths = TableSpec(
        table: .deaths,
        columns: [.required("person_id", .personID), .required("death_date", .day), .optional("source", .text)],
        keyColumns: ["person_id", "source"],
        references: [.person]
    )

    static let medicalInsurance = TableSpec(
        table: .medicalInsurance,
        columns: [
            .required("person_id", .personID), .optional("institution_id", .text),
            .required("admission_date", .day), .optional("discharge_date", .day), .optional("amount", .money),
            .optional("invoice_no", .text),
        ],
        keyColumns: ["person_id", "admission_date", "institution_id", "invoice_no"],
        references: [.person]
    )

    static let pensions = TableSpec(
        table: .pensions,
        columns: [
            .required("person_id", .personID), .required("start_date", .day), .optional("monthly_amount", .money),
        ],
        // Rev. 2: one row per change of the amount.
        keyColumns: ["person_id", "start_date"],
        references: [.person]
    )

    static let healthVisits = TableSpec(
        table: .healthVisits,
        columns: [
            .required("person_id", .personID), .optional("institution_id", .text), .required("visit_date", .day),
            .optional("diagnosis", .text),
        ],
        keyColumns: ["person_id", "visit_date", "institution_id", "diagnosis"],
        references: [.person]
    )

    static let trafficAccidents = TableSpec(
        table: .trafficAccidents,
        columns: [
            .required("person_id", .personID), .required("accident_date", .day),
            .required("liability", .code(CodeSet(Liability.self))),
        ],
        keyColumns: ["person_id", "accident_date"],
        references: [.person]
    )

    static let imprisonments = TableSpec(
        table: .imprisonments,
        columns: [.required("person_id", .personID), .required("start_date", .day), .optional("end_date", .day)],
        keyColumns: ["person_id", "start_date"],
        references: [.person]
    )

    /// calendar.csv (rev. 2): an empty region is the national calendar.
    static let calendar = TableSpec(
        table: .calendar,
        columns: [
            .required("date", .day), .required("kind", .code(CodeSet(CalendarDayKind.self))),
            .optional("region_code", .regionCode),
        ],
        keyColumns: ["date", "region_code"],
        references: [.region()]
    )

    /// cards.csv (issue 13, docs/interchange-settlement.md): the social security cards of direct settlement.
    /// The electronic-card token and its expiry go together (`TableSpec.together`).
    static let cards = TableSpec(
        table: .cards,
        columns: [
            .required("card_no", .text), .required("person_id", .personID),
            .required("status", .code(CodeSet(CardStatus.self))), .required("issued_date", .day),
            .optional("ecard_token", .text), .optional("ecard_expires", .day),
        ],
        keyColumns: ["card_no"],
        references: [ReferenceSpec("person_id", [(.workers, "worker_id")])],
        together: [["ecard_token", "ecard_expires"]]
    )
}
