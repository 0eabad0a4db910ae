import Foundation
import FundModel
import FundStore
import Settlement
import Testing

@Suite("settlement: the decision of each line")
struct SettlementDecisionTests {
    typealias W = SettlementWorld

    @Test("a clean line is paid, with a payment of the direct channel")
    func paid() throws {
        let world = try W()
        let answer = try world.service.settle(W.hospital, requestID: "REQ-1", bill: W.bill())
        #expect(answer.answer.status == 201)
        #expect(!answer.replayed)
        let lines = try W.lines(answer)
        #expect(lines.count == 1)
        #expect(lines[0]["decision"] as? String == "paid")
        let paymentID = try #require(lines[0]["paymentID"] as? String)
        let data = try world.store.loadScreeningData(tables: nil, parts: nil)
        let payment = try #require(
            data.paymentColumns().map { table in
                (0..<table.count).first { table.paymentID[$0] == paymentID }
            } ?? nil)
        #expect(payment >= 0)
        let json = try W.json(answer)
        let totals = try #require(json["totals"] as? [String: Any])
        #expect(totals["paidFen"] as? Int == 50_000)
    }

    @Test(
        "every refusal names its rule and a reason in Chinese",
        arguments: [
            // R01: not on the item list.
            ("R01", W.bill(item: "SPA")),
            // R05: the worker died before the service.
            ("R05", W.bill(card: .number("K200"), caseID: "C2")),
            // R08: the invoice was already paid (an imported reimbursement).
            ("R08", W.bill(invoice: "INV-OLD")),
            // R11: the case was not recognized.
            ("R11", W.bill(card: .number("K300"), caseID: "C3")),
        ])
    func refused(rule: String, bill: Bill) throws {
        let world = try W()
        let answer = try world.service.settle(W.hospital, requestID: "REQ-\(rule)", bill: bill)
        let line = try #require(try W.lines(answer).first)
        #expect(line["decision"] as? String == "refused")
        #expect(line["ruleID"] as? String == rule)
        let reason = try #require(line["reason"] as? String)
        #expect(reason.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF })
        #expect(line["paymentID"] == nil)
    }

    @Test("R09: an institution without an agreement in force for the service is refused")
    func nonContracted() throws {
        let world = try W()
        // R1's agreement ended in 2025, so its credentials would not be accepted either; the rule still
        // decides the line when the service is asked directly.
        let answer = try world.service.preSettle(
            institutionID: "H1", bill: W.bill(item: "REHAB", invoice: "INV-R"))
        #expect(answer.lines[0].decision == "refused")
        #expect(answer.lines[0].ruleID == "R09")
    }

    @Test("a large amount is held for review (R03), not paid, and waits in the city's queue")
    func held() throws {
        let world = try W()
        let answer = try world.service.settle(W.hospital, requestID: "REQ-BIG", bill: W.bill(fen: 15_000_000))
        let line = try #require(try W.lines(answer).first)
        #expect(line["decision"] as? String == "held")
        #expect(line["ruleID"] as? String == "R03")
        let queue = try world.store.heldSettlementLines(scope: .city(RegionCode("320100")!))
        #expect(queue.count == 1)
        #expect(try world.store.heldSettlementLines(scope: .city(RegionCode("320200")!)).isEmpty)
    }

    @Test("two lines of one bill with the same invoice: the second is refused by R08")
    func duplicateWithinBill() throws {
        let world = try W()
        var bill = W.bill()
        bill.lines.append(
            BillLine(
                lineNo: 2, itemCode: "MED", amount: Money(fen: 30_000), serviceStart: Day(iso: "2026-03-15")!,
                invoiceNo: "INV-1"))
        let answer = try world.service.preSettle(institutionID: "H1", bill: bill)
        #expect(answer.lines.map(\.decision) == ["paid", "refused"])
        #expect(answer.lines[1].ruleID == "R08")
    }

    @Test("today's settlements count: a second bill of the same invoice today is refused by R08")
    func seesToday() throws {
        let world = try W()
        _ = try world.service.settle(W.hospital, requestID: "A", bill: W.bill(invoice: "INV-T"))
        let pre = try world.service.preSettle(institutionID: "H1", bill: W.bill(invoice: "INV-T"))
        #expect(pre.lines[0].decision == "refused")
        #expect(pre.lines[0].ruleID == "R08")
    }

    @Test("cards: lost, cancelled, unknown, an expired e-card and someone else's case are refused as requests")
    func cardProblems() throws {
        let world = try W()
        func code(_ bill: Bill) -> String? {
            do {
                _ = try world.service.preSettle(institutionID: "H1", bill: bill)
                return nil
            } catch let error as SettlementError {
                return error.code
            } catch {
                return "\(error)"
            }
        }
        #expect(code(W.bill(card: .number("K099"))) == "card_lost")
        #expect(code(W.bill(card: .number("NOPE"))) == "card_unknown")
        #expect(code(W.bill(card: .ecardToken("ETOKEN-OLD"), caseID: "C3")) == "ecard_expired")
        #expect(code(W.bill(card: .ecardToken("ETOKEN-1"))) == nil)
        #expect(code(W.bill(caseID: "C3")) == "case_not_found")
        _ = try world.importFiles([
            "cards.csv":
                "card_no,person_id,status,issued_date,ecard_token,ecard_expires\nK100,\(W.worker.raw),cancelled,2020-01-01,,\n"
        ])
        #expect(code(W.bill()) == "card_cancelled")
    }

    @Test("bad bills are refused with every field named")
    func badBill() throws {
        let world = try W()
        var bill = W.bill(fen: 0, invoice: "", start: "2026-03-20")
        bill.lines.append(bill.lines[0])
        do {
            _ = try world.service.preSettle(institutionID: "H1", bill: bill)
            Issue.record("a bad bill was checked")
        } catch let error as SettlementError {
            #expect(error.code == "invalid")
            #expect(error.fields["lines[0].amountFen"] != nil)
            #expect(error.fields["lines[0].invoiceNo"] != nil)
            #expect(error.fields["lines[0].serviceStart"] != nil)
            #expect(error.fields["lines[1].lineNo"] != nil)
        }
        let many = Bill(
            card: .number("K100"), caseID: "C1",
            lines: (1...(BillLimits.maxLines + 1)).map {
                BillLine(lineNo: $0, itemCode: "MED", amount: Money(fen: 1), serviceStart: W.today, invoiceNo: "I\($0)")
            })
        #expect(throws: SettlementError.self) { try world.service.preSettle(institutionID: "H1", bill: many) }
    }

    @Test("eligibility: the worker's cases and what the hospital may bill")
    func eligibility() throws {
        let world = try W()
        let answer = try world.service.eligibility(institutionID: "H1", card: .number("K100"), on: nil)
        #expect(answer.worker.name == "张伟")
        #expect(!answer.worker.personID.contains(String(W.worker.raw.dropFirst(4).prefix(8))))
        #expect(answer.cases.map(\.caseID) == ["C1"])
        #expect(answer.cases[0].recognized)
        #expect(answer.agreements.map(\.agreementID) == ["AG1"])
        #expect(Set(answer.billableItems.map(\.itemCode)) == ["MED", "MEAL"])
        let rehab = try world.service.eligibility(institutionID: "R1", card: .number("K100"), on: nil)
        #expect(rehab.billableItems.isEmpty)
    }
}

@Suite("settlement: lines of one bill see each other")
struct BillLinesTests {
    typealias W = SettlementWorld

    @Test("a repeated invoice in one bill is refused by R08, the lines around it are paid")
    func repeatedInvoice() throws {
        let world = try W()
        let bill = Bill(
            card: .number("K100"), caseID: "C1",
            lines: [
                BillLine(
                    lineNo: 1, itemCode: "MEAL", amount: Money(fen: 2_000), serviceStart: W.today, invoiceNo: "A1"),
                BillLine(lineNo: 2, itemCode: "MED", amount: Money(fen: 9_000), serviceStart: W.today, invoiceNo: "A2"),
                BillLine(lineNo: 3, itemCode: "MED", amount: Money(fen: 9_000), serviceStart: W.today, invoiceNo: "A2"),
                BillLine(
                    lineNo: 4, itemCode: "MEAL", amount: Money(fen: 2_000), serviceStart: W.today, invoiceNo: "A4"),
            ])
        let answer = try world.service.preSettle(institutionID: "H1", bill: bill)
        #expect(answer.lines.map(\.decision) == ["paid", "paid", "refused", "paid"])
        #expect(answer.lines[2].ruleID == "R08")
    }
}
