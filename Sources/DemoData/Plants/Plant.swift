/// An anomaly planted on one case, changing its story so that exactly the named rule fires.
///
/// See docs/demo-province.md for what each one looks like and why it trips
/// only its rule.
enum Plant: Sendable, Hashable {
    case unlistedItem, retiredItem, itemWithoutBasis  // R01
    case wageContinuationByFund, employmentLumpByFund, monthly56ByFund  // R02
    case largeMed, largeDevice, largeTravel  // R03
    case frequentMed, frequentTravel, frequentDevice  // R04
    case monthlyAfterDeath, dependantAfterDeath, medAfterDeath  // R05
    case allowanceWithPension  // R06
    case medicalInsuranceOverlap, medicalInsuranceInvoice  // R07
    case duplicateMedInvoice, duplicateRehabInvoice  // R08
    case terminatedHospital, suspendedAssistive, expiredRehab  // R09
    case lumpOverpaid, monthlyOverpaid, funeralOverpaid  // R10
    case paidOnRejected, paidBeforeAccident  // R11
    case lumpWithoutConclusion, allowanceForGrade6, nursingWithoutNeed  // R12 (allowanceForGrade6: any grade 5–10)
    case accidentSoonAfterInsured, accidentBeforeInsured, accidentAfterInsured  // R13
    case overlappingStays  // R14
    case dependantRemarried, dependantAdult  // R15
    case severeEvidence  // R17 (the hospital and the expert)
    case recusal  // R18 red
    case panelConcentration  // R18 orange
    case sharedAccount(Int)  // R19: which shared account
    case lateByWorker, lateByEmployer  // R20
    case slowDecision  // R21
    case evidenceWithoutVisit  // R22
    case unverifiedThirdParty  // R23
    case dependantImprisoned, workerImprisoned  // R24
    /// Background, not an anomaly: a dependant in prison whose pension is correctly suspended (R24 must stay quiet).
    case dependantSuspendedInPrison
    case wageJump  // R25
    // Rev. 2 of the rules.
    case lumpPaidTwice, nursingMonthPaidTwice, allowanceUnderTwoCases  // R26
    /// Background, not an anomaly: a month of allowance reversed and reissued (R26 must stay quiet).
    case allowanceReversedAndReissued
    case wageDeclaredHigh, wageDeclaredVeryHigh  // R27 orange, red
    case deathLumpNotFatal, funeralWhileLiving, adjustedAllowanceOverpaid  // R10 rev. 2
    case spouseUnderAge, dependantWithoutID, dependantNotOfCase  // R15 rev. 2
    /// Background, not an anomaly: a hospital bill reversed and reissued with its invoice (R08 must stay quiet).
    case invoiceReversedAndReissued
    case medicalInsuranceElsewhere  // R14 rev. 2
    case dependantBadCheckCharacter  // DQ01 rev. 2
}

/// An anomaly planted on a worker without a case.
enum WorkerPlant: Sendable, Hashable {
    /// DQ01: the id's check character is wrong.
    case badCheckCharacter
    /// R11: a MED payment on a case number that does not exist.
    case paymentWithoutCase
    /// Background of the sample, not anomalies: one person of each kind of shared record.
    case sampleRetired, sampleMedicalInsurance, samplePrison
}
