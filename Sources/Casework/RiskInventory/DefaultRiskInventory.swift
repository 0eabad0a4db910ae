import FundModel

/// The platform's first risk inventory (风险点清单) of the work-injury handling process (the notice of 2022, item
/// 4: 全面梳理工伤保险管理服务工作风险点), each point tied to the monitoring rules and indicators of rules.md that
/// watch it and to the controls of the process that prevent it. A province edits it from here.
public enum DefaultRiskInventory {
    public static let points: [RiskPoint] = [
        point("RP01", .enrolment, "先出险后参保、参保即出险，以参保规避事故责任", ["R13"], "参保登记核验；事故日期与参保起止日期比对", "参保登记科"),
        point("RP02", .enrolment, "事故前突击调高缴费基数或虚报本人工资，抬高待遇", ["R25", "R27"], "缴费基数变动审核；待遇核定时复核前12个月工资", "征缴科、待遇核定科"),
        point("RP03", .determination, "用人单位逾期申请认定，期间费用未由单位负担", ["R20"], "受理时核对条例第十七条申请时限并记载", "工伤认定科"),
        point("RP04", .determination, "认定超期办理、中止无据", ["R21", "I07"], "认定台账时限提醒；中止须写明等待的结论", "工伤认定科"),
        point(
            "RP05", .determination, "伪造劳动关系、事故或诊断材料骗取认定；工亡案件未经调查即认定",
            ["R11"], "条例第十八条材料清单与一次性告知；工亡案件须有调查核实记录方可认定", "工伤认定科"),
        point("RP06", .determination, "交通事故第三人责任未核实，医疗费由基金先行负担后未追偿", ["R23"], "认定时核对事故责任认定书；先行支付登记追偿", "工伤认定科、待遇核定科"),
        point("RP07", .assessment, "鉴定材料造假，证明医院无就诊记录", ["R22"], "与卫生健康就诊记录比对；材料清单审核", "劳动能力鉴定科"),
        point("RP08", .assessment, "伤残等级异常集中于某医院或某专家", ["R17", "I05"], "等级分布监测；异常结论复核", "劳动能力鉴定科"),
        point("RP09", .assessment, "专家应回避未回避，或与某单位关系过密", ["R18"], "随机抽取3或5名专家；回避自动排除；抽取种子和名单留痕可复核", "劳动能力鉴定委员会办公室"),
        point("RP10", .benefitReview, "未认定工伤或认定前发生的费用由基金支付", ["R11"], "支付前核验认定结论和事故日期", "待遇核定科"),
        point("RP11", .benefitReview, "无鉴定结论或等级不符即核发伤残、护理待遇", ["R12"], "核定时调取最近一次鉴定结论", "待遇核定科"),
        point("RP12", .benefitReview, "待遇超过法定标准核定，或核发不应享受的待遇", ["R10"], "按法定标准（逐月调整后）自动测算并分级审核", "待遇核定科"),
        point("RP13", .benefitReview, "供养亲属资格失效后继续领取抚恤金", ["R15"], "年满18周岁、再婚等情形定期核查", "待遇核定科"),
        point("RP14", .payment, "清单外项目或单位负担项目由基金支付", ["R01", "R02"], "待遇支出项目清单校验", "基金支付科"),
        point("RP15", .payment, "大额、高频支出", ["R03", "R04"], "大额支出分级审核；高频支出预警", "基金支付科"),
        point("RP16", .payment, "死亡后、服刑期间或领取养老金后继续支付待遇", ["R05", "R06", "R24"], "与公安、民政、司法、养老保险数据比对；资格认证", "基金支付科"),
        point("RP17", .payment, "多名职工待遇汇入同一账户，疑似冒领", ["R19"], "收款账户与本人身份核验", "基金支付科"),
        point("RP18", .medicalService, "与医保重复报销、重复开具票据", ["R07", "R08"], "与医保结算数据比对；票据号唯一性校验", "医疗服务管理科"),
        point("RP19", .medicalService, "挂床住院、在多家机构重叠住院", ["R14"], "住院时间重叠比对；现场核查", "医疗服务管理科"),
        point("RP20", .medicalService, "机构次均费用异常偏高", ["R16", "I04"], "同级机构费用比较；专项检查抽查", "医疗服务管理科"),
        point("RP21", .medicalService, "手工报销比重过高，绕开直接结算监控", ["I06"], "推进直接结算；手工报销分级审核", "医疗服务管理科"),
        point("RP22", .agreementManagement, "非协议机构或协议暂停、到期后仍结算", ["R09"], "协议台账与结算实时校验；协议到期提醒", "协议管理科"),
        point("RP23", .fundFinance, "基金支出增长过快、可支付月数不足", ["I01", "I02"], "基金运行动态监测与预警", "基金财务科"),
        point("RP24", .fundFinance, "工伤预防费超过规定比例", ["I03"], "预防费预算审核", "基金财务科"),
        point("RP25", .supervision, "疑点核查不及时、违规资金追回不到位", ["I08", "I09"], "疑点核查台账；核查时限和追回跟踪", "基金监督科"),
        point("RP26", .dataQuality, "身份证号等基础数据错误，导致比对失效", ["DQ01"], "数据入库校验；信息共享比对", "信息中心"),
        point("RP27", .payment, "一次性待遇或同一月份待遇重复支付，伤残津贴在两个案件下重复领取", ["R26"], "支付前按案件、项目、月份查重；冲正后方可重新支付", "基金支付科"),
    ]

    static func point(
        _ id: String, _ step: ProcessStep, _ risk: String, _ rules: [String], _ controls: String, _ owner: String
    ) -> RiskPoint {
        RiskPoint(riskPointID: id, step: step, risk: risk, rules: rules, controls: controls, owner: owner)
    }
}
