extension Templates {
    static let riskPoints = """
        <h1>风险点清单</h1>
        <p><a class="button secondary" href="/casework/risk-points.csv">导出 CSV</a> <a class="button secondary" href="/casework/risk-points?format=xlsx">导出 Excel</a></p>
        <div class="card">
          {{#hasPoints}}
          <table id="risk-points"><thead><tr><th>编号</th><th>环节</th><th>风险点</th><th>监控规则</th><th>防控措施</th><th>责任部门</th><th>状态</th></tr></thead><tbody>
          {{#points}}<tr><td>{{id}}</td><td>{{step}}</td><td>{{risk}}</td><td>{{#rules}}<div><a href="{{href}}">{{id}} {{name}}</a></div>{{/rules}}</td><td>{{controls}}</td><td>{{owner}}</td><td>{{#active}}在用{{/active}}{{^active}}停用{{/active}}</td></tr>{{/points}}
          </tbody></table>
          {{/hasPoints}}
          {{^hasPoints}}<p class="muted">风险点清单为空。</p>
          {{#canManage}}<form method="post" action="/casework/risk-points" id="form-seed"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="action" value="seed"><button type="submit">载入默认清单</button></form>{{/canManage}}
          {{/hasPoints}}
        </div>
        <div class="card">
          <h2>监控规则与其监控的风险点</h2>
          <table id="rules"><thead><tr><th>规则</th><th>风险点</th></tr></thead><tbody>
          {{#rules}}<tr><td>{{id}} {{name}}</td><td>{{points}}{{#uncovered}}<span class="muted">未对应风险点</span>{{/uncovered}}</td></tr>{{/rules}}
          </tbody></table>
        </div>
        {{#canManage}}
        <div class="grid two">
          <div class="card">
            <h2>新增或修改风险点</h2>
            <form method="post" action="/casework/risk-points" class="stack" id="form-point">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <label>操作<select name="action"><option value="add">新增</option><option value="update">修改</option></select></label>
              <label>编号<input name="risk_point_id" required></label>
              <label>环节<select name="step">{{#stepOptions}}<option value="{{value}}">{{label}}</option>{{/stepOptions}}</select></label>
              <label>风险点<textarea name="risk" required></textarea></label>
              <label>监控规则（逗号分隔，如 R11, I07）<input name="rules"></label>
              <label>防控措施<textarea name="controls"></textarea></label>
              <label>责任部门<input name="owner" required></label>
              <label>修改理由（修改时必填）<input name="reason"></label>
              <button type="submit">保存</button>
            </form>
          </div>
          <div class="card">
            <h2>停用风险点</h2>
            <form method="post" action="/casework/risk-points" class="stack" id="form-retire">
              <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="action" value="retire">
              <label>编号<input name="risk_point_id" required></label>
              <label>理由<input name="reason" required></label>
              <button type="submit" class="danger">停用</button>
            </form>
          </div>
        </div>
        {{/canManage}}
        """
}
