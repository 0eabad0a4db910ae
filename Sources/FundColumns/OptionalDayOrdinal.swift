import FundModel

extension Day {
    /// The ordinal that stands for "no date" in integer columns (`PaymentTable`, the snapshot's columns).
    public static let noneOrdinal = Int32.min

    /// `nil` for `Day.noneOrdinal`.
    @inlinable
    public init?(optionalOrdinal ordinal: Int32) {
        guard ordinal != Day.noneOrdinal else { return nil }
        self.init(ordinal: ordinal)
    }
}

extension Optional where Wrapped == Day {
    /// The ordinal, or `Day.noneOrdinal`.
    public var ordinalOrNone: Int32 { self?.ordinal ?? Day.noneOrdinal }
}
