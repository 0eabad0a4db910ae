extension Templates {
    private static let personSections = """
        {{#hasFindings}}
        <div class="card">
          <h2>相关疑点</h2>
          <table><thead><tr><th>等级</th><th>规则</th><th class="num">金额（元）</th><th>核查状态</th><th>说明</th></tr></thead><tbody>
          {{#findings}}<tr><td><span class="badge {{severity}}">{{severityName}}</span></td><td><a href="{{href}}">{{rule}}</a></td><td class="num">{{amount}}</td><td><span class="status {{status}}">{{statusName}}</span></td><td>{{detail}}</td></tr>{{/findings}}
          </tbody></table>
        </div>
        {{/hasFindings}}
        {{#hasAssessments}}
        <div class="card">
          <h2>劳动能力鉴定</h2>
          <table><thead><tr><th>鉴定编号</th><th>案件</th><th>类别</th><th>结论日期</th><th>伤残等级</th><th>护理等级</th></tr></thead><tbody>
          {{#assessments}}<tr><td>{{id}}</td><td>{{caseID}}</td><td>{{kind}}</td><td>{{concluded}}</td><td>{{grade}}</td><td>{{nursing}}</td></tr>{{/assessments}}
          </tbody></table>
        </div>
        {{/hasAssessments}}
        <div class="card">
          <h2>待遇支付（共 {{paymentCount}} 笔，合计 {{paymentTotal}} 元）</h2>
          {{#truncated}}<p class="muted small">仅显示最近 500 笔。</p>{{/truncated}}
          {{#hasPayments}}
          <table><thead><tr><th>支付编号</th><th>案件</th><th>项目</th><th class="num">金额（元）</th><th>支付日期</th><th>服务期间</th><th>机构</th><th>结算方式</th></tr></thead><tbody>
          {{#payments}}<tr><td>{{id}}{{#flagged}} <span class="badge orange">疑点</span>{{/flagged}}</td><td>{{caseID}}</td><td>{{item}}</td><td class="num">{{amount}}</td><td>{{paidDate}}</td><td>{{period}}</td><td>{{institution}}</td><td>{{channel}}</td></tr>{{/payments}}
          </tbody></table>
          {{/hasPayments}}
          {{^hasPayments}}<p class="muted">无支付记录。</p>{{/hasPayments}}
        </div>
        """

    static let worker = """
        <h1>{{heading}}</h1>
        {{#masked}}<p class="muted small">您的角色只能查看脱敏后的身份信息。</p>{{/masked}}
        <div class="card"><dl class="facts cols">{{#facts}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/facts}}</dl></div>
        \(settlementWorkerSection)
        {{#hasCases}}
        <div class="card">
          <h2>工伤认定</h2>
          <table><thead><tr><th>案件编号</th><th>事故日期</th><th>类别</th><th>认定结论</th><th>认定日期</th></tr></thead><tbody>
          {{#cases}}<tr><td><a href="{{href}}">{{id}}</a></td><td>{{accident}}</td><td>{{kind}}</td><td>{{decision}}</td><td>{{decided}}</td></tr>{{/cases}}
          </tbody></table>
        </div>
        {{/hasCases}}
        """ + personSections

    static let caseTemplate = """
        <h1>{{heading}}</h1>
        {{#masked}}<p class="muted small">您的角色只能查看脱敏后的身份信息。</p>{{/masked}}
        <div class="card"><dl class="facts cols">{{#facts}}<dt>{{label}}</dt><dd>{{#href}}<a href="{{href}}">{{value}}</a>{{/href}}{{^href}}{{value}}{{/href}}</dd>{{/facts}}</dl></div>
        {{#hasDependents}}
        <div class="card"><h2>供养亲属</h2><dl class="facts">{{#dependents}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/dependents}}</dl></div>
        {{/hasDependents}}
        {{#showsEntitlements}}
        <div class="card" id="entitlements"><h2>待遇核定（法定标准）</h2>
          <form method="get" class="inline"><label>核定日期<input type="date" name="on" value="{{#entitlements}}{{on}}{{/entitlements}}"></label><button type="submit">按该日所属月份核定</button></form>
          {{#entitlementsError}}<p class="error">{{entitlementsError}}</p>{{/entitlementsError}}
          {{#entitlements}}
          <p class="muted small">按月待遇为 {{month}} 的标准（护理费按当年职工月平均工资，伤残津贴、供养亲属抚恤金按条例第四十条逐年调整后并以当年最低工资保底）；本人工资（保底封顶后）{{boundedOwnWage}} 元；基金一次性待遇合计 {{fundOneOffTotal}} 元。</p>
          <table><thead><tr><th>项目</th><th>支付方</th><th>支付方式</th><th class="num">金额（元）</th><th>依据</th></tr></thead><tbody>
          {{#items}}<tr><td>{{itemCode}} {{name}}{{#dependentID}}（{{dependentID}}）{{/dependentID}}</td><td>{{payer}}</td><td>{{paidAs}}</td><td class="num">{{amount}}{{#monthly}}/月{{/monthly}}</td><td>{{basis}}</td></tr>{{/items}}
          </tbody></table>
          {{#dependants}}<p class="small">供养亲属 {{dependentID}}（{{relation}}）：{{#eligible}}{{month}}符合供养条件{{/eligible}}{{^eligible}}不符合供养条件：{{reason}}{{/eligible}}</p>{{/dependants}}
          {{/entitlements}}
        </div>
        {{/showsEntitlements}}
        """ + personSections
}
