import FundModel
import FundRules

/// 年终情况报告: the report the province sends to the ministry's work-injury department at the end of a year
/// (人社厅函〔2022〕85号, closing paragraph), in the figures FundGuard holds.
///
/// Each section carries `source`: the rows it was taken over and how, so that every figure can be traced to the
/// data it came from (the CSV files, the registers, the findings). Money in fen; the page, the .docx and the
/// .xlsx only format it.
public struct YearEndReport: Sendable {
    public var year: Int
    public var provinceName: String
    /// The day the report was drawn up (China day); figures after it are not yet in.
    public var drawnUp: Day
    public var fund: FundSection
    public var spending: SpendingSection
    public var itemList: ItemListSection
    public var determinations: DeterminationSection
    public var assessments: AssessmentSection
    public var inspections: InspectionSection
    public var screening: ScreeningSection
    public var riskPoints: RiskPointSection
    public var indicators: IndicatorSection

    /// A city (or the province, code `XX0000`) and its name.
    public struct Region: Sendable, Hashable {
        public var code: RegionCode
        public var name: String
    }

    // MARK: 1. Fund income, expenditure and balance

    public struct FundLine: Sendable, Hashable {
        public var region: Region
        public var revenue: Money
        public var benefit: Money
        public var prevention: Money
        public var assessment: Money
        public var other: Money
        public var balance: Money
        /// Months of the year with ledger rows (12 when complete).
        public var months: Int
        public var expenditure: Money { benefit + prevention + assessment + other }
        /// 可支付月数 at the year's end: the balance over the year's mean monthly expenditure, in tenths.
        public var monthsOfBalanceTenths: Int64? {
            guard months > 0, expenditure.fen > 0 else { return nil }
            return balance.fen * 10 * Int64(months) / expenditure.fen
        }
    }

    public struct FundSection: Sendable {
        /// Each city, then the province (its own consolidated rows, else the sum of its cities).
        public var cities: [FundLine]
        public var province: FundLine
        public var source: String
    }

    // MARK: 2. Spending by item and city

    public struct SpendingLine: Sendable, Hashable {
        public var itemCode: String
        public var itemName: String
        /// Per city, in the order of `SpendingSection.cities`.
        public var byCity: [Money]
        public var total: Money
        public var count: Int
    }

    public struct SpendingSection: Sendable {
        public var cities: [Region]
        public var items: [SpendingLine]
        public var total: Money
        /// MED paid by direct settlement (直接结算) and by manual reimbursement (手工报销): I06's two sides.
        public var medicalDirect: Money
        public var medicalReimbursed: Money
        public var source: String
    }

    // MARK: 3. The item list's clean-up

    public struct ItemListSection: Sendable {
        /// The province's own items (benefit_items.csv), with their basis or 自行制定.
        public var provincialItems: [BenefitItem]
        /// National items the province retired.
        public var retiredNationalItems: [BenefitItem]
        /// R01 (清单外支出) findings raised in the year, their amount, and those confirmed.
        public var offListFindings: Int
        public var offListAmount: Money
        public var offListConfirmed: Int
        public var source: String
    }

    // MARK: 4. Determinations and assessments with their clocks

    public struct DeterminationLine: Sendable, Hashable {
        public var region: Region
        public var applied: Int
        public var decided: Int
        public var recognized: Int
        public var notRecognized: Int
        public var fatal: Int
        public var onTime: Int
        public var late: Int
        public var overduePending: Int
        /// I07 over the year, when anything was counted.
        public var onTimeRate: OnTimeShare { OnTimeShare(onTime: onTime, counted: onTime + late + overduePending) }
    }

    public struct DeterminationSection: Sendable {
        public var cities: [DeterminationLine]
        public var province: DeterminationLine
        public var source: String
    }

    public struct AssessmentLine: Sendable, Hashable {
        public var region: Region
        public var applied: Int
        public var concluded: Int
        /// Initial assessments concluded with a grade, by band.
        public var grades1to4: Int
        public var grades5to6: Int
        public var grades7to10: Int
        public var noGrade: Int
        /// Reviews and re-assessments concluded (再次鉴定、复查鉴定).
        public var reviews: Int
    }

    public struct AssessmentSection: Sendable {
        public var cities: [AssessmentLine]
        public var province: AssessmentLine
        public var source: String
    }

    // MARK: 5. Institutions: self-inspection, spot checks, rectification

    public struct InspectionSection: Sendable {
        /// Campaigns opened in the year.
        public var campaigns: Int
        public var selfInspectionsExpected: Int
        public var selfInspectionsSubmitted: Int
        public var nonCompliantAnswers: Int
        public var spotChecksPlanned: Int
        public var spotChecksDone: Int
        public var problemsFound: Int
        public var problemAmount: Money
        public var rectificationsOpened: Int
        public var rectificationsClosed: Int
        public var source: String
    }

    // MARK: 6. Screening, verification, recovery, fraud and fines

    public struct RuleLine: Sendable, Hashable {
        public var ruleID: String
        public var name: String
        public var findings: Int
        public var red: Int
        public var amountAtRisk: Money
        public var cleared: Int
        public var irregular: Int
        public var fraud: Int
        public var confirmed: Money
    }

    public struct CityScreeningLine: Sendable, Hashable {
        public var region: Region
        public var findings: Int
        public var concluded: Int
        public var confirmed: Money
        public var recovered: Money
    }

    public struct ScreeningSection: Sendable {
        public var runs: Int
        public var rules: [RuleLine]
        public var cities: [CityScreeningLine]
        public var findings: Int
        public var amountAtRiskTotal: Money
        public var concluded: Int
        public var irregular: Int
        /// Referred to public security as fraud (欺诈骗保).
        public var fraudReferrals: Int
        public var confirmed: Money
        public var recovered: Money
        /// The fines recorded with the fraud conclusions.
        public var fines: Money
        /// 条例 60: a fine of 2 to 5 times the amount obtained by fraud, for comparison with `fines`.
        public var fineLow: Money
        public var fineHigh: Money
        public var source: String
    }

    // MARK: 9. Indicators

    /// One region's indicator figures over the trailing 12 months of the year's last run, with their levels.
    public struct IndicatorLine: Sendable, Hashable {
        public var region: Region
        /// By indicator id (`I01`…); absent where the run computed none for the region.
        public var values: [String: Decimal4]
        public var levels: [String: Severity]
        public var warnings: Int { levels.count }
    }

    public struct IndicatorSection: Sendable {
        /// The indicators shown, in order.
        public var indicatorIDs: [String]
        public var cities: [IndicatorLine]
        public var province: IndicatorLine?
        /// The run they come from (`nil`: no run of the year stored indicator figures).
        public var runID: Int64?
        public var periodEnd: YearMonth?
        public var source: String
    }

    // MARK: 7. Risk points and their controls

    public struct RiskPointSection: Sendable {
        public var points: [RiskPoint]
        public var source: String
    }
}

/// An on-time share: `onTime` of `counted`, in percent with two decimals (rounded half up); `—` when nothing counted.
public struct OnTimeShare: Sendable, Hashable {
    public var onTime: Int
    public var counted: Int

    public var percentText: String { Self.percent(Int64(onTime), of: Int64(counted)) }
}
