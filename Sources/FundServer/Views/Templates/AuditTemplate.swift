extension Templates {
    static let audit = """
        <h1>审计日志</h1>
        <div class="card">
          <form class="filters" method="get" action="/audit">
            <label>用户名<input class="short" name="user" value="{{user}}"></label>
            <label>操作（如 view、verification）<input class="short" name="action" value="{{action}}"></label>
            <label>对象（类型:编号）<input name="target" value="{{target}}"></label>
            <label>结果<select name="outcome">{{#outcomes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/outcomes}}</select></label>
            <label>日期从<input type="date" name="from" value="{{from}}"></label>
            <label>至<input type="date" name="to" value="{{to}}"></label>
            <button type="submit">筛选</button>
            <a class="button secondary" href="/audit">清除</a>
          </form>
          {{#hasErrors}}<ul class="errors">{{#errors}}<li>{{.}}</li>{{/errors}}</ul>{{/hasErrors}}
        </div>
        <div class="card">
          <p class="muted">共 {{total}} 条（只增不改，任何人不能修改或删除）
            <a class="button secondary" href="{{csvHref}}">导出 CSV</a> <a class="button secondary" href="{{xlsxHref}}">导出 Excel</a></p>
          {{#hasRows}}
          <table id="audit"><thead><tr><th>#</th><th>时间</th><th>用户</th><th>角色</th><th>操作</th><th>对象</th><th>结果</th><th>详情</th><th>来源地址</th></tr></thead><tbody>
          {{#rows}}<tr><td>{{id}}</td><td class="nowrap">{{at}}</td><td>{{user}}</td><td class="nowrap">{{role}}</td><td>{{action}}</td><td>{{target}}</td><td>{{#failed}}<span class="status irregular">{{outcomeName}}</span>{{/failed}}{{^failed}}{{outcomeName}}{{/failed}}</td><td>{{detail}}</td><td>{{address}}</td></tr>{{/rows}}
          </tbody></table>
          {{/hasRows}}
          {{^hasRows}}<p class="muted">没有符合条件的记录。</p>{{/hasRows}}
          <div class="pager">
            {{#previous}}<a class="button secondary" href="{{previous}}">上一页</a>{{/previous}}
            {{#next}}<a class="button secondary" href="{{next}}">下一页</a>{{/next}}
          </div>
        </div>
        """
}
