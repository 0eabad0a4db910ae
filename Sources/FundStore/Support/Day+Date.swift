import Foundation
import FundModel

extension Day {
    /// The day in China of a moment (`Day.inChina(unixSeconds:)`): the one bridge from `Date` for the store,
    /// the registers and the application layer above them.
    public static func inChina(_ moment: Date) -> Day {
        inChina(unixSeconds: Int64(moment.timeIntervalSince1970.rounded(.down)))
    }
}
