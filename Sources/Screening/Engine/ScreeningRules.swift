/// The rule implementations the engine runs by default, in catalogue order.
public enum ScreeningRules {
    public static let all: [any ScreeningRule] = [
        DQ01InvalidPersonID(), R01OffListItem(), R02EmployerItemPaidByFund(), R03LargePayment(), R04HighFrequency(),
        R05PaymentAfterDeath(),
        R06DisabilityAndPension(), R07MedicalInsuranceDuplicate(), R08DuplicateInvoice(),
        R09NonContractedInstitution(), R10AboveStatutoryAmount(), R11NoDetermination(), R12AssessmentMismatch(),
        R13InsuredThenInjured(), R14OverlappingStays(),
        R15DependantEligibility(), R19AccountConcentration(), R20LateApplication(), R21SlowDetermination(),
        R24BenefitsInPrison(),
        R16InstitutionCost(), R17GradeConcentration(), R18ExpertRecusal(), R22NoHealthVisit(),
        R23ThirdPartyLiability(), R25WageSurge(), R26DuplicateBenefit(), R27DeclaredWageInflated(),
        I01ExpenditureGrowth(), I02MonthsOfBalance(),
        I03PreventionShare(), I04MedicalCostPerCase(), I05SevereGradeShare(), I06ManualReimbursementShare(),
        I07TimelyDetermination(), I08VerificationCompletion(), I09ConfirmedAndRecovered(),
    ]
}
