/// What a city of the demo province is for, beyond being an ordinary pooling region.
///
/// Each indicator (I01–I07) is planted in one city, so that the bulletin of
/// the province shows one clear outlier per indicator and the others stay
/// quiet. See docs/demo-province.md.
enum CityRole: Sendable, Hashable {
    /// The capital: the largest city, host of the institution and expert plants (R16, R17, R18).
    case capital
    /// I01: the case rate doubles in the last eighteen months, so expenditure grows by far more than 20 %.
    case expenditureSurge
    /// I02: the fund balance stays below six months of expenditure.
    case lowBalance
    /// I03: prevention spending (工伤预防费) above 3 % of the previous year's revenue.
    case preventionOverspend
    /// I04: every stay and claim costs 2.5 times as much, so MED per case is far above the province's. Its
    /// hospitals are graded under the newer scheme (三级, 二级 without 等次), so that they are one another's
    /// only peers for R16 and the city's price level does not make them outliers of their grade.
    case costlyTreatment
    /// I05: four grades 1–4 in every twelve initial assessments instead of one.
    case severeGrading
    /// I06: most MED paid by manual reimbursement (手工报销) instead of direct settlement.
    case manualReimbursement
    /// I07: a third of the determinations of the last year decided late (each also an R21 finding).
    case slowDetermination
}
