import FundRules

extension Templates {
    static let determinations = """
        <h1>工伤认定台账</h1>
        {{#export}}<p class="exports"><a class="button secondary" href="{{csv}}">导出 CSV</a> <a class="button secondary" href="{{xlsx}}">导出 Excel</a></p>{{/export}}
        <p class="small"><a href="/casework/due">办理时限：即将到期与逾期（按地区）</a> · <a href="/casework/assessments">劳动能力鉴定</a></p>
        <div class="card">
          <form class="filters" method="get" action="/casework/determinations">
            <label>状态<select name="state">{{#stateOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/stateOptions}}</select></label>
            {{#showRegionFilter}}<label>统筹地区<select name="region">{{#regionOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/regionOptions}}</select></label>{{/showRegionFilter}}
            <button type="submit">筛选</button>
            <a class="button secondary" href="/casework/determinations">清除</a>
          </form>
        </div>
        <div class="card">
          <p class="muted">共 {{total}} 件</p>
          {{#hasRows}}
          <table id="determinations">
            <thead><tr><th>案件编号</th><th>职工</th><th>地区</th><th>类别</th><th>状态</th><th>申请日期</th><th>下一步</th><th>期限</th></tr></thead>
            <tbody>
            {{#rows}}<tr><td><a href="{{href}}">{{id}}</a></td><td>{{worker}}</td><td>{{region}}</td><td>{{kind}}{{#fatal}}（工亡）{{/fatal}}</td><td><span class="status {{state}}">{{stateName}}</span></td><td>{{applied}}</td><td>{{step}}</td><td>{{due}}{{#overdue}} <span class="badge red">逾期</span>{{/overdue}}</td></tr>{{/rows}}
            </tbody>
          </table>
          {{/hasRows}}
          {{^hasRows}}<p class="muted">没有符合条件的案件。</p>{{/hasRows}}
        </div>
        {{#canOpen}}
        <div class="card">
          <h2>登记工伤认定申请</h2>
          <form method="post" action="/casework/determinations" class="stack" id="form-open">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <label>案件编号<input name="case_id" required></label>
            <label><input type="checkbox" name="from_import" value="1"> 取自导入的案件（只需案件编号）</label>
            <label>职工身份证号<input name="worker_id"></label>
            <label>用人单位编号<input name="employer_id"></label>
            <label>统筹地区代码<input name="region" inputmode="numeric"></label>
            <label>类别<select name="kind">{{#kindOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kindOptions}}</select></label>
            <label>事故（诊断）日期<input type="date" name="accident_date"></label>
            <label><input type="checkbox" name="fatal" value="1"> 工亡</label>
            <label>申请人<select name="applicant">{{#applicantOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/applicantOptions}}</select></label>
            <fieldset><legend>随申请提交的材料（条例第十八条）</legend>{{#materials}}<label><input type="checkbox" name="materials" value="{{value}}" checked> {{label}}</label>{{/materials}}</fieldset>
            <label>简要情况<textarea name="description"></textarea></label>
            <label>申请日期<input type="date" name="on" value="{{today}}"></label>
            <button type="submit">登记</button>
          </form>
        </div>
        {{/canOpen}}
        """

    static let determination = """
        <p class="small"><a href="/casework/determinations">← 工伤认定台账</a></p>
        <h1>工伤认定 {{id}} <span class="status {{state}}" id="state">{{stateName}}</span></h1>
        {{#current}}<p class="flash ok" id="current-deadline">下一期限 · {{current}}</p>{{/current}}
        <div class="grid two">
          <div class="card">
            <h2>案件情况</h2>
            <dl class="facts">
              <dt>职工</dt><dd>{{worker}}</dd>
              <dt>用人单位</dt><dd>{{employer}}</dd>
              <dt>统筹地区</dt><dd>{{region}}</dd>
              <dt>类别</dt><dd>{{kind}}{{#fatal}}（工亡）{{/fatal}}</dd>
              <dt>申请人</dt><dd>{{applicant}}</dd>
              <dt>事故（诊断）日期</dt><dd>{{accident}}</dd>
              <dt>申请日期</dt><dd>{{applied}}{{#appliedLate}} <span class="badge orange">超过申请时限</span>{{/appliedLate}}</dd>
              {{#description}}<dt>简要情况</dt><dd>{{description}}</dd>{{/description}}
              {{#accepted}}<dt>受理日期</dt><dd>{{accepted}}{{#clearCase}}（事实清楚、权利义务明确）{{/clearCase}}</dd>{{/accepted}}
              {{#notAcceptedReason}}<dt>不予受理理由</dt><dd>{{notAcceptedReason}}</dd>{{/notAcceptedReason}}
              {{#decision}}<dt>认定决定</dt><dd>{{decision}}</dd>{{/decision}}
              {{#delivered}}<dt>送达日期</dt><dd>{{delivered}}</dd>{{/delivered}}
            </dl>
            <p class="small"><a href="{{assessmentsHref}}">该案的劳动能力鉴定</a></p>
          </div>
          <div class="card">
            <h2>法定时限</h2>
            <table id="dues"><thead><tr><th>事项</th><th>期限</th><th>依据</th></tr></thead><tbody>
            {{#dues}}<tr><td>{{label}}</td><td>{{day}}{{#overdue}} <span class="badge red">逾期</span>{{/overdue}}</td><td>{{basis}}</td></tr>{{/dues}}
            </tbody></table>
            <h2>申请材料（条例第十八条）</h2>
        \(caseworkMaterialsTable)
            {{#notice}}<p class="small">{{notice}}</p>{{/notice}}
          </div>
        </div>
        {{#hasInvestigations}}<div class="card"><h2>调查核实记录</h2><ul>{{#investigations}}<li>{{.}}</li>{{/investigations}}</ul></div>{{/hasInvestigations}}
        {{#hasSuspensions}}<div class="card"><h2>中止记录</h2><ul>{{#suspensions}}<li>{{.}}</li>{{/suspensions}}</ul></div>{{/hasSuspensions}}
        \(stepForms(posting: "determinations", determinationSteps))
        \(caseworkHistoryCard)
        """

    static let caseworkDue = """
        <h1>办理时限 · 逾期与即将到期</h1>
        {{#export}}<p class="exports"><a class="button secondary" href="{{csv}}">导出 CSV</a> <a class="button secondary" href="{{xlsx}}">导出 Excel</a></p>{{/export}}
        <div class="card">
          <form class="filters" method="get" action="/casework/due">
            <label>即将到期（天内）<input class="short" name="days" value="{{days}}" inputmode="numeric"></label>
            <button type="submit">查看</button>
          </form>
          <p class="muted">统计日 {{today}}；工伤认定与劳动能力鉴定，期限按法定时限（已扣除中止、延长、改期）计算。</p>
        </div>
        {{#hasCities}}
        {{#cities}}
        <div class="card city-deadlines">
          <h2>{{name}} · 逾期 {{overdueCount}} · 即将到期 {{dueSoonCount}}</h2>
          <table><thead><tr><th></th><th>事项</th><th>编号</th><th>应办步骤</th><th>期限</th><th>依据</th></tr></thead><tbody>
          {{#overdue}}<tr><td><span class="badge red">逾期 {{days}} 天</span></td><td>{{subject}}</td><td><a href="{{href}}">{{id}}</a></td><td>{{step}}</td><td>{{due}}</td><td>{{basis}}</td></tr>{{/overdue}}
          {{#dueSoon}}<tr><td><span class="badge yellow">剩余 {{days}} 天</span></td><td>{{subject}}</td><td><a href="{{href}}">{{id}}</a></td><td>{{step}}</td><td>{{due}}</td><td>{{basis}}</td></tr>{{/dueSoon}}
          </tbody></table>
        </div>
        {{/cities}}
        {{/hasCities}}
        {{^hasCities}}<div class="card"><p class="muted">没有逾期或即将到期的事项。</p></div>{{/hasCities}}
        """

    /// The steps of a determination, in the order of the procedure (`DeterminationMachine.nextSteps` picks those shown).
    static let determinationSteps: [StepForm] = {
        let note = #"<label>说明<input name="reason"></label>"#
        return materialSteps + [
            StepForm(
                action: "accept", title: "受理",
                fields: [
                    #"<label><input type="checkbox" name="clear_case" value="1"> 事实清楚、权利义务明确（\#(DeterminationClock.clearCaseDecisionDays) 日内决定）</label>"#
                ],
                dateLabel: "受理日期", button: "受理"),
            StepForm(
                action: "refuseAcceptance", title: "不予受理", fields: [requiredReason], button: "不予受理",
                buttonClass: "danger"),
            StepForm(action: "startInvestigation", title: "启动调查核实", button: "启动"),
            StepForm(
                action: "recordInvestigation", title: "记录调查核实",
                fields: [
                    #"<label>调查人员（逗号分隔）<input name="investigators" required></label>"#,
                    #"<label>调查情况<textarea name="summary" required></textarea></label>"#,
                ], button: "记录"),
            StepForm(
                action: "suspend", title: "中止认定",
                fields: [#"<label>等待的司法或行政结论<input name="awaiting" required></label>"#, note], button: "中止"),
            StepForm(action: "resume", title: "恢复认定", fields: [note], button: "恢复"),
            StepForm(
                action: "decide", title: "作出认定决定",
                fields: [
                    #"<label>结论<select name="outcome">{{#outcomes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/outcomes}}</select></label>"#,
                    #"<label>依据（如 14(1)、15(1)、16(2)）<input name="basis" required></label>"#,
                    #"<label>受伤部位（逗号分隔）<input name="injured_parts"></label>"#,
                ], button: "作出决定"),
            StepForm(action: "deliver", title: "送达认定决定", dateLabel: "送达日期", button: "送达"),
        ]
    }()
}
