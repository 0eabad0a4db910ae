extension Templates {
    static let dashboard = """
        <h1>总览 · {{scopeName}}</h1>
        <div class="tiles">
        {{#tiles}}<a class="tile {{style}}" href="{{href}}"><div class="label">{{label}}</div><div class="value">{{value}}</div></a>{{/tiles}}
        </div>
        {{#casework}}
        <div class="card" id="casework-summary">
          <h2>案件办理与协议机构</h2>
          <div class="tiles">
            <a class="tile red" href="/casework/due"><div class="label">逾期工伤认定</div><div class="value">{{overdueDeterminations}}</div></a>
            <a class="tile red" href="/casework/due"><div class="label">逾期劳动能力鉴定</div><div class="value">{{overdueAssessments}}</div></a>
            <a class="tile orange" href="/casework/institutions?days=30"><div class="label">30 天内到期协议</div><div class="value">{{expiringAgreements}}</div></a>
            <a class="tile" href="/casework/campaigns"><div class="label">整改中事项（逾期 {{overdueRectifications}}）</div><div class="value">{{openRectifications}}</div></a>
          </div>
          {{#hasCities}}
          <table id="casework-overdue"><thead><tr><th>地区</th><th class="num">逾期工伤认定</th><th class="num">逾期劳动能力鉴定</th></tr></thead><tbody>
          {{#cities}}<tr><td><a href="{{href}}">{{name}}</a></td><td class="num">{{determinations}}</td><td class="num">{{assessments}}</td></tr>{{/cities}}
          </tbody></table>
          {{/hasCities}}
        </div>
        {{/casework}}
        <div class="card">
          <h2>基金收支与结余（按月）</h2>
          {{{ledgerChart}}}
        </div>
        <div class="grid two">
          <div class="card"><h2>按预警等级</h2>{{{severityChart}}}</div>
          <div class="card"><h2>按规则（前 12 条）</h2>{{{ruleChart}}}</div>
        </div>
        <div class="grid two">
          <div class="card">
            <h2>按统筹地区</h2>
            {{#hasRegions}}
            <table>
              <thead><tr><th>地区</th><th class="num">疑点</th><th class="num">红色</th><th class="num">涉及金额（元）</th><th class="num">核查完成率</th></tr></thead>
              <tbody>
              {{#regions}}<tr><td><a href="{{href}}">{{label}}</a></td><td class="num">{{count}}</td><td class="num">{{red}}</td><td class="num">{{amount}}</td><td class="num">{{done}}</td></tr>{{/regions}}
              </tbody>
            </table>
            {{/hasRegions}}
            {{^hasRegions}}<p class="muted">暂无疑点。</p>{{/hasRegions}}
          </div>
          <div class="card">
            <h2>最近一次筛查</h2>
            {{#run}}
            <dl class="facts">
              <dt>批次</dt><dd>第 {{id}} 次</dd>
              <dt>执行时间</dt><dd>{{started}}</dd>
              <dt>筛查日期</dt><dd>{{asOf}}</dd>
              <dt>发现疑点</dt><dd>{{raised}}（新增 {{new}}，再次发现 {{again}}，不再发现 {{noLonger}}）</dd>
            </dl>
            {{#hasNotRun}}<details class="small muted"><summary>未运行的规则 {{notRunCount}} 条（缺少数据或未启用）</summary><ul>{{#notRun}}<li>{{.}}</li>{{/notRun}}</ul></details>{{/hasNotRun}}
            {{/run}}
            {{^run}}<p class="muted">尚未进行筛查。</p>{{/run}}
          </div>
        </div>
        <div class="card">
          <h2>监控指标预警（I01–I07）</h2>
          {{#hasIndicators}}
          <table>
            <thead><tr><th>指标</th><th>地区</th><th>等级</th><th>说明</th></tr></thead>
            <tbody>
            {{#indicators}}<tr><td><a href="{{href}}">{{id}} {{name}}</a></td><td>{{region}}</td><td><span class="badge {{severity}}">{{severityName}}</span></td><td>{{detail}}</td></tr>{{/indicators}}
            </tbody>
          </table>
          {{/hasIndicators}}
          {{^hasIndicators}}<p class="muted">没有指标达到预警线。</p>{{/hasIndicators}}
        </div>
        <div class="card">
          <h2>按规则</h2>
          <table>
            <thead><tr><th>规则</th><th class="num">疑点</th><th class="num">红色</th><th class="num">涉及金额（元）</th><th class="num">核查完成率</th></tr></thead>
            <tbody>
            {{#rules}}<tr><td><a href="{{href}}">{{label}}</a></td><td class="num">{{count}}</td><td class="num">{{red}}</td><td class="num">{{amount}}</td><td class="num">{{done}}</td></tr>{{/rules}}
            </tbody>
          </table>
        </div>
        """
}
