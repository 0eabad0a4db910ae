#!/usr/bin/env python3
"""End-to-end test of the FundGuard console in a real browser (headless Chromium + selenium).

A provincial supervisor signs in, imports a data set through the 数据导入 page (optional), screens it,
opens the dashboard, filters the findings, verifies one finding to `irregular` (违规) and checks its
history, downloads the findings as Excel and CSV, edits a rule's parameters in its form (a bad value
refused in Chinese, a good one saved); every main page is then opened at 1 400 and 390 px and must not
scroll sideways nor grow its header, and the menus must open from the keyboard inside the window; then an
auditor signs in and finds those steps in the audit log. A screenshot of every page (at both widths) goes
into the folder given as --screenshots.

    python3 Tests/e2e/browser_test.py --base http://127.0.0.1:8080 --user sup --password ... \
        --auditor aud --auditor-password ... --screenshots ci-artifacts/screenshots [--import-dir DIR --as-of DAY]

Prints one line per check and ends with "N passed, M failed"; exits non-zero on any failure.
"""

import argparse
import csv
import io
import os
import sys
import time
import urllib.request
import zipfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

INTERCHANGE_FILES = [
    "regions.csv", "parameters.csv", "employers.csv", "workers.csv", "wages.csv", "injury_cases.csv",
    "assessments.csv", "experts.csv", "dependents.csv", "institutions.csv", "agreements.csv", "benefit_items.csv",
    "payments.csv", "fund_ledger.csv", "ext_deaths.csv", "ext_medical_insurance.csv", "ext_pensions.csv",
    "ext_health_visits.csv", "ext_traffic_accidents.csv", "ext_imprisonments.csv", "calendar.csv",
]


class Run:
    def __init__(self, driver, base, shots):
        self.driver = driver
        self.base = base.rstrip("/")
        self.shots = shots
        self.passed = 0
        self.failed = 0
        self.count = 0
        self.width = 1440

    def check(self, condition, what):
        if condition:
            self.passed += 1
            print(f"ok   {what}")
        else:
            self.failed += 1
            print(f"FAIL {what}  (at {self.driver.current_url})")
        return condition

    def open(self, path):
        self.driver.get(self.base + path)

    def shot(self, name):
        self.count += 1
        # Full-page screenshots: grow the window to the page's height (at the width in use).
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(self.width, min(max(900, height + 40), 6000))
        path = os.path.join(self.shots, f"{self.count:02d}-{name}.png")
        self.driver.save_screenshot(path)
        self.driver.set_window_size(self.width, 900)
        print(f"     screenshot {path}")

    def resize(self, width):
        self.width = width
        self.driver.set_window_size(width, 900)

    def layout(self):
        """The page's width, the viewport's, and the header's height (0 without a header)."""
        return self.driver.execute_script(
            "const h = document.querySelector('header.top');"
            "return [document.documentElement.scrollWidth, window.innerWidth, h ? h.getBoundingClientRect().height : 0];")

    def submit(self, button):
        """Clicks a submit button or a link and waits for the next page (a click returns before a slow page loads)."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        button.click()
        WebDriverWait(self.driver, 600).until(lambda driver: self.is_stale(old))
        WebDriverWait(self.driver, 600).until(
            lambda driver: driver.execute_script("return document.readyState") == "complete")

    @staticmethod
    def is_stale(element):
        """Whether the element's page is gone. While the next page replaces it, Chrome may answer with
        "Node with given id does not belong to the document" instead of a stale-element error: the same fact."""
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def wait_for_job(self):
        """A screening or a trial run is a background job: its page (/jobs/{id}) reloads itself while the job
        runs (#job[data-state=running]) and becomes the result page when it is done."""
        def done(driver):
            try:
                return not driver.find_elements(By.CSS_SELECTOR, "#job[data-state=running]") and \
                    driver.execute_script("return document.readyState") == "complete"
            except Exception:
                return False
        WebDriverWait(self.driver, 600, poll_frequency=0.5).until(done)

    def login(self, name, password):
        self.open("/login")
        self.driver.find_element(By.NAME, "name").send_keys(name)
        self.driver.find_element(By.NAME, "password").send_keys(password)
        self.submit(self.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))

    def logout(self):
        self.submit(self.driver.find_element(By.CSS_SELECTOR, "header form button"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--user", required=True, help="a supervisor (省级监督员) or administrator")
    parser.add_argument("--password", required=True)
    parser.add_argument("--auditor", required=True, help="an auditor (审计) or administrator")
    parser.add_argument("--auditor-password", required=True)
    parser.add_argument("--screenshots", required=True)
    parser.add_argument("--import-dir", help="upload these interchange files on the 数据导入 page, then screen")
    parser.add_argument("--as-of", help="the screening date for the import's screening run")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)

    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,900", "--lang=zh-CN"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(args.chromedriver), options=options)
    driver.set_page_load_timeout(600)
    run = Run(driver, args.base, args.screenshots)
    try:
        scenario(run, args)
    except Exception as error:  # a crash is a failure, with a screenshot of where it happened
        import traceback
        traceback.print_exc()
        run.check(False, f"scenario crashed: {error!r}")
        try:
            run.shot("crash")
        except Exception:
            pass
    finally:
        driver.quit()
    print(f"{run.passed} passed, {run.failed} failed")
    sys.exit(1 if run.failed else 0)


def scenario(run, args):
    d = run.driver
    # 1. Sign in.
    run.open("/login")
    run.check("工伤保险基金监管平台" in run.text(), "the sign-in page is in Chinese")
    run.shot("login")
    run.login(args.user, "wrong-password-1")
    run.check("用户名或密码错误" in run.text(), "a wrong password is refused")
    run.login(args.user, args.password)
    run.check(d.current_url.endswith("/dashboard"), "signing in opens the dashboard")

    # 2. Import the data set and screen it (optional).
    if args.import_dir:
        run.open("/imports")
        run.shot("imports")
        files = [os.path.abspath(os.path.join(args.import_dir, name)) for name in INTERCHANGE_FILES
                 if os.path.exists(os.path.join(args.import_dir, name))]
        d.find_element(By.CSS_SELECTOR, "#import-form input[type=file]").send_keys("\n".join(files))
        run.submit(d.find_element(By.CSS_SELECTOR, "#import-form button"))
        run.check("导入完成" in run.text(), f"the import of {len(files)} files succeeds")
        run.shot("import-report")
        if args.as_of:
            field = d.find_element(By.CSS_SELECTOR, "#screen-form input[name=as_of]")
            d.execute_script("arguments[0].value = arguments[1]", field, args.as_of)
        run.submit(d.find_element(By.CSS_SELECTOR, "#screen-form button"))
        run.wait_for_job()
        run.check("筛查完成" in run.text(), "screening from the console records a run")
        run.shot("screened")

    # 3. The dashboard.
    run.open("/dashboard")
    body = run.text()
    run.check("总览" in body and "基金收支与结余" in body, "the dashboard shows the fund by month")
    run.check(len(d.find_elements(By.CSS_SELECTOR, "svg.chart")) >= 3, "the dashboard draws its charts as SVG")
    run.check("最近一次筛查" in body and "尚未进行筛查" not in body, "the dashboard shows the latest run")
    run.shot("dashboard")

    # 4. Filter the findings: red warnings, newest status first.
    run.open("/findings")
    Select(d.find_element(By.NAME, "level")).select_by_value("red")
    Select(d.find_element(By.NAME, "status")).select_by_value("new")
    run.submit(d.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))
    rows = d.find_elements(By.CSS_SELECTOR, "#findings tbody tr")
    run.check("level=red" in d.current_url and len(rows) > 0, f"filtering red, new findings lists {len(rows)} rows")
    run.check(all("红色预警" in row.text for row in rows), "every row of the filtered list is red")
    run.shot("findings-red")
    # The filtered list downloads as an Excel workbook (a zip: "PK") as well as CSV.
    for text, kind, magic in (("导出 Excel", "spreadsheetml", "80,75"), ("导出 CSV", "text/csv", "239,187")):
        href = d.find_element(By.LINK_TEXT, text).get_attribute("href")
        answer = d.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done([r.status, r.headers.get('content-type'),"
            " Array.from(new Uint8Array(b.slice(0, 2))).join(',')]))).catch(e => done([0, String(e), '']));", href)
        run.check(answer[0] == 200 and kind in answer[1] and answer[2] == magic and "level=red" in href,
                  f"{text} downloads the filtered list ({answer[1]})")

    # 5. Verify one finding to irregular.
    run.submit(rows[0].find_element(By.CSS_SELECTOR, "td:nth-child(2) a"))
    finding_url = d.current_url
    finding_id = finding_url.rsplit("/", 1)[-1]
    run.check("证据记录对照" in run.text() and "触发依据" in run.text(), "the finding page shows why and the evidence")
    run.shot("finding")
    run.submit(d.find_element(By.CSS_SELECTOR, "#form-assign button"))
    run.check("已分派" in d.find_element(By.ID, "status").text, "assigned")
    run.submit(d.find_element(By.CSS_SELECTOR, "#form-start button"))
    run.check("核查中" in d.find_element(By.ID, "status").text, "verification started")
    d.find_element(By.CSS_SELECTOR, "#form-irregular input[name=amount]").send_keys("1000.00")
    d.find_element(By.CSS_SELECTOR, "#form-irregular textarea[name=reason]").send_keys("经核查属违规支付，责令退回（端到端测试）")
    run.submit(d.find_element(By.CSS_SELECTOR, "#form-irregular button"))
    run.check("违规" in d.find_element(By.ID, "status").text, "concluded as irregular (违规)")
    history = d.find_element(By.ID, "history").text
    run.check("分派" in history and "开始核查" in history and "认定违规" in history, "the history lists the three steps")
    run.check("经核查属违规支付" in history and "1,000.00" in history, "the history keeps the reason and the amount")
    run.shot("finding-irregular")

    # 6. The list shows the new status.
    run.open("/findings?status=irregular")
    run.check(finding_id in d.page_source, "the finding is listed under 违规")
    run.shot("findings-irregular")

    # 7. A person's page, if the finding links one.
    run.open(finding_url.replace(run.base, ""))
    person_links = d.find_elements(By.CSS_SELECTOR, ".record h3 a")
    person_page = None
    if person_links:
        run.submit(person_links[0])
        person_page = d.current_url.replace(run.base, "")
        run.check("待遇支付" in run.text(), "a worker's or case's page lists the payments")
        run.shot("person")

    # 7b. The entitlement schedule on a case page (rules.md rev. 2): the monthly items of the month asked for.
    assessments = os.path.join(args.import_dir or "", "assessments.csv")
    if args.import_dir and args.as_of and os.path.exists(assessments):
        with open(assessments, encoding="utf-8") as f:
            graded = [r for r in csv.DictReader(f) if r["concluded_date"] and r["grade"]]
        if graded:
            run.open(f"/cases/{graded[0]['case_id']}?on={args.as_of}")
            body = run.text()
            run.check("待遇核定（法定标准）" in body and f"按月待遇为 {args.as_of[:7]} 的标准" in body,
                      "a case page shows the statutory schedule of the month asked for")
            run.shot("case-entitlements")

    # 8. Rules and thresholds, with a trial run of the unchanged configuration.
    run.open("/rules")
    run.check("规则与阈值" in run.text() and "R03" in run.text(), "the rules page lists the rules")
    run.shot("rules")
    run.submit(d.find_element(By.CSS_SELECTOR, "#rules-form button[formaction='/rules/trial']"))
    run.wait_for_job()
    run.check("试算结果" in run.text(), "a trial run shows per-rule counts")
    run.shot("rules-trial")

    # 8b. Indicators over time, the cities' evaluation, and findings past their due date (issue 14).
    run.open("/indicators")
    body = run.text()
    run.check("指标监测" in body and "各统筹地区指标" in body, "the indicators page shows the cities' figures")
    run.check(len(d.find_elements(By.CSS_SELECTOR, "#indicator-table tbody tr")) > 1,
              "the indicators table has a row per city and the province")
    run.check(len(d.find_elements(By.CSS_SELECTOR, "svg.chart")) >= 1, "the indicators' trends are drawn as SVG")
    run.shot("indicators")
    run.open("/evaluation")
    run.check("评价考核" in run.text() and len(d.find_elements(By.CSS_SELECTOR, "#ranking tbody tr")) > 0,
              "the evaluation ranks the cities")
    run.shot("evaluation")
    run.open("/findings?sort=due")
    run.check("核查期限" in run.text(), "the findings list shows the due dates")

    # 8c. The year-end report to the ministry (issue 14 item 4): its eight sections with their sources, and
    # the Word document and the Excel tables, downloaded with the browser's session and opened here.
    year = (args.as_of or "2026-09-30")[:4]
    year = str(int(year) - 1)
    run.open(f"/reports/year-end?year={year}")
    body = run.text()
    run.check(f"{year}年度工伤保险基金监管工作情况报告" in body, "the year-end report has its title")
    for heading in ["一、基金收支及结余", "二、待遇支出", "四、工伤认定", "七、疑点筛查", "八、风险点"]:
        run.check(heading in body, f"the year-end report has section {heading}")
    run.check(body.count("数据来源") >= 8, "every section of the year-end report names its source")
    run.check(len(d.find_elements(By.CSS_SELECTOR, ".report svg.chart")) >= 2, "the report draws its charts")
    run.shot("year-end-report")
    for suffix, part in (("docx", "word/document.xml"), ("xlsx", "xl/workbook.xml")):
        data = download(run, f"/reports/year-end.{suffix}?year={year}")
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            run.check(part in names, f"the year-end report's .{suffix} opens ({part})")
            if suffix == "docx":
                text = archive.read(part).decode("utf-8")
                run.check("一、基金收支及结余" in text and "数据来源" in text,
                          "the .docx has the report's sections and sources")
            else:
                run.check(sum(1 for n in names if n.startswith("xl/worksheets/sheet")) >= 6,
                          "the .xlsx has a sheet per table of the report")

    # 9. The casework registers (they may be empty: the import does not fill them).
    run.open("/casework/determinations")
    run.check("工伤认定台账" in run.text() and "劳动能力鉴定" in run.text(), "the determination register opens")
    run.shot("casework-determinations")
    run.open("/casework/due")
    run.check("办理时限" in run.text(), "the deadlines per city open")
    run.open("/casework/risk-points")
    run.check("风险点清单" in run.text() and "监控规则与其监控的风险点" in run.text(), "the risk inventory shows the rules")
    run.shot("casework-risk-points")

    # 9b. One rule's parameters as a form with Chinese labels: a bad value is refused naming the parameter,
    # a good one is saved with its reason.
    run.open("/rules/R03")
    form_text = run.text()
    run.check("大额阈值 T" in form_text and "元" in form_text and "threshold" not in form_text,
              "the rule form shows Chinese labels and units")
    field = d.find_element(By.CSS_SELECTOR, "#rule-form input[name='m:params.threshold:0:value']")
    original = field.get_attribute("value")
    field.clear()
    field.send_keys("abc")
    d.find_element(By.CSS_SELECTOR, "#rule-form input[name=reason]").send_keys("端到端测试：调整大额阈值")
    run.submit(d.find_element(By.CSS_SELECTOR, "#rule-form button[type=submit]"))
    errors = d.find_element(By.ID, "rule-errors").text
    run.check("大额阈值 T" in errors and "金额" in errors, "a bad parameter is refused, naming it in Chinese")
    run.shot("rule-form-error")
    field = d.find_element(By.CSS_SELECTOR, "#rule-form input[name='m:params.threshold:0:value']")
    field.clear()
    field.send_keys(str(int(float(original)) + 1000))
    run.submit(d.find_element(By.CSS_SELECTOR, "#rule-form button[type=submit]"))
    run.check("R03 的参数已保存并生效" in run.text(), "a good parameter is saved")
    run.open("/rules")
    run.check("端到端测试：调整大额阈值" in run.text(), "the rules page keeps why the parameter changed")

    # 9c. Every page fits a desktop and a phone: no sideways scroll, the header one line high.
    pages = ["/dashboard", "/findings", finding_url.replace(run.base, ""), "/findings?status=irregular",
             "/rules", "/rules/R04", "/casework/determinations", "/casework/assessments", "/casework/experts",
             "/casework/due", "/casework/institutions", "/casework/campaigns", "/casework/risk-points",
             "/imports", "/account", "/indicators", "/evaluation", f"/reports/year-end?year={year}"]
    if person_links:
        pages.append(person_page)
    fits(run, pages, "sup")
    menus(run)

    # 10. The auditor finds the steps in the audit log.
    run.logout()
    run.login(args.auditor, args.auditor_password)
    run.open("/audit?action=verification")
    audit = d.find_element(By.ID, "audit").text
    run.check(finding_id in audit and "verification.irregular" in audit, "the audit log has the verification steps")
    run.check(args.user in audit, "the audit log names who did them")
    run.shot("audit")
    run.open("/audit?action=view")
    run.check(finding_id in run.text(), "the audit log has the views of the finding")
    run.open("/audit")
    run.shot("audit-all")
    fits(run, ["/audit", "/audit?action=view", "/account"], "aud")


def download(run, path):
    """GET `path` with the browser's session cookie (what a click on the download link sends)."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in run.driver.get_cookies())
    request = urllib.request.Request(run.base + path, headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read()


def fits(run, pages, who):
    """At 1 400 and 390 px: no page scrolls sideways, and the header stays one line high (its height at
    the dashboard, itself at most one line of the top bar), with a screenshot of each page at each width."""
    for width in (1400, 390):
        run.resize(width)
        run.open("/dashboard")
        reference = run.layout()[2]
        run.check(0 < reference <= 60, f"at {width} px the header is one line high ({reference:.0f} px)")
        for path in pages:
            run.open(path)
            scroll_width, inner_width, header = run.layout()
            run.check(scroll_width <= inner_width,
                      f"at {width} px {path} does not scroll sideways ({scroll_width} ≤ {inner_width})")
            run.check(header <= reference + 1, f"at {width} px {path} keeps the header's height ({header:.0f} px)")
            name = path.strip("/").replace("/", "-").replace("?", "-").replace("=", "-") or "root"
            run.shot(f"{who}-{width}-{name}")
    run.resize(1440)


def menus(run):
    """The navigation menus open from the keyboard and by a click, and stay inside the window at both widths."""
    d = run.driver
    for width in (1400, 390):
        run.resize(width)
        run.open("/dashboard")
        summary = d.find_elements(By.CSS_SELECTOR, "header nav details.menu summary")[1]
        summary.send_keys(Keys.ENTER)
        opened = d.find_elements(By.CSS_SELECTOR, "header nav details.menu[open] .menu-list a")
        run.check(len(opened) >= 2 and all(link.is_displayed() for link in opened),
                  f"at {width} px a menu opens from the keyboard with {len(opened)} links")
        right = d.execute_script(
            "return Math.max(...[...document.querySelectorAll('header nav details[open] .menu-list')]"
            ".map(e => e.getBoundingClientRect().right));")
        scroll_width, inner_width, _ = run.layout()
        run.check(right <= inner_width and scroll_width <= inner_width,
                  f"at {width} px the open menu stays inside the window ({right:.0f} ≤ {inner_width})")
        run.shot(f"menu-open-{width}")
        run.submit(opened[-1])
        run.check(d.find_elements(By.CSS_SELECTOR, "header nav details.menu.active"),
                  f"at {width} px the page opened from a menu marks its menu")
    run.resize(1440)


if __name__ == "__main__":
    main()
