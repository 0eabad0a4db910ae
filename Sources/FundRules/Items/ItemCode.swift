/// The codes of the national benefit items (rules.md §1), as constants.
///
/// Item codes stay `String` because a province may add its own codes
/// (`benefit_items.csv`); these constants spare the rest of the platform
/// from spelling the national ones by hand.
public enum ItemCode {
    public static let med = "MED"
    public static let rehab = "REHAB"
    public static let meal = "MEAL"
    public static let travel = "TRAVEL"
    public static let device = "DEVICE"
    public static let nursing = "NURSING"
    public static let disabilityLump = "DISABILITY_LUMP"
    public static let disabilityMonthly = "DISABILITY_MONTHLY"
    public static let pensionTopup = "PENSION_TOPUP"
    public static let medicalLump = "MEDICAL_LUMP"
    public static let funeral = "FUNERAL"
    public static let dependant = "DEPENDANT"
    public static let deathLump = "DEATH_LUMP"
    public static let assessmentFee = "ASSESSMENT_FEE"
    public static let wageContinuation = "WAGE_CONTINUATION"
    public static let disabilityMonthly56 = "DISABILITY_MONTHLY_5_6"
    public static let employmentLump = "EMPLOYMENT_LUMP"

    /// The items with a statutory amount (条例 34–39; PENSION_TOPUP by 条例 35(3), rev. 2): the only ones R10
    /// can check.
    public static let withStatutoryAmount: Set<String> = [
        nursing, disabilityLump, disabilityMonthly, pensionTopup, medicalLump, funeral, dependant, deathLump,
        disabilityMonthly56, employmentLump,
    ]

    /// The one-off items a case is paid once (R26, rev. 2).
    public static let paidOncePerCase: Set<String> = [
        disabilityLump, medicalLump, employmentLump, funeral, deathLump,
    ]

    /// The monthly items a case is paid once a month (R26, rev. 2; DEPENDANT once a month per dependant).
    public static let paidOncePerMonth: Set<String> = [nursing, disabilityMonthly, pensionTopup, dependant]
}
