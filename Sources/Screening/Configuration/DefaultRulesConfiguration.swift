import FundRules

/// The built-in default rules configuration, and the text of the repository's `rules.yaml`.
///
/// Kept as a Swift string (not a resource bundle) so the library needs no
/// bundle at run time. The statutory figures among the defaults (R15's ages,
/// R20's and R21's deadlines, I03's cap, I07's days) are FundRules' constants
/// written in, so the law has one place (issue 10 point 6); the other
/// thresholds are the platform's. `rules.yaml` is written from this text
/// (`Scripts/write-rules-yaml.sh`); a test fails if the two differ, and another
/// if a statutory default drifts from the law.
public enum DefaultRulesConfiguration {
    public static let yaml = #"""
        # FundGuard 监控规则与阈值配置 (rules configuration)
        #
        # The platform's first version of the monitoring rules and indicators of
        # docs/rules.md §2–3, with every threshold at its documented default. A
        # province keeps its own copy of this file and changes what it must; a city
        # overrides its province under `cities:`. A province's file may leave out
        # whatever it does not change: it is laid over these defaults key by key.
        #
        #   fundguard rules check rules.yaml      validates a file and lists every error with its path
        #   fundguard screen --config rules.yaml  screens with it (the store keeps the configuration of each run)
        #
        # Every rule and indicator has:
        #   enabled: true | false           switch it off for the province (or one city)
        #   level:   red | orange | yellow  the warning level of a rule that fires in one way, or
        #   levels:                         either one level per named outcome (e.g. R01), or, for a
        #                                   graded rule, the figure at which each level starts
        #                                   (null = that level is not used)
        #   params:                         the rule's thresholds
        # Money is in yuan (at most two decimals), periods in days unless the key says otherwise.
        # Item codes are those of the benefit item list (rules.md §1) or the province's own.
        #
        # This text is built into FundGuard (Sources/Screening/Configuration/DefaultRulesConfiguration.swift);
        # a test keeps the two identical.

        version: 1

        # The province this file is for (XX0000), or null for any.
        province: null

        rules:
          # 身份证号校验错误: a worker's id fails the GB 11643 check character.
          DQ01:
            enabled: true
            level: yellow

          # ⚡ 清单外支出: the item is not on the list or retired on the service date (off_list);
          # a province's own item without a legal basis (without_basis).
          R01:
            enabled: true
            levels:
              off_list: red
              without_basis: orange

          # ⚡ 单位负担项目由基金支付: an item whose payer is the employer, paid by the fund.
          R02:
            enabled: true
            level: red

          # ⚡ 大额支出: amount > T for the item; yellow > 1×T, orange > 2×T, red > 5×T.
          R03:
            enabled: true
            levels:
              yellow: 1
              orange: 2
              red: 5
            params:
              threshold:
                MED: 100000
                REHAB: 50000
                DEVICE: 30000
                TRAVEL: 10000
                MEAL: 5000
                ASSESSMENT_FEE: 2000

          # ⚡ 高频支出: N or more payments of one item for one worker within any D days
          # (by service date); yellow at 1×N, orange at 2×N.
          R04:
            enabled: true
            levels:
              yellow: 1
              orange: 2
              red: null
            params:
              windows:
                MED:
                  count: 8
                  days: 30
                REHAB:
                  count: 12
                  days: 30
                TRAVEL:
                  count: 4
                  days: 30
                DEVICE:
                  count: 2
                  days: 365

          # ⚡ 死亡后支出: the service date is after the person's death (ext_deaths); these items
          # check the dependant instead of the worker.
          R05:
            enabled: true
            level: red
            params:
              dependant_items: [FUNERAL, DEATH_LUMP, DEPENDANT]

          # ⚡ 伤残津贴与养老金重复: DISABILITY_MONTHLY on or after the pension start (ext_pensions).
          R06:
            enabled: true
            level: red

          # 与医保重复报销: the period overlaps a medical-insurance stay of the same person at the same
          # institution, or the invoice number equals that stay's.
          R07:
            enabled: true
            level: red
            params:
              items: [MED, REHAB]

          # ⚡ 重复票据: another payment has the same institution and invoice number; every payment
          # after the first fires.
          R08:
            enabled: true
            level: red

          # ⚡ 非协议机构: no active agreement of the item's service covering the service date.
          R09:
            enabled: true
            level: orange
            params:
              services:
                MED: medical
                MEAL: medical
                REHAB: rehab
                DEVICE: assistive

          # ⚡ 超标准支付: more than the statutory amount (rules.md §1) by more than the tolerance.
          R10:
            enabled: true
            level: red
            params:
              tolerance: 1

          # ⚡ 无认定支出: not an advance payment, and the case is missing, not recognized/deemed,
          # or the service date is before the accident.
          R11:
            enabled: true
            level: red

          # ⚡ 无鉴定或等级不符: a lump sum without a concluded graded assessment, DISABILITY_MONTHLY
          # without grade 1–4, NURSING without a nursing level.
          R12:
            enabled: true
            level: red

          # 参保即出险: the accident within `days` after insured_since (soon_after_insured), or
          # before insured_since or after insured_until (outside_insured_period).
          R13:
            enabled: true
            levels:
              soon_after_insured: orange
              outside_insured_period: red
            params:
              days: 30

          # 住院时间重叠: two MED stays of one worker at different institutions overlap.
          R14:
            enabled: true
            level: orange
            params:
              min_nights: 1
              min_overlap_nights: 1

          # ⚡ 供养亲属资格 (rev. 2, 供养亲属范围规定 art. 3): DEPENDANT without a dependant of the case, or for
          # a month (judged on its first day) before start_date, after end_date, or, not disabled: a child,
          # grandchild or sibling from the birthday of `age_limit`; a spouse, parent or grandparent before
          # the birthday of `elder_age_man` (a man) or `elder_age_woman` (a woman; sex from the id).
          R15:
            enabled: true
            level: red
            params:
              age_limit: \#(DependantAgeLimits.statutory.youngLimit)
              elder_age_man: \#(DependantAgeLimits.statutory.elderMan)
              elder_age_woman: \#(DependantAgeLimits.statutory.elderWoman)

          # 机构费用异常: an institution's mean MED payment in a year above k × its peers' median;
          # orange at 2×, red at 3×, with at least `min_payments` MED payments.
          R16:
            enabled: true
            levels:
              orange: 2
              red: 3
            params:
              min_payments: 30

          # 鉴定等级异常集中: share of grades 1–4 more than `z` standard errors above the province's,
          # among at least `min_assessments` initial assessments of one hospital or expert.
          R17:
            enabled: true
            level: orange
            params:
              min_assessments: 20
              z: 3

          # 专家回避与集中: an expert of the evidence hospital (recusal); an expert on `panels` or more
          # panels for workers of one employer within `days` (concentration).
          R18:
            enabled: true
            levels:
              recusal: red
              concentration: orange
            params:
              panels: 5
              days: 365

          # 收款账户集中: one account receives non-institution payments for this many distinct workers.
          R19:
            enabled: true
            levels:
              orange: 3
              red: 6

          # 认定申请超期 (rev. 2): applied more than `employer_limit_days` after the accident, whoever
          # applied (employer_late); by the worker, a relative or the union more than `worker_limit_years`
          # after (worker_late). Both deadlines move off days off (calendar.csv and the shipped calendar).
          R20:
            enabled: true
            levels:
              worker_late: orange
              employer_late: yellow
            params:
              worker_limit_years: \#(DeterminationClock.personalApplicationYears)
              employer_limit_days: \#(DeterminationClock.employerApplicationDays)

          # 认定办理超时: decided, or still pending on the screening date, more than `days` after acceptance.
          R21:
            enabled: true
            level: yellow
            params:
              days: \#(DeterminationClock.decisionDays)

          # 鉴定材料无就诊记录: no visit of the worker to the evidence hospital (ext_health_visits)
          # between the accident and the assessment application.
          R22:
            enabled: true
            level: orange

          # 第三人责任未核实: a traffic accident within `days` of the accident with liability other
          # than full, and MED paid without advance.
          R23:
            enabled: true
            level: yellow
            params:
              days: 3

          # 服刑期间领取待遇: DEPENDANT of an imprisoned dependant (dependant_imprisoned);
          # DISABILITY_MONTHLY or NURSING of an imprisoned worker (worker_imprisoned, provincial
          # practice, switched by check_worker).
          R24:
            enabled: true
            levels:
              dependant_imprisoned: orange
              worker_imprisoned: yellow
            params:
              check_worker: true

          # 缴费基数突增: the mean wage of the `recent_months` before the accident exceeds `ratio` ×
          # the median of the `baseline_months` before those.
          R25:
            enabled: true
            level: orange
            params:
              ratio: 1.5
              recent_months: 3
              baseline_months: 12

          # ⚡ 重复支付 (rev. 2): net of reversals, a one-off item paid twice for one case, a month of a
          # monthly item paid twice for one case (DEPENDANT per dependant), or a month of 伤残津贴 paid to
          # one worker under two cases (条例 45).
          R26:
            enabled: true
            level: red

          # 本人工资申报不实 (rev. 2): the declared own wage above the multiple of the mean wage of the
          # `months` calendar months before the accident month (at least `min_months` of them present).
          R27:
            enabled: true
            levels:
              orange: 1.2
              red: 2
            params:
              months: 12
              min_months: 6

        indicators:
          # 待遇支出增长率: trailing 12 months year on year, in percent.
          I01:
            enabled: true
            levels:
              yellow: 20
              orange: 35
              red: 50

          # 可支付月数: months of expenditure the balance can pay; warns below.
          I02:
            enabled: true
            levels:
              orange: 6
              red: 3

          # 工伤预防费占比: prevention spending in a year over the previous year's revenue, in percent
          # (the national cap).
          I03:
            enabled: true
            levels:
              red: \#(StatutoryRates.preventionCapPercent)

          # 案均医疗费: MED paid per recognized case, as a multiple of the province's.
          I04:
            enabled: true
            levels:
              yellow: 1.5

          # 一至四级伤残占比: share of grades 1–4 among initial assessments, as a multiple of the province's.
          I05:
            enabled: true
            levels:
              orange: 2

          # 手工报销占比: share of MED paid by manual reimbursement, in percent.
          I06:
            enabled: true
            levels:
              yellow: 30

          # 认定按时办结率: determinations decided within `days` of acceptance, in percent; warns below.
          # Cases in the determination register count from it, net of suspensions (overdue undecided ones against).
          I07:
            enabled: true
            levels:
              yellow: 90
            params:
              days: \#(DeterminationClock.decisionDays)

          # 疑点核查完成率: findings older than `days` that are verified, in percent; warns below.
          # Read from the findings register's verification: not run (no data) when the screening has none.
          I08:
            enabled: true
            levels:
              yellow: 80
            params:
              days: 60

          # 违规确认与追回金额: findings confirmed as irregular and money recovered; reported, no warning.
          # Read from the findings register's verification, like I08.
          I09:
            enabled: true

        # 核查时限: the calendar days a finding's verification has, by level, from the day it was first
        # found (the screening date of the run that first raised it); open after that, it is overdue.
        verification:
          due_days:
            red: 15
            orange: 30
            yellow: 60

        # 评价考核: how the province scores its cities, 0–100, from the indicators each screening stores.
        # levels: the indicators' warnings in the city (100 less the points of each warning's level);
        # figures: an indicator's own figure by bands (the first band whose min/max the figure meets);
        # on_time: the findings due (verification.due_days) before the period's last day that were
        # verified by their due date, in percent, by bands.
        evaluation:
          levels:
            weight: 40
            deduct:
              red: 40
              orange: 25
              yellow: 10
          figures:
            I07:
              weight: 30
              bands:
                - { min: 95, score: 100 }
                - { min: 90, score: 80 }
                - { min: 80, score: 60 }
                - { min: 0, score: 30 }
            I08:
              weight: 30
              bands:
                - { min: 95, score: 100 }
                - { min: 90, score: 80 }
                - { min: 80, score: 60 }
                - { min: 0, score: 30 }
          on_time:
            weight: 30
            bands:
              - { min: 95, score: 100 }
              - { min: 90, score: 80 }
              - { min: 80, score: 60 }
              - { min: 0, score: 30 }

        # City overrides: the city's values win over the province's, key by key. For example:
        #
        # cities:
        #   "320100":
        #     rules:
        #       R03:
        #         params:
        #           threshold:
        #             MED: 150000
        cities: {}

        """#
}
