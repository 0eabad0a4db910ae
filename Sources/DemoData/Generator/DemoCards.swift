import FundModel

/// The social security card of a demo worker (cards.csv, issue 13): one active card each, numbered from the
/// person id, issued when the worker was first insured, with an electronic card for every other worker.
///
/// Derived from the worker alone, with no random draw, so that adding the card register changed no other
/// file of a demo province made with the same seed.
enum DemoCards {
    static func card(for worker: Worker) -> SocialSecurityCard {
        let id = worker.workerID.raw
        let issued = worker.insuredSince ?? Day(iso: "2015-01-01")!
        let digit = id.utf8.dropLast().last.map { Int($0) - 48 } ?? 0
        let electronic = digit % 2 == 0
        return SocialSecurityCard(
            cardNo: "SSC" + id, personID: worker.workerID, status: .active, issuedDate: issued,
            ecardToken: electronic ? "EC" + String(id.reversed()) : nil,
            ecardExpires: electronic ? Day(iso: "2030-12-31")! : nil)
    }
}
