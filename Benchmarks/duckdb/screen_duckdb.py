#!/usr/bin/env python3
"""FundGuard's rules and indicators as SQL in DuckDB, over the same interchange CSV files, side by side.

Run by `fundbench screen` right after FundGuard's own screen (BENCHMARKS.md "Screening", "Every rule"):

    python3 Benchmarks/duckdb/screen_duckdb.py --data DIR --as-of 2026-09-30 --fundguard results.json

1. Reads every CSV file the rules read into DuckDB tables (in memory), timed per file, then derives the
   tables several rules share (the item list, each case's assessment steps, wages by month, the calendar,
   pensions, the resolved parameters), timed too: DuckDB's counterpart of FundGuard's loadDataSet() +
   Snapshot.
2. Runs each rule's query, materializing its finding rows (CREATE TEMP TABLE … AS), timed per rule; each
   indicator's query yields one row per region and judged period with its figure and warning.
3. Prints both side by side: per rule, FundGuard's time for the rule alone on the snapshot against the
   query's time; in total, DuckDB's whole run (CSV reading + derived tables + every query) against
   FundGuard's whole screen (load + snapshot + every rule and indicator in one engine run), and checks
   that both find the same number of findings per rule and indicator (region warnings). Exits with
   status 1 on any difference.

The SQL follows the Swift rules (Sources/Screening/Rules, Sources/Screening/Indicators, and FundRules'
EntitlementCalculator for R10) at the default thresholds of rules.yaml (no city overrides): same items,
windows, levels and tie-breaks. Each rule's query yields one row per finding, as FundGuard counts them
(per payment, case, assessment, institution and year, expert, expert and employer, account). Ids are
taken as unique per file, as the import (an upsert) leaves them.
"""

import argparse
import datetime
import json
import os
import sys
import time

import duckdb

# Every rule's query yields one row per finding. `sd` is the service date (period_start, else paid_date).
RULES = {
    # 身份证号校验错误: GB 11643 check character (ISO 7064 MOD 11-2), one finding per worker id and (rev. 2)
    # one per dependant id.
    "DQ01": """
        WITH ids AS (
            SELECT DISTINCT worker_id AS id, 'worker' AS kind FROM workers
            UNION ALL SELECT DISTINCT dependent_id, 'dependent' FROM dependents),
        s AS (
            SELECT id, kind,
                list_sum(list_transform(range(1, 18), lambda i: (ascii(substr(id, i, 1)) - 48)
                                                           * [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][i])) AS total
            FROM ids)
        SELECT id, kind FROM s WHERE substr('10X98765432', (total % 11)::INT + 1, 1) <> substr(id, 18, 1)
    """,
    # 清单外支出: the item is not on the province's list (the national items with benefit_items.csv's
    # additions and retirements, derived table item_list), or retired (off_list); an addition without a
    # basis (without_basis). Every payment, reversals included.
    "R01": """
        SELECT p.payment_id, CASE WHEN i.code IS NULL OR i.status = 'retired' THEN 'off_list' ELSE 'without_basis' END AS why
        FROM payments p LEFT JOIN item_list i ON i.code = p.item_code
        WHERE i.code IS NULL OR i.status = 'retired' OR NOT i.has_basis
    """,
    # 单位负担项目由基金支付: the item's payer is the employer (whatever its status).
    "R02": """
        SELECT p.payment_id FROM payments p JOIN item_list i ON i.code = p.item_code WHERE i.payer = 'employer'
    """,
    # 大额支出: amount above the item's threshold T (yellow > 1×T, orange > 2×T, red > 5×T).
    "R03": """
        SELECT p.payment_id,
            CASE WHEN p.amount > 5 * t.threshold THEN 'red' WHEN p.amount > 2 * t.threshold THEN 'orange'
                 ELSE 'yellow' END AS severity
        FROM payments p
        JOIN (VALUES ('MED', 100000), ('REHAB', 50000), ('DEVICE', 30000), ('TRAVEL', 10000), ('MEAL', 5000),
                     ('ASSESSMENT_FEE', 2000)) t(item_code, threshold) USING (item_code)
        WHERE p.amount > t.threshold
    """,
    # 高频支出: N or more payments of an item for one worker within any D days (by service date, both
    # ends included), reversals not counted; one finding per worker and item (yellow ≥ N, orange ≥ 2N).
    "R04": """
        WITH s0 AS (
            SELECT worker_id, item_code, (sd - DATE '1970-01-01') AS day
            FROM payments WHERE item_code IN ('MED', 'REHAB', 'TRAVEL', 'DEVICE') AND amount >= 0),
        -- a worker with fewer than N payments of the item in all cannot reach N in a window
        s AS (
            SELECT s0.* FROM s0 SEMI JOIN (
                SELECT worker_id, item_code FROM s0
                GROUP BY ALL HAVING count(*) >= CASE any_value(item_code) WHEN 'MED' THEN 8 WHEN 'REHAB' THEN 12
                                                                       WHEN 'TRAVEL' THEN 4 ELSE 2 END) c
                ON s0.worker_id = c.worker_id AND s0.item_code = c.item_code),
        w30 AS (
            SELECT worker_id, item_code,
                count(*) OVER (PARTITION BY worker_id, item_code ORDER BY day
                               RANGE BETWEEN CURRENT ROW AND 29 FOLLOWING) AS n
            FROM s WHERE item_code IN ('MED', 'REHAB', 'TRAVEL')),
        w365 AS (
            SELECT worker_id, item_code,
                count(*) OVER (PARTITION BY worker_id, item_code ORDER BY day
                               RANGE BETWEEN CURRENT ROW AND 364 FOLLOWING) AS n
            FROM s WHERE item_code = 'DEVICE'),
        worst AS (
            SELECT worker_id, item_code, max(n) AS n FROM (SELECT * FROM w30 UNION ALL SELECT * FROM w365)
            GROUP BY ALL)
        SELECT worker_id, item_code, n,
            CASE WHEN n >= 2 * c.needed THEN 'orange' ELSE 'yellow' END AS severity
        FROM worst JOIN (VALUES ('MED', 8), ('REHAB', 12), ('TRAVEL', 4), ('DEVICE', 2)) c(item_code, needed)
            USING (item_code)
        WHERE n >= c.needed
    """,
    # 死亡后支出: service date after the person's (earliest) death; FUNERAL, DEATH_LUMP and DEPENDANT check
    # the dependant instead of the worker.
    "R05": """
        WITH d AS (SELECT person_id, min(death_date) AS death FROM ext_deaths GROUP BY ALL)
        SELECT p.payment_id
        FROM payments p
        JOIN d ON d.person_id = CASE WHEN p.item_code IN ('FUNERAL', 'DEATH_LUMP', 'DEPENDANT')
                                     THEN p.dependent_id ELSE p.worker_id END
        WHERE p.sd > d.death
    """,
    # 伤残津贴与养老金重复: DISABILITY_MONTHLY on or after the (earliest) pension start.
    "R06": """
        WITH s AS (SELECT person_id, min(start_date) AS start FROM ext_pensions GROUP BY ALL)
        SELECT p.payment_id
        FROM payments p JOIN s ON s.person_id = p.worker_id
        WHERE p.item_code = 'DISABILITY_MONTHLY' AND p.sd >= s.start
    """,
    # 与医保重复报销: MED/REHAB at an institution whose period overlaps a medical-insurance stay of the
    # worker at the same institution, or whose invoice number is the stay's.
    "R07": """
        SELECT DISTINCT p.payment_id
        FROM payments p
        JOIN ext_medical_insurance m ON m.person_id = p.worker_id AND m.institution_id = p.institution_id
        WHERE p.item_code IN ('MED', 'REHAB')
          AND ((p.period_start IS NOT NULL
                AND greatest(p.period_start, m.admission_date)
                    <= least(coalesce(p.period_end, p.period_start), coalesce(m.discharge_date, m.admission_date)))
               OR (p.invoice_no IS NOT NULL AND m.invoice_no = p.invoice_no))
    """,
    # 重复票据 (rev. 2): same institution and invoice number; every payment after the first (paid_date,
    # payment_id) fires, once the reversals have cancelled the earliest payments of their amount (a
    # reversal of amount −a cancels the first not yet cancelled payment of a; n reversals the first n).
    "R08": """
        WITH p AS (
            SELECT payment_id, institution_id, invoice_no, amount, paid_date FROM payments
            WHERE institution_id IS NOT NULL AND invoice_no IS NOT NULL
              -- an invoice paid once cannot repeat: only the invoices of several payments are ordered
              AND (institution_id, invoice_no) IN (
                SELECT (institution_id, invoice_no) FROM payments WHERE institution_id IS NOT NULL AND invoice_no IS NOT NULL
                GROUP BY ALL HAVING count(*) > 1)),
        pos AS (
            SELECT *, row_number() OVER (PARTITION BY institution_id, invoice_no, amount
                                         ORDER BY paid_date, payment_id) AS r
            FROM p WHERE amount >= 0),
        rev AS (SELECT institution_id, invoice_no, -amount AS amount, count(*) AS n FROM p WHERE amount < 0 GROUP BY ALL),
        kept AS (
            SELECT pos.* FROM pos LEFT JOIN rev USING (institution_id, invoice_no, amount)
            WHERE pos.r > coalesce(rev.n, 0))
        SELECT payment_id FROM (
            SELECT payment_id,
                row_number() OVER (PARTITION BY institution_id, invoice_no ORDER BY paid_date, payment_id) AS k
            FROM kept)
        WHERE k > 1
    """,
    # 非协议机构: MED/MEAL (medical), REHAB (rehab), DEVICE (assistive) at an institution without an
    # active agreement of that service covering the service date.
    "R09": """
        SELECT p.payment_id
        FROM (SELECT p.payment_id, p.institution_id, p.sd, s.service FROM payments p
              JOIN (VALUES ('MED', 'medical'), ('MEAL', 'medical'), ('REHAB', 'rehab'), ('DEVICE', 'assistive'))
                  s(item_code, service) USING (item_code)
              WHERE p.institution_id IS NOT NULL) p
        ANTI JOIN (SELECT institution_id, start_date, end_date, unnest(string_split(services, ';')) AS service
                   FROM agreements WHERE status = 'active') a
            ON a.institution_id = p.institution_id AND a.service = p.service
           AND a.start_date <= p.sd AND p.sd <= a.end_date
    """,
    # 超标准支付 (rev. 2): more than the statutory amount (rules.md §1, §5) by more than 1 yuan. Each payment
    # of an item with a statutory amount (no reversals, its case in injury_cases.csv) is judged with the
    # grade of its case's latest assessment concluded before the service date; a monthly item is the sum of
    # each calendar month's own amount: NURSING at the average wage of the month's year; DISABILITY_MONTHLY
    # the accident year's base adjusted by each later year's adjust_ratio/adjust_amount (recursive CTE adj,
    # rounded each year) then topped up to the minimum wage of the month's year; PENSION_TOPUP that minus
    # the pension row in force on the month's first day; DEPENDANT the dependant's share (capped over the
    # dependants eligible that month) adjusted from the year of death. A month that cannot be judged (no
    # grade, a missing own wage or parameter, an invalid grade) leaves the payment unjudged. An amount of 0
    # (entitled to nothing) does not fire when R12 or R15 fires on the payment (their finding tables).
    # Amounts are exact: the bounded own wage is carried ×5 in 1/100 fen (w5) and rounded once, half up.
    "R10": """
        WITH RECURSIVE
        pay AS (
            SELECT p.payment_id, p.case_id, p.item_code, p.dependent_id, (p.amount * 100)::BIGINT AS fen, p.sd,
                midx(p.sd) AS first_m,
                CASE WHEN p.item_code IN ('NURSING', 'DISABILITY_MONTHLY', 'PENSION_TOPUP', 'DEPENDANT',
                                          'DISABILITY_MONTHLY_5_6')
                     THEN greatest(midx(p.sd), midx(coalesce(p.period_end, p.sd))) ELSE midx(p.sd) END AS last_m
            FROM payments p SEMI JOIN injury_cases c USING (case_id)
            WHERE p.amount >= 0
              AND p.item_code IN ('NURSING', 'DISABILITY_LUMP', 'DISABILITY_MONTHLY', 'PENSION_TOPUP', 'MEDICAL_LUMP',
                                  'FUNERAL', 'DEPENDANT', 'DEATH_LUMP', 'DISABILITY_MONTHLY_5_6', 'EMPLOYMENT_LUMP')),
        pa AS (
            SELECT pay.*, s.grade, s.nursing
            FROM pay ASOF LEFT JOIN assessment_steps s ON s.case_id = pay.case_id AND pay.sd > s.concluded_date),
        death AS (SELECT person_id, min(death_date) AS death FROM ext_deaths GROUP BY ALL),
        cf0 AS (
            SELECT c.case_id, c.region_code, year(c.accident_date) AS ay, c.worker_id, coalesce(c.fatal, false) AS fatal,
                coalesce(d.death, CASE WHEN c.fatal THEN c.accident_date END) AS dod,
                CASE WHEN c.own_wage IS NOT NULL AND a.value_tt IS NOT NULL
                     THEN least(greatest((c.own_wage * 100)::BIGINT * 500, 3 * a.value_tt), 15 * a.value_tt) END AS w5
            FROM (SELECT DISTINCT ON (case_id) * FROM injury_cases WHERE case_id IN (SELECT case_id FROM pay)) c
            LEFT JOIN death d ON d.person_id = c.worker_id
            LEFT JOIN param_resolved a
                ON a.region_code = c.region_code AND a.year = year(c.accident_date) AND a.name = 'avg_monthly_wage'),
        cf AS (
            SELECT cf0.*, year(cf0.dod) AS dy,
                cf0.fatal OR coalesce(s.grade BETWEEN 1 AND 4, false) AS survivor,
                cf0.fatal AND NOT coalesce(s.grade BETWEEN 1 AND 4, false) AS death_lump
            FROM cf0 ASOF LEFT JOIN assessment_steps s ON s.case_id = cf0.case_id AND cf0.dod > s.concluded_date),
        pm AS (
            SELECT pa.*, cf.region_code, cf.ay, cf.dy, cf.worker_id, cf.survivor, cf.death_lump, cf.w5, m, m // 12 AS y,
                make_date((m // 12)::INT, (m % 12 + 1)::INT, 1) AS fd
            FROM (SELECT *, unnest(generate_series(first_m, last_m)) AS m FROM pa) pa JOIN cf USING (case_id)),
        -- the dependants of the cases paying DEPENDANT, each person once, and who is eligible in each month
        deps AS (
            SELECT DISTINCT ON (case_id, dependent_id) case_id, dependent_id, relation, coalesce(disabled, false) AS disabled,
                start_date, end_date, coalesce(birth_date, try_strptime(substr(dependent_id, 7, 8), '%Y%m%d')::DATE) AS birth,
                (ascii(substr(dependent_id, 17, 1)) - 48) % 2 = 1 AS man,
                CASE WHEN relation = 'spouse' THEN 40 ELSE 30 END + CASE WHEN coalesce(lone, false) THEN 10 ELSE 0 END AS pct
            FROM dependents WHERE case_id IN (SELECT case_id FROM pay WHERE item_code = 'DEPENDANT')
            ORDER BY case_id, dependent_id, row),
        delig AS (
            SELECT dm.case_id, dm.m, d.dependent_id, d.pct,
                NOT coalesce(dm.fd < d.start_date, false) AND NOT coalesce(dm.fd > d.end_date, false)
                AND (d.disabled OR d.birth IS NULL
                     OR (d.relation IN ('spouse', 'parent', 'grandparent')
                         AND dm.fd >= birthday(d.birth, CASE WHEN d.man THEN 60 ELSE 55 END))
                     OR (d.relation IN ('child', 'grandchild', 'sibling') AND dm.fd < birthday(d.birth, 18))) AS ok
            FROM (SELECT DISTINCT case_id, m, fd FROM pm WHERE item_code = 'DEPENDANT') dm JOIN deps d USING (case_id)),
        dcap AS (
            SELECT case_id, m, greatest(coalesce(sum(pct) FILTER (ok), 0), 100) AS over FROM delig GROUP BY ALL),
        -- each month's base before the 条例 40 adjustments (fen), and the year it is adjusted from
        based AS (
            SELECT pm.*, de.dependent_id IS NOT NULL AS known_dependant, coalesce(de.ok, false) AS eligible,
                CASE WHEN pm.item_code IN ('DISABILITY_MONTHLY', 'PENSION_TOPUP') AND pm.grade BETWEEN 1 AND 4
                     THEN rhu(pm.w5 * [90, 85, 80, 75][pm.grade], 50000)::BIGINT
                     WHEN pm.item_code = 'DEPENDANT' AND de.ok THEN rhu(pm.w5 * de.pct, 500 * dcap.over)::BIGINT END AS base,
                CASE WHEN pm.item_code = 'DEPENDANT' THEN pm.dy ELSE pm.ay END AS y0
            FROM pm
            LEFT JOIN delig de ON pm.item_code = 'DEPENDANT' AND de.case_id = pm.case_id AND de.m = pm.m
                AND de.dependent_id = pm.dependent_id
            LEFT JOIN dcap ON pm.item_code = 'DEPENDANT' AND dcap.case_id = pm.case_id AND dcap.m = pm.m),
        adj(region_code, base, y0, y1, y, a) AS (
            SELECT region_code, base, y0, max(y), y0, base FROM based
            WHERE base IS NOT NULL AND y > y0 GROUP BY region_code, base, y0
            UNION ALL
            SELECT adj.region_code, adj.base, adj.y0, adj.y1, adj.y + 1,
                CASE WHEN coalesce(r.value_tt, 0) = 0 AND coalesce(s.value_tt, 0) = 0 THEN adj.a
                     ELSE rhu(adj.a::HUGEINT * (10000 + coalesce(r.value_tt, 0)) + coalesce(s.value_tt, 0) * 100, 10000)::BIGINT END
            FROM adj
            LEFT JOIN param_resolved r ON r.region_code = adj.region_code AND r.year = adj.y + 1 AND r.name = 'adjust_ratio'
            LEFT JOIN param_resolved s ON s.region_code = adj.region_code AND s.year = adj.y + 1 AND s.name = 'adjust_amount'
            WHERE adj.y < adj.y1),
        adjusted AS (
            SELECT b.*, CASE WHEN b.y > b.y0 THEN adj.a ELSE b.base END AS a,
                minw.value_tt AS minw, avgm.value_tt AS avgm,
                -- 伤残津贴 of the month (DISABILITY_MONTHLY, and PENSION_TOPUP's minuend): 0 for grades 5–10
                CASE WHEN b.grade >= 5 THEN 0 WHEN b.grade IS NULL OR b.base IS NULL OR minw.value_tt IS NULL THEN NULL
                     WHEN (CASE WHEN b.y > b.y0 THEN adj.a ELSE b.base END) * 100 >= minw.value_tt
                     THEN CASE WHEN b.y > b.y0 THEN adj.a ELSE b.base END
                     ELSE rhu(minw.value_tt, 100) END AS allowance
            FROM based b
            LEFT JOIN adj ON b.y > b.y0 AND adj.region_code = b.region_code AND adj.base = b.base AND adj.y0 = b.y0
                AND adj.y = b.y
            LEFT JOIN param_resolved minw ON minw.region_code = b.region_code AND minw.name = 'min_monthly_wage'
                AND minw.year = CASE WHEN b.item_code = 'DISABILITY_MONTHLY_5_6' THEN b.ay ELSE greatest(b.y, b.ay) END
            LEFT JOIN param_resolved avgm ON avgm.region_code = b.region_code AND avgm.name = 'avg_monthly_wage'
                AND avgm.year = CASE WHEN b.item_code = 'FUNERAL' THEN b.dy ELSE b.y END),
        pensioned AS (
            SELECT x.*, ps.person_id IS NOT NULL OR midx(pf.start_date) = x.m AS has_pension,
                CASE WHEN ps.person_id IS NOT NULL THEN ps.fen ELSE pf.fen END AS pension
            FROM (SELECT * FROM adjusted WHERE item_code = 'PENSION_TOPUP') x
            ASOF LEFT JOIN pension_steps ps ON ps.person_id = x.worker_id AND x.fd >= ps.start_date
            LEFT JOIN pension_first pf ON pf.person_id = x.worker_id
            UNION ALL BY NAME
            SELECT *, NULL AS has_pension, NULL::BIGINT AS pension FROM adjusted WHERE item_code <> 'PENSION_TOPUP'),
        amounts AS (
            SELECT x.payment_id, x.fen, x.first_m = x.last_m AS single,
                CASE
                    WHEN x.grade IS NOT NULL AND x.grade NOT BETWEEN 1 AND 10 THEN NULL
                    WHEN x.item_code = 'NURSING' THEN
                        CASE WHEN x.grade IS NOT NULL AND x.nursing IN ('full', 'most', 'partial')
                             THEN rhu(x.avgm * CASE x.nursing WHEN 'full' THEN 50 WHEN 'most' THEN 40 ELSE 30 END, 10000) END
                    WHEN x.item_code = 'DISABILITY_LUMP' THEN
                        rhu(x.w5 * [27, 25, 23, 21, 18, 16, 13, 11, 9, 7][x.grade], 500)
                    WHEN x.item_code IN ('DISABILITY_MONTHLY', 'PENSION_TOPUP') AND x.grade IS NULL THEN NULL
                    WHEN x.item_code = 'DISABILITY_MONTHLY' THEN x.allowance
                    WHEN x.item_code = 'PENSION_TOPUP' THEN
                        CASE WHEN x.allowance IS NULL THEN NULL WHEN NOT x.has_pension THEN 0 WHEN x.pension IS NULL THEN NULL
                             ELSE greatest(x.allowance - x.pension, 0) END
                    WHEN x.item_code IN ('MEDICAL_LUMP', 'EMPLOYMENT_LUMP') THEN
                        CASE WHEN x.grade IS NULL THEN NULL WHEN x.grade <= 4 THEN 0
                             ELSE rhu(x.w5 * months.value_tt, 5000000) END
                    WHEN x.item_code = 'DISABILITY_MONTHLY_5_6' THEN
                        CASE WHEN x.grade IN (5, 6) AND x.w5 IS NOT NULL AND x.minw IS NOT NULL THEN
                             CASE WHEN x.w5 * [70, 60][x.grade - 4] >= 500 * x.minw
                                  THEN rhu(x.w5 * [70, 60][x.grade - 4], 50000) ELSE rhu(x.minw, 100) END END
                    WHEN x.item_code = 'FUNERAL' THEN CASE WHEN NOT x.survivor THEN 0 ELSE rhu(x.avgm * 6, 100) END
                    WHEN x.item_code = 'DEATH_LUMP' THEN CASE WHEN NOT x.death_lump THEN 0 ELSE rhu(udi.value_tt * 20, 100) END
                    WHEN x.item_code = 'DEPENDANT' THEN
                        CASE WHEN x.dependent_id IS NULL OR NOT x.known_dependant OR NOT x.survivor THEN 0
                             WHEN x.w5 IS NULL THEN NULL WHEN NOT x.eligible THEN 0 ELSE x.a END
                END AS v
            FROM pensioned x
            LEFT JOIN param_resolved months ON x.item_code IN ('MEDICAL_LUMP', 'EMPLOYMENT_LUMP')
                AND months.region_code = x.region_code AND months.year = x.ay
                AND months.name = CASE x.item_code WHEN 'MEDICAL_LUMP' THEN 'medical_subsidy_months_'
                                                   ELSE 'employment_subsidy_months_' END || x.grade
            LEFT JOIN param_resolved udi ON x.item_code = 'DEATH_LUMP' AND udi.region_code = '000000'
                AND udi.name = 'urban_disposable_income' AND udi.year = x.dy),
        judged AS (  -- most payments pay one month: only the others are summed
            SELECT payment_id, fen, 1 AS months, CASE WHEN v IS NULL THEN 0 ELSE 1 END AS known, v AS allowed
            FROM amounts WHERE single
            UNION ALL
            SELECT payment_id, any_value(fen), count(*), count(v), sum(v) FROM amounts WHERE NOT single
            GROUP BY payment_id)
        SELECT payment_id, fen - allowed AS excess FROM judged
        WHERE known = months AND fen > allowed + 100
          AND NOT (allowed = 0 AND (payment_id IN (SELECT payment_id FROM findings_R12)
                                    OR payment_id IN (SELECT payment_id FROM findings_R15)))
    """,
    # 无认定支出: not an advance, and the case is missing, not recognized/deemed, or the service date is
    # before the accident.
    "R11": """
        SELECT p.payment_id
        FROM payments p LEFT JOIN injury_cases c ON c.case_id = p.case_id
        WHERE NOT p.advance
          AND NOT coalesce(c.decision IN ('recognized', 'deemed') AND p.sd >= c.accident_date, false)
    """,
    # 无鉴定或等级不符: the latest assessment of the payment's case concluded strictly before the service
    # date (derived table assessment_steps, ASOF join); a lump sum needs a grade, DISABILITY_MONTHLY grade
    # 1–4, NURSING a nursing level other than none. Payments without a case are R11's.
    "R12": """
        SELECT p.payment_id
        FROM (SELECT payment_id, case_id, item_code, sd FROM payments
              WHERE case_id IS NOT NULL
                AND item_code IN ('DISABILITY_LUMP', 'MEDICAL_LUMP', 'EMPLOYMENT_LUMP', 'DISABILITY_MONTHLY', 'NURSING')) p
        ASOF LEFT JOIN assessment_steps s ON s.case_id = p.case_id AND p.sd > s.concluded_date
        WHERE CASE p.item_code
                WHEN 'DISABILITY_MONTHLY' THEN NOT coalesce(s.grade BETWEEN 1 AND 4, false)
                WHEN 'NURSING' THEN coalesce(s.nursing, 'none') = 'none'
                ELSE s.grade IS NULL END
    """,
    # 参保即出险: the accident before insured_since or after insured_until (red), or 0–30 days after
    # insured_since (orange); one finding per case; a worker without insured_since is not checked.
    "R13": """
        SELECT c.case_id,
            CASE WHEN c.accident_date < w.insured_since OR c.accident_date > w.insured_until THEN 'red' ELSE 'orange' END
        FROM injury_cases c JOIN workers w USING (worker_id)
        WHERE w.insured_since IS NOT NULL
          AND (c.accident_date < w.insured_since OR c.accident_date > w.insured_until
               OR c.accident_date - w.insured_since <= 30)
    """,
    # 住院时间重叠: a MED stay (period of at least 1 night at an institution) overlapping by at least 1
    # night an earlier stay (by period_start, paid_date, payment_id) of the same worker elsewhere, or
    # (rev. 2) a medical-insurance stay of the worker at another institution (no discharge: its admission day).
    "R14": """
        WITH s AS (
            SELECT payment_id, worker_id, institution_id, period_start, period_end, paid_date
            FROM payments
            WHERE item_code = 'MED' AND institution_id IS NOT NULL AND period_start IS NOT NULL
              AND period_end IS NOT NULL AND period_end - period_start >= 1)
        SELECT s.payment_id
        FROM s JOIN s o ON o.worker_id = s.worker_id AND o.institution_id <> s.institution_id
        WHERE (o.period_start < s.period_start
               OR (o.period_start = s.period_start
                   AND (o.paid_date < s.paid_date OR (o.paid_date = s.paid_date AND o.payment_id < s.payment_id))))
          AND least(s.period_end, o.period_end) - s.period_start >= 1
        UNION
        SELECT s.payment_id
        FROM s JOIN ext_medical_insurance m
            ON m.person_id = s.worker_id AND m.institution_id IS NOT NULL AND m.institution_id <> s.institution_id
        WHERE least(s.period_end, coalesce(m.discharge_date, m.admission_date)) - greatest(s.period_start, m.admission_date) >= 1
    """,
    # 供养亲属资格 (rev. 2, 供养亲属范围规定 art. 3): a DEPENDANT payment without a dependant id, or to a person
    # who is not a dependant of its case (any case for a payment without one), or with a month (judged on
    # its first day; the service date without a period) before start_date, after end_date, or — not
    # disabled — a spouse, parent or grandparent under 60 (a man: odd 17th digit) or 55 (a woman), a
    # child, grandchild or sibling from the 18th birthday (29 February → 1 March).
    "R15": """
        WITH p AS (
            SELECT payment_id, case_id, dependent_id, sd, period_start, period_end FROM payments
            WHERE item_code = 'DEPENDANT'),
        pick AS (
            SELECT p.payment_id, d.*, row_number() OVER (PARTITION BY p.payment_id ORDER BY d.row) AS k
            FROM p JOIN dependents d
                ON d.dependent_id = p.dependent_id AND (p.case_id IS NULL OR d.case_id = p.case_id)),
        dep AS (
            SELECT *, coalesce(birth_date, try_strptime(substr(dependent_id, 7, 8), '%Y%m%d')::DATE) AS birth,
                (ascii(substr(dependent_id, 17, 1)) - 48) % 2 = 1 AS man
            FROM pick WHERE k = 1),
        days AS (
            SELECT p.payment_id,
                unnest(CASE WHEN p.period_start IS NULL THEN [p.sd]
                            ELSE generate_series(date_trunc('month', p.period_start),
                                                 date_trunc('month', greatest(coalesce(p.period_end, p.period_start),
                                                                              p.period_start)),
                                                 INTERVAL 1 MONTH)::DATE[] END) AS day
            FROM p JOIN dep USING (payment_id))
        SELECT payment_id FROM p WHERE dependent_id IS NULL
        UNION
        SELECT payment_id FROM p WHERE dependent_id IS NOT NULL AND payment_id NOT IN (SELECT payment_id FROM dep)
        UNION
        SELECT days.payment_id FROM days JOIN dep USING (payment_id)
        WHERE (start_date IS NOT NULL AND days.day < start_date)
           OR (end_date IS NOT NULL AND days.day > end_date)
           OR (NOT coalesce(disabled, false) AND birth IS NOT NULL
               AND ((relation IN ('spouse', 'parent', 'grandparent')
                     AND days.day < CASE WHEN man THEN CASE WHEN month(birth) = 2 AND day(birth) = 29 AND NOT ((year(birth) + 60) % 4 = 0 AND ((year(birth) + 60) % 100 <> 0 OR (year(birth) + 60) % 400 = 0)) THEN make_date(year(birth) + 60, 3, 1) ELSE make_date(year(birth) + 60, month(birth), day(birth)) END ELSE CASE WHEN month(birth) = 2 AND day(birth) = 29 AND NOT ((year(birth) + 55) % 4 = 0 AND ((year(birth) + 55) % 100 <> 0 OR (year(birth) + 55) % 400 = 0)) THEN make_date(year(birth) + 55, 3, 1) ELSE make_date(year(birth) + 55, month(birth), day(birth)) END END)
                    OR (relation IN ('child', 'grandchild', 'sibling') AND days.day >= CASE WHEN month(birth) = 2 AND day(birth) = 29 AND NOT ((year(birth) + 18) % 4 = 0 AND ((year(birth) + 18) % 100 <> 0 OR (year(birth) + 18) % 400 = 0)) THEN make_date(year(birth) + 18, 3, 1) ELSE make_date(year(birth) + 18, month(birth), day(birth)) END)))
    """,
    # 机构费用异常: per institution of institutions.csv and calendar year of service, the MED payments (no
    # reversals); the mean per payment (fen, half up) above 2 × the median of its peers (same province,
    # kind and grade, ≥ 30 payments that year, itself included); one finding per institution and year.
    "R16": """
        WITH t AS (
            SELECT p.institution_id, year(p.sd) AS year, count(*) AS n,
                (2 * sum((p.amount * 100)::BIGINT) + count(*)) // (2 * count(*)) AS mean,
                any_value(substr(i.region_code, 1, 2) || '0000') AS province, any_value(i.kind) AS kind,
                any_value(coalesce(i.grade, '')) AS grade
            FROM payments p JOIN (SELECT DISTINCT ON (institution_id) * FROM institutions) i USING (institution_id)
            WHERE p.item_code = 'MED' AND p.amount >= 0
            GROUP BY ALL),
        peers AS (
            SELECT province, kind, grade, year, list_sort(list(mean)) AS means FROM t WHERE n >= 30 GROUP BY ALL),
        m AS (SELECT *, means[(len(means) + 1) // 2] + means[len(means) // 2 + 1] AS twice_median FROM peers)
        SELECT t.institution_id, t.year, CASE WHEN 2 * t.mean > 3 * m.twice_median THEN 'red' ELSE 'orange' END
        FROM t JOIN m USING (province, kind, grade, year)
        WHERE t.n >= 30 AND m.twice_median > 0 AND t.mean > m.twice_median
    """,
    # 鉴定等级异常集中: concluded (on or before the screening date) initial assessments per evidence
    # hospital and per expert; at least 20, and z = (x·b − n·a) / √(n·a·(b − a)) > 3, exactly.
    "R17": """
        WITH a AS (
            SELECT assessment_id, hospital_id, experts, coalesce(grade BETWEEN 1 AND 4, false) AS severe
            FROM assessments
            WHERE kind = 'initial' AND concluded_date IS NOT NULL AND concluded_date <= getvariable('as_of')),
        province AS (SELECT count(*) FILTER (severe)::HUGEINT AS a, count(*)::HUGEINT AS b FROM a),
        subjects AS (
            SELECT 'institution' AS kind, hospital_id AS id, severe FROM a WHERE hospital_id <> ''
            UNION ALL
            SELECT 'expert', id, severe FROM (
                SELECT DISTINCT assessment_id, severe, id
                FROM (SELECT assessment_id, severe, unnest(string_split(experts, ';')) AS id FROM a))
            WHERE id <> ''),
        tally AS (SELECT kind, id, count(*)::HUGEINT AS n, count(*) FILTER (severe)::HUGEINT AS x FROM subjects GROUP BY ALL)
        SELECT kind, id, n, x FROM tally, province
        WHERE n >= 20 AND x * b - n * a > 0 AND (x * b - n * a) * (x * b - n * a) > 9 * n * a * (b - a)
    """,
    # 专家回避与集中: (recusal) an assessment with an expert of its evidence hospital, one finding per
    # assessment; (concentration) an expert on ≥ 5 panels for workers of one employer (the case's) within
    # 365 days (a panel's date: concluded_date, else applied_date), one finding per expert and employer.
    "R18": """
        WITH seats AS (
            SELECT DISTINCT assessment_id, case_id, hospital_id, coalesce(concluded_date, applied_date) AS day, expert_id
            FROM (SELECT *, unnest(string_split(experts, ';')) AS expert_id FROM assessments)
            WHERE expert_id <> ''),
        recusal AS (
            SELECT DISTINCT s.assessment_id FROM seats s JOIN experts e USING (expert_id)
            WHERE s.hospital_id <> '' AND e.institution_id = s.hospital_id),
        panels AS (
            SELECT s.expert_id, c.employer_id,
                count(*) OVER (PARTITION BY s.expert_id, c.employer_id ORDER BY (s.day - DATE '1970-01-01')
                               RANGE BETWEEN 364 PRECEDING AND CURRENT ROW) AS n
            FROM seats s JOIN injury_cases c USING (case_id)
            WHERE s.day IS NOT NULL AND c.employer_id <> '')
        SELECT 'assessment' AS subject, assessment_id AS id, NULL AS employer FROM recusal
        UNION ALL
        SELECT 'expert', expert_id, employer_id FROM panels GROUP BY ALL HAVING max(n) >= 5
    """,
    # 账户集中: an account receiving payments (not at an institution) of 3 or more workers (orange ≥ 3, red ≥ 6).
    "R19": """
        SELECT payee_account, count(DISTINCT worker_id) AS workers, sum(amount) AS amount
        FROM payments
        WHERE payee_account IS NOT NULL AND institution_id IS NULL
        GROUP BY ALL
        HAVING count(DISTINCT worker_id) >= 3
    """,
    # 认定申请超期 (rev. 2): applied after the 30th day after the accident, moved to the next working day
    # (calendar); one finding per case (worker_late or employer_late).
    "R20": """
        WITH c AS (
            SELECT case_id, region_code, applied_date, accident_date + 30 AS last_day FROM injury_cases
            WHERE applied_date IS NOT NULL AND applicant IS NOT NULL AND applied_date > accident_date + 30)
        SELECT case_id FROM c JOIN ({deadline_c}) d USING (case_id) WHERE c.applied_date > d.due
    """,
    # 认定办理超时: decided after the 60th day after acceptance (moved to the next working day), or still
    # pending after it on the screening date; suspended and other undecided cases are not counted.
    "R21": """
        WITH c AS (
            SELECT case_id, region_code, decided_date, decision, accepted_date + 60 AS last_day FROM injury_cases
            WHERE accepted_date IS NOT NULL
              AND (decided_date > accepted_date + 60
                   OR (decided_date IS NULL AND decision = 'pending' AND getvariable('as_of') > accepted_date + 60)))
        SELECT case_id FROM c JOIN ({deadline_c}) d USING (case_id)
        WHERE c.decided_date > d.due OR (c.decided_date IS NULL AND getvariable('as_of') > d.due)
    """,
    # 鉴定材料无就诊记录: no visit of the assessment's worker to its evidence hospital between the accident
    # and the application (both days included); one finding per assessment.
    "R22": """
        SELECT a.assessment_id
        FROM (SELECT a.assessment_id, a.worker_id, a.hospital_id, a.applied_date, c.accident_date
              FROM assessments a JOIN injury_cases c USING (case_id)
              WHERE a.hospital_id <> '' AND a.applied_date IS NOT NULL AND c.accident_date <= a.applied_date) a
        ANTI JOIN ext_health_visits v
            ON v.person_id = a.worker_id AND v.institution_id = a.hospital_id
           AND v.visit_date BETWEEN a.accident_date AND a.applied_date
    """,
    # 第三人责任未核实: the case's non-advance MED payments net above zero, and a traffic accident of the
    # worker within 3 days either side with liability other than full; one finding per case.
    "R23": """
        WITH paid AS (
            SELECT case_id, sum(amount) AS paid FROM payments WHERE item_code = 'MED' AND NOT coalesce(advance, false)
            GROUP BY ALL)
        SELECT c.case_id, any_value(paid.paid)
        FROM injury_cases c JOIN paid USING (case_id)
        JOIN ext_traffic_accidents t ON t.person_id = c.worker_id
        WHERE paid.paid > 0 AND t.liability IS DISTINCT FROM 'full' AND abs(t.accident_date - c.accident_date) <= 3
        GROUP BY c.case_id
    """,
    # 服刑期间领取待遇: DEPENDANT of a dependant, DISABILITY_MONTHLY or NURSING of a worker, imprisoned on
    # the service date (start ≤ date ≤ end, or no end).
    "R24": """
        SELECT DISTINCT p.payment_id
        FROM payments p
        JOIN ext_imprisonments i
            ON i.person_id = CASE WHEN p.item_code = 'DEPENDANT' THEN p.dependent_id ELSE p.worker_id END
        WHERE p.item_code IN ('DEPENDANT', 'DISABILITY_MONTHLY', 'NURSING')
          AND i.start_date <= p.sd AND (i.end_date IS NULL OR p.sd <= i.end_date)
    """,
    # 缴费基数突增: the mean wage of the 3 calendar months before the accident month above 1.5 × the median
    # of the 12 months before those (the later row of a repeated month counts); both windows non-empty.
    "R25": """
        WITH c AS (
            SELECT case_id, worker_id, year(accident_date) * 12 + month(accident_date) - 1 AS am FROM injury_cases),
        w AS (
            SELECT c.case_id, wm.fen, wm.m >= c.am - 3 AS recent
            FROM c JOIN wage_months wm ON wm.worker_id = c.worker_id AND wm.m >= c.am - 15 AND wm.m < c.am),
        agg AS (
            SELECT case_id, sum(fen) FILTER (recent)::HUGEINT AS s, count(*) FILTER (recent) AS k,
                list_sort(list(fen) FILTER (NOT recent)) AS base
            FROM w GROUP BY ALL)
        SELECT case_id FROM agg
        WHERE k > 0 AND len(base) > 0 AND s > 0
          AND 4 * s > 3 * k * (base[(len(base) + 1) // 2] + base[len(base) // 2 + 1])
    """,
    # 重复支付 (rev. 2): net of reversals (n reversals of a case, item, dependant, period and amount cancel
    # the first n such payments), a one-off item paid again for a case, a month of a monthly item paid
    # again (per case, item, dependant), or a month of DISABILITY_MONTHLY of one worker under two cases
    # (the cases other than the one with the latest assessment concluded before the month fire; without
    # any, every payment after the first). One finding per payment.
    "R26": """
        WITH p AS (
            SELECT payment_id, case_id, worker_id, item_code, dependent_id, amount, paid_date, period_start,
                period_end, sd,
                CASE WHEN item_code IN ('DISABILITY_LUMP', 'MEDICAL_LUMP', 'EMPLOYMENT_LUMP', 'FUNERAL', 'DEATH_LUMP')
                     THEN 'once' ELSE 'monthly' END AS kind
            FROM payments
            WHERE case_id IS NOT NULL
              AND item_code IN ('DISABILITY_LUMP', 'MEDICAL_LUMP', 'EMPLOYMENT_LUMP', 'FUNERAL', 'DEATH_LUMP',
                                'NURSING', 'DISABILITY_MONTHLY', 'PENSION_TOPUP', 'DEPENDANT')),
        -- the n reversals of a case, item, dependant, period and amount cancel the first n such payments
        rev AS (
            SELECT case_id, item_code, dependent_id, period_start, period_end, -amount AS amount, count(*) AS n
            FROM p WHERE amount < 0 GROUP BY ALL),
        cancelled AS (
            SELECT payment_id FROM (
                SELECT p.payment_id, rev.n,
                    row_number() OVER (PARTITION BY p.case_id, p.item_code, p.dependent_id, p.period_start,
                                       p.period_end, p.amount ORDER BY p.paid_date, p.payment_id) AS r
                FROM p JOIN rev
                    ON p.case_id = rev.case_id AND p.item_code = rev.item_code AND p.amount = rev.amount
                   AND p.dependent_id IS NOT DISTINCT FROM rev.dependent_id
                   AND p.period_start IS NOT DISTINCT FROM rev.period_start
                   AND p.period_end IS NOT DISTINCT FROM rev.period_end)
            WHERE r <= n),
        kept AS (SELECT * FROM p WHERE amount >= 0 AND payment_id NOT IN (SELECT payment_id FROM cancelled)),
        once AS (
            SELECT payment_id FROM (
                SELECT payment_id, row_number() OVER (PARTITION BY case_id, item_code, dependent_id
                                                      ORDER BY paid_date, payment_id) AS k
                FROM kept WHERE kind = 'once')
            WHERE k > 1),
        months AS (
            SELECT payment_id, case_id, worker_id, item_code, dependent_id, paid_date,
                unnest(generate_series(year(sd) * 12 + month(sd) - 1,
                                       greatest(year(sd) * 12 + month(sd) - 1,
                                                year(coalesce(period_end, sd)) * 12 + month(coalesce(period_end, sd)) - 1))) AS m
            FROM kept WHERE kind = 'monthly'),
        -- a month of a case, item and dependant paid more than once: every payment after the first
        paid_twice AS (SELECT case_id, item_code, dependent_id, m FROM months GROUP BY ALL HAVING count(*) > 1),
        again AS (
            SELECT payment_id FROM (
                SELECT mo.payment_id, row_number() OVER (PARTITION BY mo.case_id, mo.item_code, mo.dependent_id, mo.m
                                                         ORDER BY mo.paid_date, mo.payment_id) AS k
                FROM months mo JOIN paid_twice t
                    ON mo.case_id = t.case_id AND mo.item_code = t.item_code AND mo.m = t.m
                   AND mo.dependent_id IS NOT DISTINCT FROM t.dependent_id)
            WHERE k > 1),
        -- 条例 45: a month of DISABILITY_MONTHLY of one worker under two cases
        allowance AS (SELECT * FROM months WHERE item_code = 'DISABILITY_MONTHLY'),
        shared AS (
            SELECT a.* FROM allowance a
            SEMI JOIN (SELECT worker_id, m FROM allowance GROUP BY ALL HAVING count(DISTINCT case_id) > 1) t
                ON a.worker_id = t.worker_id AND a.m = t.m),
        ranked AS (
            SELECT s.*, CASE WHEN st.concluded_date IS NOT NULL
                             THEN {'d': st.concluded_date, 's': st.stage, 'id': st.assessment_id} END AS standing
            FROM (SELECT *, make_date((m // 12)::INT, (m % 12 + 1)::INT, 1) AS first_day FROM shared) s
            ASOF LEFT JOIN assessment_steps st ON st.case_id = s.case_id AND s.first_day > st.concluded_date),
        judged AS (
            SELECT payment_id, case_id,
                arg_max(case_id, standing) OVER (PARTITION BY worker_id, m) AS newest,
                row_number() OVER (PARTITION BY worker_id, m ORDER BY paid_date, payment_id) AS k
            FROM ranked),
        cross_case AS (
            SELECT payment_id FROM judged WHERE CASE WHEN newest IS NULL THEN k > 1 ELSE case_id <> newest END)
        SELECT payment_id FROM once UNION SELECT payment_id FROM again UNION SELECT payment_id FROM cross_case
    """,
    # 本人工资申报不实 (rev. 2): the declared own wage above 1.2 × the mean of the worker's wages of the 12
    # calendar months before the accident month (at least 6 present; the later row of a month counts).
    "R27": """
        WITH c AS (
            SELECT case_id, worker_id, (own_wage * 100)::BIGINT AS own,
                year(accident_date) * 12 + month(accident_date) - 1 AS am
            FROM injury_cases WHERE own_wage > 0),
        agg AS (
            SELECT c.case_id, any_value(c.own) AS own, sum(wm.fen)::HUGEINT AS s, count(*) AS k
            FROM c JOIN wage_months wm ON wm.worker_id = c.worker_id AND wm.m >= c.am - 12 AND wm.m < c.am
            GROUP BY ALL)
        SELECT case_id, CASE WHEN own * k * 10 > 20 * s THEN 'red' ELSE 'orange' END
        FROM agg WHERE k >= 6 AND s > 0 AND own * k * 10 > 12 * s
    """,
}

# The working day a statutory deadline moves to (rules.md §5 "Deadlines", 民法典 203), for the rows of a CTE
# `c` with columns case_id, region_code, last_day: the first day on or after last_day that is a working day
# in the case's region (calendar rows of the region, its city, its province, then national; else Monday to
# Friday). Days off never run for more than nine days in the notices, so 31 candidates are ample.
DEADLINE = """
    SELECT x.case_id, min(x.d) AS due
    FROM (SELECT c.case_id, c.region_code, c.last_day + t.i::INT AS d FROM c, range(0, 31) t(i)) x
    LEFT JOIN calendar_days r ON r.key = x.region_code AND r.date = x.d
    LEFT JOIN calendar_days ci ON ci.key = city(x.region_code) AND ci.date = x.d
    LEFT JOIN calendar_days pr ON pr.key = substr(x.region_code, 1, 2) || '0000' AND pr.date = x.d
    LEFT JOIN calendar_days na ON na.key = '' AND na.date = x.d
    WHERE CASE coalesce(r.kind, ci.kind, pr.kind, na.kind) WHEN 'holiday' THEN false WHEN 'workday' THEN true
               ELSE isodow(x.d) < 6 END
    GROUP BY x.case_id
"""
for _rule in ("R20", "R21"):
    RULES[_rule] = RULES[_rule].replace("{deadline_c}", DEADLINE)

# R10 reads R12's and R15's findings (an amount of 0 is theirs to report): it runs after them.
ORDER = ["DQ01"] + [f"R{n:02d}" for n in range(1, 28) if n != 10] + ["R10"]

# The fund ledger (fund_ledger.csv) per indicator slot and month, as FundGuard's LedgerMonths: the later row
# of a region and month counts; a city is its own rows and its counties'; the province is its own rows when
# the ledger has any, else the sum of its cities for the months every reporting city has.
LEDGER = """
    l AS (
        SELECT region_code, midx_text(month) AS m, (revenue * 100)::BIGINT AS revenue,
            (benefit_expenditure * 100)::BIGINT AS benefit, (prevention_expenditure * 100)::BIGINT AS prevention,
            ((benefit_expenditure + prevention_expenditure + assessment_expenditure + other_expenditure) * 100)::BIGINT AS total,
            (balance * 100)::BIGINT AS balance
        FROM fund_ledger QUALIFY row_number() OVER (PARTITION BY region_code, month ORDER BY rowid DESC) = 1),
    s AS (SELECT slots(region_code) AS sl, * FROM l WHERE len(slots(region_code)) > 0),
    cities AS (
        SELECT sl[1] AS slot, m, sum(revenue) AS revenue, sum(benefit) AS benefit, sum(prevention) AS prevention,
            sum(total) AS total, sum(balance) AS balance
        FROM s WHERE len(sl) = 2 GROUP BY ALL),
    own AS (
        SELECT getvariable('province') AS slot, m, sum(revenue) AS revenue, sum(benefit) AS benefit,
            sum(prevention) AS prevention, sum(total) AS total, sum(balance) AS balance
        FROM s WHERE len(sl) = 1 GROUP BY ALL),
    summed AS (
        SELECT getvariable('province') AS slot, m, sum(revenue) AS revenue, sum(benefit) AS benefit,
            sum(prevention) AS prevention, sum(total) AS total, sum(balance) AS balance
        FROM cities GROUP BY m HAVING count(*) = (SELECT count(DISTINCT slot) FROM cities)),
    ledger AS (
        SELECT * FROM cities UNION ALL SELECT * FROM own
        UNION ALL SELECT * FROM summed WHERE NOT EXISTS (SELECT 1 FROM own))
"""

# The indicators (rules.md §3) that SQL can compute from the CSV files: one row per region (every city of
# the province with data, then the province) and judged period, with the figure in ten-thousandths
# (value, rounded half up as FundGuard's Decimal4) and whether it reaches a warning level; a region with a
# warning is one finding. The period is the trailing 12 months ending with the reference month (the
# latest month ended on the screening date), for I03 the reference year to date and the year before.
# I08 and I09 read the findings' verification register, which is not in the interchange files: FundGuard
# reports them "not run (no data)" without it, and so are they here.
INDICATORS = {
    # 待遇支出增长率: benefit expenditure of the 12 months against the 12 before (both complete), > 20 %.
    "I01": "WITH " + LEDGER + """,
        w AS (
            SELECT slot,
                sum(benefit) FILTER (m BETWEEN getvariable('ref') - 11 AND getvariable('ref')) AS cur,
                count(*) FILTER (m BETWEEN getvariable('ref') - 11 AND getvariable('ref')) AS cur_n,
                sum(benefit) FILTER (m BETWEEN getvariable('ref') - 23 AND getvariable('ref') - 12) AS prev,
                count(*) FILTER (m BETWEEN getvariable('ref') - 23 AND getvariable('ref') - 12) AS prev_n
            FROM ledger GROUP BY slot),
        v AS (SELECT slot, CASE WHEN cur_n = 12 AND prev_n = 12 AND prev > 0 THEN d4(cur - prev, prev, 100) END AS value FROM w)
        SELECT slot AS region_code, 'trailing12' AS period, value, coalesce(value > 200000, false) AS warning FROM v
    """,
    # 可支付月数: the latest balance in the 12 months ÷ their mean total expenditure, < 6.
    "I02": "WITH " + LEDGER + """,
        w AS (
            SELECT slot, arg_max(balance, m) AS balance, sum(total) AS spent, count(*) AS n FROM ledger
            WHERE m BETWEEN getvariable('ref') - 11 AND getvariable('ref') GROUP BY slot),
        v AS (SELECT slot, CASE WHEN spent > 0 THEN d4(balance * n, spent, 1) END AS value FROM w)
        SELECT slot AS region_code, 'trailing12' AS period, value, coalesce(value < 60000, false) AS warning FROM v
    """,
    # 工伤预防费占比: a year's prevention spending to date over the whole previous year's revenue, > 3 %.
    "I03": "WITH " + LEDGER + """,
        years AS (SELECT unnest([getvariable('ref') // 12 - 1, getvariable('ref') // 12]) AS year),
        w AS (
            SELECT l.slot, y.year,
                sum(l.revenue) FILTER (l.m // 12 = y.year - 1) AS revenue, count(*) FILTER (l.m // 12 = y.year - 1) AS revenue_n,
                sum(l.prevention) FILTER (l.m // 12 = y.year AND l.m <= getvariable('ref')) AS spent,
                count(*) FILTER (l.m // 12 = y.year AND l.m <= getvariable('ref')) AS spent_n
            FROM ledger l, years y GROUP BY ALL),
        v AS (SELECT slot, year, CASE WHEN revenue_n = 12 AND revenue > 0 AND spent_n > 0 THEN d4(spent, revenue, 100) END AS value FROM w)
        SELECT slot AS region_code, year::VARCHAR AS period, value, coalesce(value > 30000, false) AS warning FROM v
    """,
    # 案均医疗费: MED paid (by paid_date, net) on recognized/deemed cases per distinct such case, > 1.5 × the province.
    "I04": """
        WITH r AS (
            SELECT unnest(slots(p.region_code)) AS slot, p.case_id, (p.amount * 100)::BIGINT AS fen
            FROM payments p JOIN (SELECT DISTINCT ON (case_id) case_id, decision FROM injury_cases) c USING (case_id)
            WHERE p.item_code = 'MED' AND c.decision IN ('recognized', 'deemed')
              AND midx(p.paid_date) BETWEEN getvariable('ref') - 11 AND getvariable('ref')),
        v AS (SELECT slot, d4(sum(fen), count(DISTINCT case_id) * 100, 1) AS value FROM r GROUP BY slot)
    """ + """
        SELECT v.slot AS region_code, 'trailing12' AS period, v.value,
            coalesce(greatest(v.value, 0) * 10000 > 15000 * greatest(pv.value, 0), false) AS warning
        FROM v LEFT JOIN v pv ON pv.slot = getvariable('province')
    """,
    # 一至四级伤残占比: grades 1–4 among initial assessments concluded in the period, > 2 × the province.
    "I05": """
        WITH r AS (
            SELECT unnest(slots(region_code)) AS slot, coalesce(grade BETWEEN 1 AND 4, false) AS severe
            FROM assessments
            WHERE kind = 'initial' AND midx(concluded_date) BETWEEN getvariable('ref') - 11 AND getvariable('ref')),
        v AS (SELECT slot, d4(count(*) FILTER (severe), count(*), 100) AS value FROM r GROUP BY slot)
        SELECT v.slot AS region_code, 'trailing12' AS period, v.value,
            coalesce(greatest(v.value, 0) * 10000 > 20000 * greatest(pv.value, 0), false) AS warning
        FROM v LEFT JOIN v pv ON pv.slot = getvariable('province')
    """,
    # 手工报销占比: MED paid through reimbursement over all MED paid (by amount, net), > 30 %.
    "I06": """
        WITH r AS (
            SELECT unnest(slots(region_code)) AS slot, (amount * 100)::BIGINT AS fen, channel = 'reimbursement' AS manual
            FROM payments
            WHERE item_code = 'MED' AND midx(paid_date) BETWEEN getvariable('ref') - 11 AND getvariable('ref')),
        v AS (
            SELECT slot, CASE WHEN sum(fen) > 0 THEN d4(coalesce(sum(fen) FILTER (manual), 0), sum(fen), 100) END AS value
            FROM r GROUP BY slot)
        SELECT slot AS region_code, 'trailing12' AS period, value, coalesce(value > 300000, false) AS warning FROM v
    """,
    # 认定按时办结率: cases decided in the period decided by the 60th day after acceptance (moved to a
    # working day), < 90 %. Without the determination register (fundbench gives none), from injury_cases.
    "I07": """
        WITH c AS (
            SELECT case_id, region_code, decided_date, accepted_date + 60 AS last_day
            FROM (SELECT DISTINCT ON (case_id) * FROM injury_cases)
            WHERE accepted_date IS NOT NULL
              AND midx(decided_date) BETWEEN getvariable('ref') - 11 AND getvariable('ref')),
        r AS (
            SELECT unnest(slots(c.region_code)) AS slot, c.decided_date <= d.due AS on_time
            FROM c JOIN (""" + DEADLINE + """) d USING (case_id)),
        v AS (SELECT slot, d4(count(*) FILTER (on_time), count(*), 100) AS value FROM r GROUP BY slot)
        SELECT slot AS region_code, 'trailing12' AS period, value, coalesce(value < 900000, false) AS warning FROM v
    """,
}
NOT_IN_SQL = {
    "I08": "reads the findings' verification register (not in the interchange files); not run without it",
    "I09": "reads the findings' verification register (not in the interchange files); not run without it",
}

# Helpers shared by the queries (the integer arithmetic of FundGuard's Exact and ExactAmount).
MACROS = [
    # a month's index: year × 12 + month − 1
    "CREATE MACRO midx(d) AS year(d) * 12 + month(d) - 1",
    "CREATE MACRO midx_text(t) AS substr(t, 1, 4)::INT * 12 + substr(t, 6, 2)::INT - 1",
    # n / d rounded half up (away from zero), d > 0
    "CREATE MACRO rhu(n, d) AS CASE WHEN n >= 0 THEN (2 * n::HUGEINT + d) // (2 * d) ELSE -((-2 * n::HUGEINT + d) // (2 * d)) END",
    # n × s / d in ten-thousandths, half up (Exact.decimal4); NULL when d = 0
    "CREATE MACRO d4(n, d, s) AS CASE WHEN d = 0 THEN NULL ELSE sign(n) * sign(d) * ((abs(n)::HUGEINT * s * 20000 + abs(d)) // (2 * abs(d))) END",
    "CREATE MACRO is_leap(y) AS y % 4 = 0 AND (y % 100 <> 0 OR y % 400 = 0)",
    # the day a person born on b reaches n full years (29 February → 1 March in a common year)
    "CREATE MACRO birthday(b, n) AS CASE WHEN month(b) = 2 AND day(b) = 29 AND NOT is_leap(year(b) + n) "
    "THEN make_date(year(b) + n, 3, 1) ELSE make_date(year(b) + n, month(b), day(b)) END",
    "CREATE MACRO city(c) AS CASE WHEN c LIKE '%0000' THEN c ELSE substr(c, 1, 4) || '00' END",
    # the indicator slots a record of region c counts for: its city and the province, the province alone
    # for the province's own code, none outside the province
    "CREATE MACRO slots(c) AS CASE WHEN substr(c, 1, 2) <> substr(getvariable('province'), 1, 2) THEN []::VARCHAR[] "
    "WHEN c LIKE '%0000' THEN [getvariable('province')] ELSE [substr(c, 1, 4) || '00', getvariable('province')] END",
]

# Tables derived once from the CSV tables, as FundGuard's Snapshot derives its indexes (timed with the load).
DERIVED = {
    # the province's item list: the national items, with benefit_items.csv's additions and retirements
    # (the last row of a code wins; a national item's row changes only its status)
    "item_list": """
        WITH national(code, payer) AS (VALUES ('MED', 'fund'), ('REHAB', 'fund'), ('MEAL', 'fund'), ('TRAVEL', 'fund'),
                ('DEVICE', 'fund'), ('NURSING', 'fund'), ('DISABILITY_LUMP', 'fund'), ('DISABILITY_MONTHLY', 'fund'),
                ('PENSION_TOPUP', 'fund'), ('MEDICAL_LUMP', 'fund'), ('FUNERAL', 'fund'), ('DEPENDANT', 'fund'),
                ('DEATH_LUMP', 'fund'), ('ASSESSMENT_FEE', 'fund'), ('WAGE_CONTINUATION', 'employer'),
                ('DISABILITY_MONTHLY_5_6', 'employer'), ('EMPLOYMENT_LUMP', 'employer')),
        b AS (SELECT * FROM benefit_items QUALIFY row_number() OVER (PARTITION BY item_code ORDER BY rowid DESC) = 1)
        SELECT n.code, n.payer, true AS has_basis, coalesce(b.status, 'active') AS status
        FROM national n LEFT JOIN b ON b.item_code = n.code
        UNION ALL
        SELECT item_code, payer, coalesce(trim(basis), '') <> '', status FROM b
        WHERE item_code NOT IN (SELECT code FROM national)
    """,
    # each case's assessment in force after each concluded date (review over second over initial, then
    # the larger id, among those concluded the same day): "the latest concluded before a day" is an ASOF join
    "assessment_steps": """
        SELECT DISTINCT ON (case_id, concluded_date) case_id, concluded_date, assessment_id, grade, nursing, stage
        FROM (SELECT *, CASE kind WHEN 'review' THEN 2 WHEN 'second' THEN 1 ELSE 0 END AS stage FROM assessments
              WHERE concluded_date IS NOT NULL)
        ORDER BY case_id, concluded_date, stage DESC, assessment_id DESC
    """,
    # wages.csv by worker and month index, in fen; of two rows of one month the later counts
    "wage_months": """
        SELECT worker_id, midx_text(month) AS m, (arg_max(wage, rowid) * 100)::BIGINT AS fen FROM wages
        GROUP BY worker_id, month
    """,
    # calendar.csv by region ('' national) and day; the later row of a day counts. FundGuard ships the
    # national calendar of 2020–2026 and lays calendar.csv over it; the demo writes those very days into
    # calendar.csv, so here the file alone is the calendar.
    "calendar_days": """
        SELECT CASE WHEN region_code IS NULL OR region_code = '000000' THEN '' ELSE region_code END AS key, date,
            arg_max(kind, rowid) AS kind
        FROM calendar GROUP BY ALL
    """,
    # ext_pensions.csv per person and start (the first row of a start), and each person's first row
    "pension_steps": """
        SELECT DISTINCT ON (person_id, start_date) person_id, start_date, (monthly_amount * 100)::BIGINT AS fen
        FROM ext_pensions ORDER BY person_id, start_date, rowid
    """,
    "pension_first": """
        SELECT DISTINCT ON (person_id) person_id, start_date, (monthly_amount * 100)::BIGINT AS fen
        FROM ext_pensions ORDER BY person_id, start_date, rowid
    """,
    # parameters.csv resolved for every case region (and the nation) as FundGuard's ParameterTable: the
    # region's own row, else its parent's (regions.csv parent_code, else the code's shape), …, else national;
    # under provincial pooling (a `pooling` row 'province' in force that year) from the province up. The
    # later row of a region, year and name counts. value_tt: the value in ten-thousandths.
    "param_resolved": """
        WITH RECURSIVE
        rows AS (SELECT region_code, year, name, arg_max(value, rowid) AS value FROM parameters GROUP BY ALL),
        parents AS (SELECT code, arg_max(parent_code, rowid) AS parent FROM regions
                    WHERE parent_code IS NOT NULL AND parent_code <> code GROUP BY ALL),
        ch(start, code, depth) AS (
            SELECT code, code, 0 FROM (SELECT DISTINCT region_code AS code FROM injury_cases) WHERE code <> '000000'
            UNION ALL
            SELECT ch.start,
                coalesce(p.parent, CASE WHEN ch.code LIKE '%0000' THEN '000000' WHEN ch.code LIKE '%00'
                                        THEN substr(ch.code, 1, 2) || '0000' ELSE substr(ch.code, 1, 4) || '00' END),
                ch.depth + 1
            FROM ch LEFT JOIN parents p ON p.code = ch.code
            WHERE ch.code <> '000000' AND ch.depth < 8),
        chain AS (
            SELECT start, code, min(depth) AS depth FROM (
                SELECT * FROM ch WHERE code <> '000000'
                UNION ALL SELECT DISTINCT start, '000000', 100 FROM ch
                UNION ALL SELECT '000000', '000000', 0)
            GROUP BY ALL),
        years AS (SELECT DISTINCT year FROM rows),
        pool AS (
            SELECT chain.start, years.year, min(chain.depth) AS from_depth
            FROM chain, years
            WHERE (SELECT arg_max(r.value, r.year) FROM rows r
                   WHERE r.region_code = chain.code AND r.name = 'pooling' AND r.year <= years.year) = 'province'
            GROUP BY ALL)
        SELECT chain.start AS region_code, r.year, r.name,
            (arg_min(TRY_CAST(r.value AS DECIMAL(18, 4)), chain.depth) * 10000)::BIGINT AS value_tt
        FROM chain JOIN rows r ON r.region_code = chain.code
        LEFT JOIN pool ON pool.start = chain.start AND pool.year = r.year
        WHERE r.name <> 'pooling' AND chain.depth >= coalesce(pool.from_depth, 0)
        GROUP BY ALL
    """,
}

# The files the rules read, and the columns whose type must not be guessed (ids are text even when all
# digits; money is exact; a parameter's value is text for `pooling`).
MONEY = "DECIMAL(18,2)"
TABLES = {
    "regions": {"code": "VARCHAR", "parent_code": "VARCHAR", "level": "VARCHAR"},
    "workers": {"insured_since": "DATE", "insured_until": "DATE"},
    "wages": {"month": "VARCHAR", "wage": MONEY},
    "payments": {"amount": MONEY, "advance": "BOOLEAN", "paid_date": "DATE", "period_start": "DATE",
                 "period_end": "DATE", "channel": "VARCHAR"},
    "injury_cases": {"accident_date": "DATE", "applied_date": "DATE", "accepted_date": "DATE",
                     "decided_date": "DATE", "fatal": "BOOLEAN", "own_wage": MONEY, "applicant": "VARCHAR",
                     "kind": "VARCHAR", "third_party": "BOOLEAN", "description": "VARCHAR"},
    "assessments": {"applied_date": "DATE", "concluded_date": "DATE", "grade": "INTEGER", "nursing": "VARCHAR",
                    "experts": "VARCHAR", "kind": "VARCHAR"},
    "experts": {},
    "institutions": {"kind": "VARCHAR", "grade": "VARCHAR"},
    "agreements": {"start_date": "DATE", "end_date": "DATE"},
    "benefit_items": {"payer": "VARCHAR", "basis": "VARCHAR", "name": "VARCHAR"},
    "parameters": {"year": "INTEGER", "name": "VARCHAR", "value": "VARCHAR"},
    "dependents": {"birth_date": "DATE", "start_date": "DATE", "end_date": "DATE", "disabled": "BOOLEAN",
                   "lone": "BOOLEAN"},
    "fund_ledger": {"month": "VARCHAR", "revenue": MONEY, "benefit_expenditure": MONEY,
                    "prevention_expenditure": MONEY, "assessment_expenditure": MONEY, "other_expenditure": MONEY,
                    "balance": MONEY},
    "calendar": {"date": "DATE", "kind": "VARCHAR"},
    "ext_deaths": {"death_date": "DATE"},
    "ext_pensions": {"start_date": "DATE", "monthly_amount": MONEY},
    "ext_medical_insurance": {"admission_date": "DATE", "discharge_date": "DATE", "amount": MONEY},
    "ext_health_visits": {"visit_date": "DATE", "diagnosis": "VARCHAR"},
    "ext_traffic_accidents": {"accident_date": "DATE", "liability": "VARCHAR"},
    "ext_imprisonments": {"start_date": "DATE", "end_date": "DATE"},
}
OPTIONAL_EMPTY = {
    "benefit_items": "item_code VARCHAR, name VARCHAR, payer VARCHAR, basis VARCHAR, status VARCHAR",
    "calendar": "date DATE, kind VARCHAR, region_code VARCHAR",
}
TEXT_SUFFIXES = ("_id", "_no", "_account", "_code", "account", "services", "relation", "decision", "status", "name")


def column_types(path, fixed):
    with open(path, encoding="utf-8-sig") as f:
        header = f.readline().strip().split(",")
    types = {}
    for name in header:
        if name in fixed:
            types[name] = fixed[name]
        elif name.endswith(TEXT_SUFFIXES):
            types[name] = "VARCHAR"
    return types


def load(con, data):
    """Reads every CSV file the rules read into a table, then derives the shared tables; seconds per step."""
    seconds = {}
    for table, fixed in TABLES.items():
        path = os.path.join(data, table + ".csv")
        if not os.path.exists(path):
            if table in OPTIONAL_EMPTY:
                # benefit_items.csv only adds to the national list; calendar.csv only adds to the shipped
                # national calendar (which SQL does not have: without the file, weekends are the only days off)
                con.execute(f"CREATE TABLE {table} ({OPTIONAL_EMPTY[table]})")
            continue  # the rules that need the file are not run (no data), as in FundGuard
        types = column_types(path, fixed)
        start = time.perf_counter()
        if table == "payments":
            # The service date, once, as FundGuard's snapshot keeps it.
            select = "SELECT *, coalesce(period_start, paid_date) AS sd FROM read_csv(?, header = true, types = ?)"
        elif table == "dependents":
            # The file order matters (R15 and R10 take a person's first row): a repeated (dependant, case)
            # is replaced by the import (INSERT OR REPLACE: the later row, at the end of the table), so its
            # later row counts, at the later position.
            select = ("SELECT * FROM (SELECT *, row_number() OVER () AS row FROM read_csv(?, header = true, types = ?)) "
                      "QUALIFY row_number() OVER (PARTITION BY dependent_id, case_id ORDER BY row DESC) = 1")
        else:
            select = "SELECT * FROM read_csv(?, header = true, types = ?)"
        con.execute(f"CREATE TABLE {table} AS {select}", [path, types])
        seconds[table] = time.perf_counter() - start
    return seconds


def derive(con, as_of):
    """The macros, the screening date's variables and the derived tables; seconds per derived table."""
    seconds = {}
    start = time.perf_counter()
    for macro in MACROS:
        con.execute(macro)
    con.execute(f"SET VARIABLE as_of = DATE '{as_of.isoformat()}'")
    # The reference month of the indicators: the month of the screening date when it is its last day, else
    # the month before (RollingPeriods).
    last_day = (as_of + datetime.timedelta(days=1)).day == 1
    ref = as_of.year * 12 + as_of.month - 1 - (0 if last_day else 1)
    con.execute(f"SET VARIABLE ref = {ref}")
    # The province: the region of level `province`, else the province of the first region (Snapshot.province).
    con.execute("""SET VARIABLE province = coalesce(
        (SELECT code FROM regions WHERE level = 'province' ORDER BY rowid LIMIT 1),
        (SELECT substr(code, 1, 2) || '0000' FROM regions ORDER BY rowid LIMIT 1))""")
    seconds["macros"] = time.perf_counter() - start
    for table, sql in DERIVED.items():
        start = time.perf_counter()
        try:
            con.execute(f"CREATE TABLE {table} AS {sql}")
        except duckdb.CatalogException:
            continue  # a file it is derived from is missing
        seconds[table] = time.perf_counter() - start
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="the directory of interchange CSV files")
    parser.add_argument("--as-of", required=True, help="the screening date, YYYY-MM-DD (R17, R21 and the indicators)")
    parser.add_argument("--fundguard", help="fundbench screen-run's results JSON, to print side by side")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--memory-limit", default=None, help="DuckDB memory_limit, e.g. 6GB")
    parser.add_argument("--json", help="write DuckDB's figures to this JSON file")
    parser.add_argument("--only", help="comma-separated rule and indicator ids to run (default: all)")
    args = parser.parse_args()
    as_of = datetime.date.fromisoformat(args.as_of)

    con = duckdb.connect()
    con.execute(f"SET threads = {args.threads}")
    if args.memory_limit:
        con.execute(f"SET memory_limit = '{args.memory_limit}'")
    print(f"DuckDB {duckdb.__version__}, {args.threads} threads; load average "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()))

    start = time.perf_counter()
    load_seconds = load(con, args.data)
    read_total = time.perf_counter() - start
    start = time.perf_counter()
    derive_seconds = derive(con, as_of)
    derive_total = time.perf_counter() - start
    load_total = read_total + derive_total
    payments = con.execute("SELECT count(*) FROM payments").fetchone()[0] if "payments" in load_seconds else 0
    print(f"read CSV: {read_total:.2f} s ({len(load_seconds)} files; {payments} payments); "
          + ", ".join(f"{t} {s:.2f} s" for t, s in load_seconds.items()))
    print(f"derived tables: {derive_total:.2f} s; " + ", ".join(f"{t} {s:.2f} s" for t, s in derive_seconds.items()))

    only = set(args.only.split(",")) if args.only else None
    queries = {}
    for rule in ORDER + list(INDICATORS):
        if only is not None and rule not in only:
            continue
        indicator = rule in INDICATORS
        sql = INDICATORS[rule] if indicator else RULES[rule]
        if rule == "R10":
            for needed in ("R12", "R15"):  # R10 reads their findings
                if needed not in queries:
                    try:
                        con.execute(f"CREATE TEMP TABLE findings_{needed} AS {RULES[needed]}")
                    except duckdb.CatalogException:
                        pass  # R10 is then not run either
        start = time.perf_counter()
        try:
            con.execute(f"CREATE TEMP TABLE findings_{rule} AS {sql}")
        except duckdb.CatalogException as error:  # a table it reads is missing
            queries[rule] = {"seconds": 0.0, "findings": 0, "notRun": str(error).splitlines()[0]}
            print(f"  {rule}: not run (no data: {queries[rule]['notRun']})")
            continue
        seconds = time.perf_counter() - start
        if indicator:
            rows, count = con.execute(
                f"SELECT count(*), count(DISTINCT region_code) FILTER (warning) FROM findings_{rule}").fetchone()
            queries[rule] = {"seconds": seconds, "findings": count, "values": rows}
            print(f"  {rule}: {count} region warnings ({rows} region values) in {seconds:.3f} s")
        else:
            count = con.execute(f"SELECT count(*) FROM findings_{rule}").fetchone()[0]
            queries[rule] = {"seconds": seconds, "findings": count}
            print(f"  {rule}: {count} findings in {seconds:.3f} s")
    query_total = sum(q["seconds"] for q in queries.values())
    peak = peak_memory()
    ran = sum(1 for q in queries.values() if "notRun" not in q)
    print(f"DuckDB total: read CSV {read_total:.2f} s + derived tables {derive_total:.2f} s + {ran} queries "
          f"{query_total:.2f} s = {load_total + query_total:.2f} s; peak memory (VmHWM) {peak / 2**30:.2f} GiB")

    if args.json:
        with open(args.json, "w") as f:
            json.dump({"load": load_seconds, "derived": derive_seconds, "queries": queries, "peakBytes": peak}, f,
                      indent=2)
    if args.fundguard:
        with open(args.fundguard) as f:
            fg = json.load(f)
        if not compare(fg, read_total, derive_total, queries, partial=only is not None):
            sys.exit(1)


def peak_memory():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def compare(fg, duck_read, duck_derive, queries, partial=False):
    """Side by side: per rule (rule alone on the snapshot vs. query) and in total; True when every rule and
    indicator FundGuard ran has the same number of findings on both sides."""
    rules = {r["id"]: r for r in fg["perRule"]}
    duck_load = duck_read + duck_derive
    print()
    print("| rule | FundGuard findings | DuckDB findings | FundGuard rule alone (s) | DuckDB query (s) "
          "| DuckDB / FundGuard |")
    print("|---|---:|---:|---:|---:|---:|")
    fg_rules = 0.0
    mismatches = []
    fg_total = duck_total_findings = 0
    for rule in [r["id"] for r in fg["perRule"]]:
        r = rules[rule]
        q = queries.get(rule)
        if q is None:
            if r["ran"] and not partial:
                mismatches.append(f"{rule} (no query)")
                print(f"| {rule} | {r['findings']} | no query ≠ | | | |")
            elif not r["ran"]:
                why = NOT_IN_SQL.get(rule, "")
                print(f"| {rule} | not run | not run{f' ({why})' if why else ''} | | | |")
            continue
        if not r["ran"] and "notRun" in q:
            print(f"| {rule} | not run | not run | | | |")
            continue
        if "notRun" in q:
            mismatches.append(f"{rule} (not run by DuckDB: {q['notRun']})")
            print(f"| {rule} | {r['findings']} | not run ≠ | | | |")
            continue
        if not r["ran"]:
            mismatches.append(f"{rule} (not run by FundGuard)")
            print(f"| {rule} | not run | {q['findings']} ≠ | | {q['seconds']:.3f} | |")
            continue
        alone = r.get("aloneSeconds") or r["inRunSeconds"]
        fg_rules += alone
        fg_total += r["findings"]
        duck_total_findings += q["findings"]
        same = r["findings"] == q["findings"]
        if not same:
            mismatches.append(f"{rule} ({r['findings']} vs {q['findings']})")
        ratio = f"{q['seconds'] / alone:.1f}" if alone > 0 else "∞"
        print(f"| {rule} | {r['findings']} | {q['findings']}{'' if same else ' ≠'} | {alone:.3f} | {q['seconds']:.3f} "
              f"| {ratio} |")
    print(f"| all | {fg_total} | {duck_total_findings}{'' if fg_total == duck_total_findings else ' ≠'} "
          f"| {fg_rules:.3f} | {sum(q['seconds'] for q in queries.values()):.3f} | |")
    duck_queries = sum(q["seconds"] for q in queries.values())
    ran = sum(1 for q in queries.values() if "notRun" not in q)
    fg_load = fg["load"]["seconds"] + fg["snapshot"]["seconds"]
    print()
    print(f"findings over the {ran} rules and indicators DuckDB ran: FundGuard {fg_total}, DuckDB {duck_total_findings}")
    print(f"rules only: FundGuard {fg_rules:.2f} s (each rule alone on the snapshot), "
          f"DuckDB {duck_queries:.2f} s (queries on loaded tables): ratio {duck_queries / fg_rules:.1f}"
          if fg_rules > 0 else "rules only: -")
    print(f"load: FundGuard loadDataSet {fg['load']['seconds']:.2f} s + Snapshot {fg['snapshot']['seconds']:.2f} s "
          f"= {fg_load:.2f} s; DuckDB read CSV {duck_read:.2f} s + derived tables {duck_derive:.2f} s "
          f"= {duck_load:.2f} s: ratio {duck_load / fg_load:.2f}")
    fg_whole = fg["load"]["seconds"] + fg["snapshot"]["seconds"] + fg["rules"]["seconds"]
    duck_whole = duck_load + duck_queries
    print(f"the whole screen, every rule and indicator: FundGuard {fg_whole:.2f} s (load + snapshot + one engine run "
          f"of all {sum(1 for r in fg['perRule'] if r['ran'])} that ran, peak memory {fg['peakBytes'] / 2**30:.2f} GiB), "
          f"DuckDB {duck_whole:.2f} s (read CSV + derived tables + {ran} queries, peak memory "
          f"{peak_memory() / 2**30:.2f} GiB): DuckDB / FundGuard {duck_whole / fg_whole:.2f}")
    if fg.get("compared"):
        compared = fg["comparedRules"]
        end_to_end = fg["compared"]["seconds"]
        print(f"(fundbench's own end-to-end run covers only its {len(compared)} rules {','.join(compared)}: "
              f"FundGuard {end_to_end:.2f} s for them, load and snapshot of the tables they need included)")
    ok = not mismatches
    print("findings per rule: " + ("all equal" if ok else "MISMATCH in " + ", ".join(mismatches)))
    return ok


if __name__ == "__main__":
    main()
