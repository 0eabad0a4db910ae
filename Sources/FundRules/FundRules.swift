// The FundRules module: the law as code (docs/architecture.md).
//
// - Items/: the national benefit item list of rules.md §1 (待遇支出项目清单)
//   and the province's additions and retirements on top of it.
// - Parameters/: the yearly statutory figures by region, with the city →
//   province → national fallback.
// - Entitlements/: the statutory amounts of 条例 34–39 and 64, the
//   entitlement schedule of a case, and the amount rule R10 compares with.
// - Clocks/: the statutory deadlines of determination and assessment.
//
// Everything here is pure and table-driven, and every figure names its article.
