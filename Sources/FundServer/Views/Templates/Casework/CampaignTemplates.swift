extension Templates {
    static let campaigns = """
        <h1>专项检查</h1>
        <div class="card">
          {{#hasRows}}
          <table id="campaigns"><thead><tr><th>编号</th><th>名称</th><th>范围</th><th>阶段</th><th>启动</th><th>自查截止</th><th class="num">机构</th></tr></thead><tbody>
          {{#rows}}<tr><td><a href="{{href}}">{{id}}</a></td><td>{{title}}</td><td>{{region}}</td><td><span class="status {{state}}">{{stateName}}</span></td><td>{{opened}}</td><td>{{due}}</td><td class="num">{{institutions}}</td></tr>{{/rows}}
          </tbody></table>
          {{/hasRows}}
          {{^hasRows}}<p class="muted">尚无专项检查。</p>{{/hasRows}}
        </div>
        {{#canOpen}}
        <div class="card">
          <h2>启动专项检查</h2>
          <form method="post" action="/casework/campaigns" class="stack" id="form-open">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <label>编号<input name="campaign_id" required></label>
            <label>名称<input name="title" required></label>
            <label>范围（地区代码）<input name="region" required></label>
            <label>自查截止日<input type="date" name="due" required></label>
            <label>参加机构（机构编号，逗号分隔；留空为范围内全部机构）<input name="institutions"></label>
            <label>检查清单（每行“编号|内容|依据”）<textarea name="checklist" rows="10">{{defaultChecklist}}</textarea></label>
            <label>启动日期<input type="date" name="on" value="{{today}}"></label>
            <button type="submit">启动</button>
          </form>
        </div>
        {{/canOpen}}
        """

    static let campaign = """
        <p class="small"><a href="/casework/campaigns">← 专项检查</a></p>
        <h1>{{title}} <span class="status {{state}}" id="state">{{stateName}}</span></h1>
        <p><a class="button secondary" href="/casework/campaigns/{{id}}/report">自查报告与风险清单（打印）</a>
           <a class="button secondary" href="/casework/campaigns/{{id}}/risks.csv">风险清单 CSV</a>
           <a class="button secondary" href="/casework/campaigns/{{id}}/report.csv">机构情况 CSV</a>
           <a class="button secondary" href="/casework/campaigns/{{id}}/report?format=xlsx">机构情况 Excel</a>
           <a class="button secondary" href="/casework/campaigns/{{id}}/report?format=xlsx&amp;list=risks">风险清单 Excel</a></p>
        <div class="grid two">
          <div class="card">
            <dl class="facts"><dt>编号</dt><dd>{{id}}</dd><dt>范围</dt><dd>{{region}}</dd><dt>启动</dt><dd>{{opened}}</dd><dt>自查截止</dt><dd>{{due}}</dd></dl>
            {{#canManage}}{{#notClosed}}
            <div class="actions">
            {{#selfInspecting}}<form method="post" action="/casework/campaigns/{{id}}/steps" class="stack" id="form-startSpotChecks"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="action" value="startSpotChecks"><button type="submit">结束自查，转入抽查</button></form>{{/selfInspecting}}
            {{#spotChecking}}
            <form method="post" action="/casework/campaigns/{{id}}/steps" class="stack" id="form-draw"><h3>抽取抽查机构</h3><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="action" value="draw">
              <label>数量<input name="size" inputmode="numeric" required></label>
              <label>方式<select name="method"><option value="random">随机抽取</option><option value="weighted">按疑点加权抽取</option></select></label>
              <button type="submit">抽取</button></form>
            <form method="post" action="/casework/campaigns/{{id}}/steps" class="stack" id="form-close"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="action" value="close"><label>说明<input name="reason"></label><button type="submit" class="secondary">结束专项检查</button></form>
            {{/spotChecking}}
            </div>
            {{/notClosed}}{{/canManage}}
          </div>
          <div class="card">
            <h2>检查清单</h2>
            <table id="checklist"><tbody>{{#checklist}}<tr><td>{{id}}</td><td>{{text}}</td><td class="small muted">{{basis}}</td></tr>{{/checklist}}</tbody></table>
          </div>
        </div>
        <div class="card">
          <h2>机构自查</h2>
          <table id="inspections"><thead><tr><th>机构</th><th>状态</th><th>作答</th><th>风险点</th><th>自查报告</th></tr></thead><tbody>
          {{#inspections}}<tr><td>{{institution}}</td><td><span class="status {{state}}">{{stateName}}</span> {{submitted}}</td><td class="small">{{answers}}</td><td class="small">{{#risks}}<div>{{.}}</div>{{/risks}}</td><td class="small">{{report}}</td></tr>{{/inspections}}
          </tbody></table>
          {{#canHandle}}{{#selfInspecting}}
          <div class="actions">
            <form method="post" action="/casework/campaigns/{{id}}/steps" class="stack" id="form-answer"><h3>填报自查清单</h3><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="action" value="answer">
              <label>机构<select name="institution_id">{{#pendingInstitutions}}<option value="{{value}}">{{label}}</option>{{/pendingInstitutions}}</select></label>
              {{#checklist}}<label>{{id}} {{text}}<select name="result_{{id}}"><option value="">（不填）</option><option value="compliant">符合</option><option value="nonCompliant">不符合</option><option value="notApplicable">不适用</option></select><input name="note_{{id}}" placeholder="说明（不符合时必填）"></label>{{/checklist}}
              <button type="submit">保存作答</button></form>
            <form method="post" action="/casework/campaigns/{{id}}/steps" class="stack" id="form-addRisk"><h3>登记风险点</h3><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="action" value="addRisk">
              <label>机构<select name="institution_id">{{#pendingInstitutions}}<option value="{{value}}">{{label}}</option>{{/pendingInstitutions}}</select></label>
              <label>风险描述<textarea name="description" required></textarea></label>
              <label>对应风险点编号（可选，如 RP07）<input name="risk_point_id"></label>
              <label>措施<input name="measure"></label>
              <button type="submit">登记</button></form>
            <form method="post" action="/casework/campaigns/{{id}}/steps" class="stack" id="form-submit"><h3>提交自查报告</h3><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="action" value="submit">
              <label>机构<select name="institution_id">{{#pendingInstitutions}}<option value="{{value}}">{{label}}</option>{{/pendingInstitutions}}</select></label>
              <label>自查报告<textarea name="report" required></textarea></label>
              <button type="submit">提交</button></form>
          </div>
          {{/selfInspecting}}{{/canHandle}}
        </div>
        {{#hasDraws}}
        <div class="card" id="draws"><h2>抽查抽取记录（可复核）</h2>
          <table><thead><tr><th>编号</th><th>日期</th><th>方式</th><th>随机种子</th><th>候选（权重）</th><th>抽中</th></tr></thead><tbody>
          {{#draws}}<tr><td>{{id}}</td><td>{{day}}</td><td>{{method}}</td><td>{{seed}}</td><td class="small">{{candidates}}</td><td>{{drawn}}</td></tr>{{/draws}}
          </tbody></table></div>
        {{/hasDraws}}
        {{#hasChecks}}
        <div class="card"><h2>抽查结果</h2>
          <table id="checks"><thead><tr><th>机构</th><th>状态</th><th>发现问题</th><th>检查情况</th></tr></thead><tbody>
          {{#checks}}<tr><td>{{institution}}</td><td>{{stateName}}</td><td class="small">{{#problems}}<div>{{.}}</div>{{/problems}}</td><td class="small">{{summary}}</td></tr>{{/checks}}
          </tbody></table>
          {{#canHandle}}{{#spotChecking}}
          <form method="post" action="/casework/campaigns/{{id}}/steps" class="stack" id="form-check"><h3>登记抽查结果</h3><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="action" value="check">
            <label>机构<select name="institution_id">{{#plannedInstitutions}}<option value="{{value}}">{{label}}</option>{{/plannedInstitutions}}</select></label>
            <label>检查人员（逗号分隔）<input name="inspectors" required></label>
            <label>发现的问题（每行“问题|检查项目编号|金额（元）”）<textarea name="problems"></textarea></label>
            <label>检查情况<textarea name="summary" required></textarea></label>
            <label>检查日期<input type="date" name="on" value="{{today}}"></label>
            <button type="submit">登记</button></form>
          {{/spotChecking}}{{/canHandle}}
        </div>
        {{/hasChecks}}
        <div class="card"><h2>整改事项</h2>
          {{#hasRectifications}}
          <table id="rectifications"><thead><tr><th>编号</th><th>机构</th><th>整改内容</th><th>责任人</th><th>期限</th><th>状态</th><th>佐证</th><th></th></tr></thead><tbody>
          {{#rectifications}}<tr><td>{{id}}</td><td>{{institution}}</td><td>{{description}}</td><td>{{owner}}</td><td>{{deadline}}{{#overdue}} <span class="badge red">逾期</span>{{/overdue}}</td><td>{{stateName}}</td><td class="small">{{evidence}}</td>
          <td>{{#open}}{{#canHandle}}<form method="post" action="/casework/campaigns/{{campaignID}}/steps" class="stack"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="action" value="closeRectification"><input type="hidden" name="rectification_id" value="{{id}}"><input name="evidence" placeholder="整改佐证材料" required><button type="submit">销号</button></form>{{/canHandle}}{{/open}}</td></tr>{{/rectifications}}
          </tbody></table>
          {{/hasRectifications}}
          {{^hasRectifications}}<p class="muted">尚无整改事项。</p>{{/hasRectifications}}
          {{#canHandle}}{{#notClosed}}
          <form method="post" action="/casework/campaigns/{{id}}/steps" class="stack" id="form-rectify"><h3>提出整改事项</h3><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="action" value="rectify">
            <label>机构<select name="institution_id">{{#allInstitutions}}<option value="{{value}}">{{label}}</option>{{/allInstitutions}}</select></label>
            <label>对应抽查问题编号（可选）<input name="problem_id"></label>
            <label>整改内容<textarea name="description" required></textarea></label>
            <label>责任人<input name="owner" required></label>
            <label>整改期限<input type="date" name="deadline" required></label>
            <button type="submit">提出</button></form>
          {{/notClosed}}{{/canHandle}}
        </div>
        <div class="card"><h2>专项检查记录</h2>
          <table id="history"><thead><tr><th>日期</th><th>步骤</th><th>阶段变化</th><th>经办人</th><th>说明</th></tr></thead><tbody>
          {{#history}}<tr><td>{{day}}</td><td>{{action}}</td><td>{{states}}</td><td>{{actor}}</td><td>{{detail}}</td></tr>{{/history}}
          </tbody></table></div>
        """

    static let campaignReport = """
        <p class="small noprint"><a href="/casework/campaigns/{{id}}">← 返回专项检查</a> · <a href="/casework/campaigns/{{id}}/risks.csv">风险清单 CSV</a> · <a href="/casework/campaigns/{{id}}/report.csv">机构情况 CSV</a> · <a href="/casework/campaigns/{{id}}/report?format=xlsx">机构情况 Excel</a> · <a href="/casework/campaigns/{{id}}/report?format=xlsx&amp;list=risks">风险清单 Excel</a></p>
        <h1>{{title}} · 自查报告</h1>
        <p>范围：{{region}}　统计日：{{asOf}}</p>
        <div class="card">
          <h2>总体情况</h2>
          <p id="summary">参加机构 {{institutions}} 家，已提交自查报告 {{submitted}} 家（逾期提交 {{submittedLate}} 家）；抽中 {{spotCheckDrawn}} 家，已检查 {{spotChecked}} 家，发现问题 {{problems}} 个，涉及金额 {{problemAmount}} 元；整改事项 整改中 {{rectificationsOpen}}、已销号 {{rectificationsClosed}}、逾期 {{rectificationsOverdue}}。</p>
        </div>
        <div class="card">
          <h2>检查清单作答情况</h2>
          <table><thead><tr><th>项目</th><th class="num">符合</th><th class="num">不符合</th><th class="num">不适用</th><th class="num">未作答</th></tr></thead><tbody>
          {{#items}}<tr><td>{{id}} {{text}}</td><td class="num">{{compliant}}</td><td class="num">{{nonCompliant}}</td><td class="num">{{notApplicable}}</td><td class="num">{{unanswered}}</td></tr>{{/items}}
          </tbody></table>
        </div>
        <div class="card">
          <h2>机构情况</h2>
          <table id="lines"><thead><tr><th>机构</th><th>地区</th><th>自查</th><th class="num">不符合项</th><th class="num">风险点</th><th>抽查</th><th class="num">问题</th><th class="num">金额（元）</th><th class="num">整改中</th><th class="num">已销号</th><th class="num">逾期</th></tr></thead><tbody>
          {{#lines}}<tr><td>{{id}} {{name}}</td><td>{{region}}</td><td>{{selfInspection}} {{submitted}}{{#late}}（逾期）{{/late}}</td><td class="num">{{nonCompliant}}</td><td class="num">{{risks}}</td><td>{{spotCheck}}</td><td class="num">{{problems}}</td><td class="num">{{amount}}</td><td class="num">{{open}}</td><td class="num">{{closed}}</td><td class="num">{{overdue}}</td></tr>{{/lines}}
          </tbody></table>
        </div>
        <div class="card">
          <h2>风险清单</h2>
          {{#hasRisks}}
          <table id="risks"><thead><tr><th>序号</th><th>来源</th><th>机构</th><th>地区</th><th>检查项目或风险点</th><th>风险描述</th><th>措施</th><th>状态</th></tr></thead><tbody>
          {{#risks}}<tr><td>{{n}}</td><td>{{source}}</td><td>{{institution}}</td><td>{{region}}</td><td>{{reference}}</td><td>{{description}}</td><td>{{measure}}</td><td>{{status}}</td></tr>{{/risks}}
          </tbody></table>
          {{/hasRisks}}
          {{^hasRisks}}<p class="muted">风险清单为空。</p>{{/hasRisks}}
        </div>
        """
}
