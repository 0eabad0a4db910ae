/// The national item codes the payment rules refer to by meaning (rules.md §1).
///
/// The item list itself (payers, retirements, provincial additions) is
/// FundRules' `ItemList`; these are only the codes whose meaning a rule's
/// definition names (e.g. R06 is about DISABILITY_MONTHLY).
enum Items {
    static let med = "MED"
    static let nursing = "NURSING"
    static let disabilityMonthly = "DISABILITY_MONTHLY"
    static let dependant = "DEPENDANT"
}
