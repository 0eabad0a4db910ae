import FundModel

/// Chinese labels of the interchange columns and tables, for evidence shown side by side.
enum ColumnLabels {
    static func table(_ table: Table) -> String {
        switch table {
        case .regions: "统筹地区"
        case .parameters: "参数"
        case .employers: "用人单位"
        case .workers: "参保职工"
        case .wages: "缴费工资"
        case .injuryCases: "工伤认定"
        case .assessments: "劳动能力鉴定"
        case .experts: "鉴定专家"
        case .dependents: "供养亲属"
        case .institutions: "协议机构"
        case .agreements: "服务协议"
        case .benefitItems: "待遇支出项目"
        case .payments: "待遇支付"
        case .fundLedger: "基金收支"
        case .deaths: "死亡登记（共享数据）"
        case .medicalInsurance: "医保住院（共享数据）"
        case .pensions: "养老金领取（共享数据）"
        case .healthVisits: "就诊记录（共享数据）"
        case .trafficAccidents: "交通事故（共享数据）"
        case .imprisonments: "服刑记录（共享数据）"
        case .calendar: "工作日历"
        case .cards: "社会保障卡"
        }
    }

    static let columns: [String: String] = [
        "code": "代码", "name": "名称", "level": "级别", "parent_code": "上级代码", "region_code": "统筹地区",
        "employer_id": "用人单位", "industry_code": "行业代码", "risk_class": "风险类别", "insured_since": "参保日期",
        "insured_until": "停保日期", "worker_id": "身份证号", "gender": "性别", "birth_date": "出生日期",
        "case_id": "认定案件", "accident_date": "事故日期", "kind": "类别", "applied_date": "申请日期",
        "applicant": "申请人", "accepted_date": "受理日期", "decided_date": "认定日期", "decision": "认定结论",
        "fatal": "因工死亡", "own_wage": "本人工资", "third_party": "第三人责任", "description": "说明",
        "assessment_id": "鉴定编号", "concluded_date": "鉴定结论日期", "grade": "伤残等级", "nursing": "护理等级",
        "hospital_id": "鉴定医院", "experts": "鉴定专家", "expert_id": "专家编号", "specialty": "专业",
        "institution_id": "协议机构", "dependent_id": "供养亲属", "relation": "关系", "lone": "孤寡", "disabled": "完全丧失劳动能力",
        "start_date": "开始日期", "end_date": "结束日期", "agreement_id": "协议编号", "services": "服务范围",
        "status": "状态", "item_code": "支付项目", "payer": "支付主体", "basis": "依据", "payment_id": "支付编号",
        "amount": "金额（元）", "paid_date": "支付日期", "period_start": "服务起始", "period_end": "服务截止",
        "invoice_no": "票据号", "channel": "结算方式", "payee_account": "收款账户", "advance": "先行支付",
        "month": "月份", "revenue": "基金收入", "benefit_expenditure": "待遇支出", "prevention_expenditure": "预防支出",
        "assessment_expenditure": "鉴定支出", "other_expenditure": "其他支出", "balance": "累计结余",
        "person_id": "身份证号", "death_date": "死亡日期", "source": "来源", "admission_date": "入院日期",
        "discharge_date": "出院日期", "monthly_amount": "月领取额", "visit_date": "就诊日期", "diagnosis": "诊断",
        "liability": "责任认定", "wage": "缴费工资", "year": "年度", "value": "数值",
    ]

    static func column(_ name: String) -> String { columns[name] ?? name }
}
