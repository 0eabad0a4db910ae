extension Templates {
    static let institutions = """
        <h1>协议机构与服务协议</h1>
        {{#export}}<p class="exports"><a class="button secondary" href="{{csv}}">导出 CSV</a> <a class="button secondary" href="{{xlsx}}">导出 Excel</a></p>{{/export}}
        <div class="card" id="expiring">
          <h2>即将到期的协议（{{days}} 天内）</h2>
          <form class="filters" method="get" action="/casework/institutions"><label>天数<input class="short" name="days" value="{{days}}" inputmode="numeric"></label><button type="submit">查看</button></form>
          {{#hasExpiring}}
          <table><thead><tr><th>协议</th><th>机构</th><th>到期日</th><th class="num">剩余天数</th></tr></thead><tbody>
          {{#expiring}}<tr><td>{{id}}</td><td>{{institution}}</td><td>{{end}}</td><td class="num">{{daysLeft}}</td></tr>{{/expiring}}
          </tbody></table>
          {{/hasExpiring}}
          {{^hasExpiring}}<p class="muted">没有即将到期的协议。</p>{{/hasExpiring}}
        </div>
        <div class="card">
          {{#hasRows}}
          <table id="institutions"><thead><tr><th>机构</th><th>类别</th><th>地区</th><th>等级</th><th>服务协议</th></tr></thead><tbody>
          {{#rows}}
          <tr><td>{{id}} {{name}} <a href="/settlement/institutions/{{id}}">直接结算与接口凭证</a></td><td>{{kind}}</td><td>{{region}}</td><td>{{grade}}</td><td>
          {{#agreements}}
            <div class="agreement" id="agreement-{{id}}"><strong>{{id}}</strong> {{services}} {{start}} 至 {{end}} <span class="status {{status}}">{{statusName}}</span>
            {{#open}}
            <details><summary>办理</summary>
              {{#active}}<form method="post" action="/casework/agreements/{{id}}/steps" class="stack"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="action" value="suspend"><label>暂停理由<input name="reason" required></label><button type="submit" class="secondary">暂停协议</button></form>{{/active}}
              {{#suspended}}<form method="post" action="/casework/agreements/{{id}}/steps" class="stack"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="action" value="reinstate"><label>恢复理由<input name="reason" required></label><button type="submit">恢复协议</button></form>{{/suspended}}
              <form method="post" action="/casework/agreements/{{id}}/steps" class="stack"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="action" value="renew"><label>续签至<input type="date" name="until" required></label><label>说明<input name="reason"></label><button type="submit">续签</button></form>
              <form method="post" action="/casework/agreements/{{id}}/steps" class="stack"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="action" value="terminate"><label>解除理由<input name="reason" required></label><button type="submit" class="danger">解除协议</button></form>
            </details>
            {{/open}}
            {{#hasHistory}}<details><summary>协议记录</summary><table class="small">{{#history}}<tr><td>{{day}}</td><td>{{action}}</td><td>{{states}}</td><td>{{actor}}</td><td>{{detail}}</td></tr>{{/history}}</table></details>{{/hasHistory}}
            </div>
          {{/agreements}}
          </td></tr>
          {{/rows}}
          </tbody></table>
          {{/hasRows}}
          {{^hasRows}}<p class="muted">没有登记的协议机构。</p>{{/hasRows}}
        </div>
        {{#canManage}}
        <div class="grid two">
          <div class="card">
            <h2>登记协议机构</h2>
            <form method="post" action="/casework/institutions" class="stack" id="form-institution">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <label>机构编号<input name="institution_id" required></label>
              <label>名称<input name="name" required></label>
              <label>类别<select name="kind">{{#kindOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kindOptions}}</select></label>
              <label>统筹地区代码<input name="region" required></label>
              <label>等级<input name="grade"></label>
              <button type="submit">登记</button>
            </form>
          </div>
          <div class="card">
            <h2>签订服务协议</h2>
            <form method="post" action="/casework/agreements" class="stack" id="form-agreement">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <label>协议编号<input name="agreement_id" required></label>
              <label>机构编号<input name="institution_id" required></label>
              <fieldset><legend>服务类别</legend>{{#kindOptions}}<label><input type="checkbox" name="services" value="{{value}}"> {{label}}</label>{{/kindOptions}}</fieldset>
              <label>生效日期<input type="date" name="start_date" required></label>
              <label>到期日期<input type="date" name="end_date" required></label>
              <button type="submit">签订</button>
            </form>
          </div>
        </div>
        {{/canManage}}
        """
}
