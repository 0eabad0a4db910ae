import FundRules

extension Templates {
    static let assessments = """
        <h1>劳动能力鉴定台账</h1>
        {{#export}}<p class="exports"><a class="button secondary" href="{{csv}}">导出 CSV</a> <a class="button secondary" href="{{xlsx}}">导出 Excel</a></p>{{/export}}
        <p class="small"><a href="/casework/due">办理时限：即将到期与逾期（按地区）</a> · <a href="/casework/experts">专家抽取统计</a></p>
        <div class="card">
          <form class="filters" method="get" action="/casework/assessments">
            <label>状态<select name="state">{{#stateOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/stateOptions}}</select></label>
            <label>案件编号<input class="short" name="case" value="{{caseID}}"></label>
            <button type="submit">筛选</button>
            <a class="button secondary" href="/casework/assessments">清除</a>
          </form>
        </div>
        <div class="card">
          <p class="muted">共 {{total}} 件</p>
          {{#hasRows}}
          <table id="assessments">
            <thead><tr><th>鉴定编号</th><th>案件</th><th>职工</th><th>鉴定委员会</th><th>类别</th><th>状态</th><th>申请日期</th><th>下一步</th><th>期限</th></tr></thead>
            <tbody>
            {{#rows}}<tr><td><a href="{{href}}">{{id}}</a></td><td>{{caseID}}</td><td>{{worker}}</td><td>{{region}}</td><td>{{kind}}</td><td><span class="status {{state}}">{{stateName}}</span></td><td>{{applied}}</td><td>{{step}}</td><td>{{due}}{{#overdue}} <span class="badge red">逾期</span>{{/overdue}}</td></tr>{{/rows}}
            </tbody>
          </table>
          {{/hasRows}}
          {{^hasRows}}<p class="muted">没有符合条件的鉴定。</p>{{/hasRows}}
        </div>
        {{#canOpen}}
        <div class="card">
          <h2>登记劳动能力鉴定申请</h2>
          <form method="post" action="/casework/assessments" class="stack" id="form-open">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <label>鉴定编号<input name="assessment_id" required></label>
            <label>案件编号（已认定或视同工伤）<input name="case_id" value="{{caseID}}" required></label>
            <label>类别<select name="kind">{{#kindOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kindOptions}}</select></label>
            <label>原鉴定编号（再次、复查鉴定，可选）<input name="previous_id"></label>
            <label>收到原鉴定结论日期（再次鉴定，可选）<input type="date" name="conclusion_received"></label>
            <label>申请人<select name="applicant">{{#applicantOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/applicantOptions}}</select></label>
            <label>出具医疗证明的机构编号<input name="hospital_id"></label>
            <label>所需专业（逗号分隔）<input name="specialties" required></label>
            <label>申请日期<input type="date" name="on" value="{{today}}"></label>
            <button type="submit">登记</button>
          </form>
        </div>
        {{/canOpen}}
        """

    static let assessment = """
        <p class="small"><a href="/casework/assessments">← 劳动能力鉴定台账</a></p>
        <h1>劳动能力鉴定 {{id}} <span class="status {{state}}" id="state">{{stateName}}</span></h1>
        <div class="grid two">
          <div class="card">
            <h2>申请</h2>
            <dl class="facts">
              <dt>案件</dt><dd><a href="{{caseHref}}">{{caseID}}</a></dd>
              <dt>类别</dt><dd>{{kind}}{{#previous}}（原鉴定 {{previous}}）{{/previous}}</dd>
              <dt>职工</dt><dd>{{worker}}</dd>
              <dt>用人单位</dt><dd>{{employer}}</dd>
              <dt>鉴定委员会</dt><dd>{{region}}</dd>
              <dt>申请人</dt><dd>{{applicant}}</dd>
              <dt>申请日期</dt><dd>{{applied}}</dd>
              <dt>出具医疗证明的机构</dt><dd>{{hospital}}</dd>
              <dt>所需专业</dt><dd>{{specialties}}</dd>
              <dt>认定决定所列部位</dt><dd>{{determinationParts}}</dd>
              <dt>专家组</dt><dd id="panel">{{panel}}</dd>
              {{#conclusion}}<dt>鉴定结论</dt><dd>{{conclusion}}</dd>{{/conclusion}}
              {{#terminated}}<dt>终止理由</dt><dd>{{terminated}}</dd>{{/terminated}}
              {{#extensionText}}<dt>延长</dt><dd>{{extensionText}}</dd>{{/extensionText}}
              {{#postponements}}<dt>改期</dt><dd>{{.}}</dd>{{/postponements}}
            </dl>
          </div>
          <div class="card">
            <h2>法定时限</h2>
            <table id="dues"><tbody>
            {{#dues}}<tr><td>{{label}}</td><td>{{day}}{{#overdue}} <span class="badge red">逾期</span>{{/overdue}}</td></tr>{{/dues}}
            </tbody></table>
            <h2>申请材料</h2>
        \(caseworkMaterialsTable)
          </div>
        </div>
        {{#hasDraws}}
        <div class="card" id="draws">
          <h2>专家抽取记录（可复核）</h2>
          {{#draws}}
          <div class="record">
            <h3>{{id}} · {{day}} · {{actor}}{{#superseded}} <span class="badge orange">已作废：{{supersededReason}}</span>{{/superseded}}</h3>
            <dl class="facts">
              <dt>随机种子</dt><dd>{{seed}}</dd>
              <dt>人数与专业</dt><dd>{{size}} 人；{{specialties}}</dd>
              <dt>抽中</dt><dd>{{drawn}}</dd>
              <dt>可抽取专家（{{poolCount}} 名）</dt><dd class="small">{{pool}}</dd>
              <dt>回避专家</dt><dd>{{#hasExcluded}}<ul>{{#excluded}}<li>{{.}}</li>{{/excluded}}</ul>{{/hasExcluded}}{{^hasExcluded}}无{{/hasExcluded}}</dd>
              <dt>复核</dt><dd>{{#replayMatches}}按种子重演结果一致{{/replayMatches}}{{^replayMatches}}<span class="badge red">重演结果不一致</span>{{/replayMatches}}</dd>
            </dl>
          </div>
          {{/draws}}
        </div>
        {{/hasDraws}}
        \(stepForms(posting: "assessments", assessmentSteps))
        \(caseworkHistoryCard)
        """

    static let experts = """
        <h1>专家抽取统计</h1>
        {{#export}}<p class="exports"><a class="button secondary" href="{{csv}}">导出 CSV</a> <a class="button secondary" href="{{xlsx}}">导出 Excel</a></p>{{/export}}
        <div class="card">
          <form class="filters" method="get" action="/casework/experts">
            <label>从<input type="date" name="from" value="{{from}}"></label>
            <label>至<input type="date" name="to" value="{{to}}"></label>
            <button type="submit">统计</button>
          </form>
          <p class="muted">按抽取日期统计现行专家组；同一用人单位 365 日内 5 次及以上标为集中（规则 R18）。</p>
        </div>
        <div class="card">
          {{#hasRows}}
          <table id="experts"><thead><tr><th>专家</th><th>专业</th><th>所在机构</th><th>地区</th><th class="num">参加专家组</th><th class="num">被重抽作废</th><th class="num">回避</th><th>用人单位</th></tr></thead><tbody>
          {{#rows}}<tr><td>{{id}} {{name}}</td><td>{{specialty}}</td><td>{{institution}}</td><td>{{region}}</td><td class="num">{{panels}}</td><td class="num">{{superseded}}</td><td class="num">{{excluded}}</td><td>{{employers}}{{#concentrated}} <span class="badge orange">集中</span>{{/concentrated}}</td></tr>{{/rows}}
          </tbody></table>
          {{/hasRows}}
          {{^hasRows}}<p class="muted">专家库为空。</p>{{/hasRows}}
        </div>
        """

    /// The steps of an assessment, in the order of the procedure (`AssessmentMachine.nextSteps` picks those shown).
    static let assessmentSteps: [StepForm] = {
        let size =
            #"<label>人数<select name="size"><option value="3">3</option><option value="5">5</option></select></label>"#
        let specialties = #"<label>所需专业（逗号分隔，默认为申请所列）<input name="specialties"></label>"#
        return materialSteps + [
            StepForm(
                action: "draw", title: "随机抽取专家组",
                fields: [
                    size, specialties,
                    #"<label>本次无法参加的专家（每行“专家编号:理由”，可选）<textarea name="unavailable"></textarea></label>"#,
                ], button: "抽取"),
            StepForm(
                action: "redraw", title: "重新抽取专家组",
                fields: [
                    size, specialties,
                    #"<label>本次无法参加的专家（每行“专家编号:理由”）<textarea name="unavailable"></textarea></label>"#,
                    #"<label>重新抽取的理由<textarea name="reason" required></textarea></label>"#,
                ], button: "重新抽取", buttonClass: "secondary"),
            StepForm(
                action: "extend", title: "延长鉴定期限 \(AssessmentClock.extensionDays) 日", fields: [requiredReason],
                button: "延长"),
            StepForm(
                action: "postpone", title: "鉴定改期",
                fields: [#"<label>顺延天数<input name="days" inputmode="numeric" required></label>"#, requiredReason],
                button: "改期"),
            StepForm(
                action: "conclude", title: "作出鉴定结论",
                fields: [
                    #"<label>伤残等级（1–10，未达级填 none）<input name="grade" value="none"></label>"#,
                    #"<label>生活自理障碍<select name="nursing">{{#nursingOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/nursingOptions}}</select></label>"#,
                    #"<label>鉴定的受伤部位（逗号分隔，须为认定决定所列）<input name="injured_parts" required></label>"#,
                    #"<label>专家组意见<textarea name="opinion"></textarea></label>"#,
                ], button: "作出结论"),
            StepForm(action: "deliver", title: "送达鉴定结论", button: "送达"),
            StepForm(
                action: "terminate", title: "终止鉴定", fields: [requiredReason], button: "终止", buttonClass: "danger"),
        ]
    }()
}
