/// The rule implementations the engine runs by default, in catalogue order.
public enum ScreeningRules {
    public static let all: [any ScreeningRule] = [
        DQ01InvalidPersonID(), R03LargePayment(),
    ]
}
