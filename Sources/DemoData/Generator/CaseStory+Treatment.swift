import FundModel
import FundRules

extension CaseStory {
    /// Hospital stays, outpatient claims, meals, rehab, devices and travel.
    mutating func makeTreatment() {
        let network = ctx.network
        let hospital = network.hospitals[treatmentHospital]
        let hospitalID = hospital.record.institutionID
        let costly = network.plantHospitals.costly == treatmentHospital
        // I04: the costly city's stays and claims cost 2.5 times as much.
        let dearCity = city.blueprint.has(.costlyTreatment) && options.plantsEveryRule
        let advance = advancesTreatment
        for (i, stay) in timeline.stays.enumerated() where stay.admission <= options.asOf {
            visit(hospitalID, stay.admission)
            let days = Int64(stay.admission.distance(to: stay.discharge))
            var fen = Int64(hospital.dailyYuan) * 100 * max(days, 1) * Int64(shape.stays[i].costPerMille) / 1_000
            // R16: the costly hospital bills 2.8 times as much (kept under R03's 100 000 yuan).
            if costly { fen = min(fen * 14 / 5, 9_600_000) }
            if dearCity { fen = min(fen * 5 / 2, 9_600_000) }
            let paid = timeline.day(stay.payMonth, shape.payDays[0])
            let invoice = ctx.book.invoice()
            payments.append(
                draft(
                    ItemCode.med, Money(fen: fen), paid: paid, period: (stay.admission, stay.discharge),
                    institution: hospitalID, invoice: invoice, channel: .direct, advance: advance))
            // 住院伙食补助费: 50 yuan a day of the stay, settled with the stay.
            payments.append(
                draft(
                    ItemCode.meal, Money(yuan: 50 * max(days, 1)), paid: paid, period: (stay.admission, stay.discharge),
                    institution: hospitalID, channel: .direct, advance: advance))
        }
        for (j, claim) in timeline.outpatient.enumerated() where claim.day <= options.asOf {
            visit(hospitalID, claim.day)
            var fen = Int64(shape.outpatientYuan[j]) * 100
            if costly { fen = fen * 14 / 5 }
            if dearCity { fen = fen * 5 / 2 }
            var payment = draft(
                ItemCode.med, Money(fen: fen), paid: timeline.day(claim.payMonth, shape.payDays[0]),
                period: (claim.day, claim.day), institution: hospitalID, invoice: ctx.book.invoice(), channel: .direct,
                advance: advance)
            payment.outpatient = true
            payments.append(payment)
        }
        if !timeline.rehabMonths.isEmpty {
            let city = instance.city
            let rehab = network.institutions[network.cityRehab[city][ctx.network.rehabRotation[city].next()]]
            for (j, m) in timeline.rehabMonths.enumerated() {
                let month = timeline.month(m)
                payments.append(
                    draft(
                        ItemCode.rehab, Money(yuan: Int64(shape.rehabYuan[j])),
                        paid: timeline.day(m + 1, shape.payDays[2]),
                        period: (month.firstDay, month.lastDay), institution: rehab.institutionID,
                        invoice: ctx.book.invoice(), channel: .direct))
            }
        }
        if let device = shape.device {
            let city = instance.city
            let supplier = network.institutions[network.cityAssistive[city][ctx.network.assistiveRotation[city].next()]]
            payments.append(
                draft(
                    ItemCode.device, Money(yuan: Int64(device.yuan)),
                    paid: timeline.day(max(device.monthOffset, timeline.decisionSafe), device.day),
                    institution: supplier.institutionID, invoice: ctx.book.invoice(), channel: .direct))
        }
        if let travel = shape.travel {
            payments.append(
                draft(
                    ItemCode.travel, Money(yuan: Int64(travel.yuan)),
                    paid: timeline.day(max(travel.monthOffset, timeline.decisionSafe), travel.day),
                    invoice: ctx.book.invoice()))
        }
    }

    /// A visit of the worker to a hospital (卫生健康 shared data).
    mutating func visit(_ institutionID: String, _ day: Day, diagnosis: String? = nil) {
        ext.append(
            .healthVisit(
                HealthVisit(
                    personID: worker.workerID, institutionID: institutionID, visitDate: day,
                    diagnosis: diagnosis ?? shape.description)))
    }
}
