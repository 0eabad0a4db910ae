import Foundation
import FundModel

/// The platform's clock: the moment now and the day it is in China (`Day.inChina`), one source for the
/// command line and the server, replaceable in tests.
public struct Clock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    /// Today in China.
    public var today: Day { Self.chinaDay(now()) }

    /// The day in China of a moment.
    public static func chinaDay(_ moment: Date) -> Day {
        Day.inChina(moment)
    }
}
