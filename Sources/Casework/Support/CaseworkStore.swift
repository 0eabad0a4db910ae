import Foundation
import FundModel
import FundStore

/// What the casework registers need from the store: their own registers, the imported data (cases, payments)
/// and the findings register. `SQLiteFundStore` is all three.
public typealias CaseworkStore = CaseworkRepository & DataRepository & FindingRepository

extension CaseworkRepository {
    /// Commits a step, turning the store's refusals into `CaseworkError`.
    func apply(_ changeSet: CaseworkChangeSet) throws {
        do {
            try commit(changeSet)
        } catch let error as CaseworkStoreError {
            throw CaseworkError(error)
        }
    }

    /// The record, or a `notFound` error naming it.
    func require<D: CaseworkDocument>(_ type: D.Type, id: String) throws -> D {
        guard let document = try document(type, id: id) else {
            throw CaseworkError.notFound("\(D.caseworkSubject.chineseName) \(id) 不存在")
        }
        return document
    }
}

/// Today, as the statutory clocks count it: the calendar day in China (`Day.inChina`), whatever the
/// server's zone.
public enum Today {
    public static func day(_ date: Date = Date()) -> Day {
        Day.inChina(date)
    }
}

/// Checks every step shares: someone acts, on a day not in the future and not before the file's last step.
enum ActCheck {
    static func validate(_ act: CaseworkAct, notBefore earliest: Day?, today: Day) throws {
        guard !act.actor.trimmingBlanks.isEmpty else { throw CaseworkError(.invalid, "须注明经办人", actPart: .actor) }
        guard act.day <= today else {
            throw CaseworkError(.invalid, "办理日期 \(act.day.iso) 晚于今天 \(today.iso)，不能预先登记", actPart: .day)
        }
        if let earliest, act.day < earliest {
            throw CaseworkError(.invalid, "办理日期 \(act.day.iso) 早于上一步骤的日期 \(earliest.iso)，不能倒签", actPart: .day)
        }
    }

    /// The reason, required: a `CaseworkError.invalid` naming what it is for when missing.
    static func reason(_ act: CaseworkAct, for what: String) throws -> String {
        guard let reason = act.givenReason else { throw CaseworkError(.invalid, "\(what)须说明理由", actPart: .reason) }
        return reason
    }
}

extension Array where Element == String {
    /// Trimmed, blanks dropped, duplicates dropped (first kept).
    var cleaned: [String] {
        var seen = Set<String>()
        return map(\.trimmingBlanks).filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
