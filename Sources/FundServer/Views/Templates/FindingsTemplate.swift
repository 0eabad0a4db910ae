extension Templates {
    static let findings = """
        <h1>预警与疑点</h1>
        <div class="card">
          <form class="filters" method="get" action="/findings">
            <label>规则<select name="rule">{{#ruleOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/ruleOptions}}</select></label>
            <label>预警等级<select name="level">{{#levelOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/levelOptions}}</select></label>
            {{#showRegionFilter}}<label>统筹地区<select name="region">{{#regionOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/regionOptions}}</select></label>{{/showRegionFilter}}
            <label>核查状态<select name="status">{{#statusOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statusOptions}}</select></label>
            <label>金额（元）从<input class="short" name="min" value="{{min}}" inputmode="decimal"></label>
            <label>至<input class="short" name="max" value="{{max}}" inputmode="decimal"></label>
            <label>发现日期从<input type="date" name="from" value="{{from}}"></label>
            <label>至<input type="date" name="to" value="{{to}}"></label>
            <label>是否仍被发现<select name="still">{{#stillOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/stillOptions}}</select></label>
            <label>核查期限<select name="overdue">{{#overdueOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/overdueOptions}}</select></label>
            <label>对象编号<input class="short" name="subject" value="{{subject}}"></label>
            <label>每页<select name="size">{{#sizeOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sizeOptions}}</select></label>
            <input type="hidden" name="sort" value="{{sort}}"><input type="hidden" name="dir" value="{{dir}}">
            <button type="submit">筛选</button>
            <a class="button secondary" href="/findings">清除</a>
            <a class="button secondary" href="{{csvHref}}">导出 CSV</a> <a class="button secondary" href="{{xlsxHref}}">导出 Excel</a>
          </form>
          {{#hasErrors}}<ul class="errors">{{#errors}}<li>{{.}}</li>{{/errors}}</ul>{{/hasErrors}}
        </div>
        <div class="card">
          <p class="muted">共 {{total}} 条，第 {{page}} / {{pages}} 页</p>
          {{#hasRows}}
          <table id="findings">
            <thead><tr>{{#columns}}<th{{#numeric}} class="num"{{/numeric}}>{{#href}}<a href="{{href}}">{{label}}{{marker}}</a>{{/href}}{{^href}}{{label}}{{/href}}</th>{{/columns}}</tr></thead>
            <tbody>
            {{#rows}}
            <tr>
              <td><span class="badge {{severity}}">{{severityName}}</span></td>
              <td><a href="{{href}}">{{rule}} {{ruleName}}</a></td>
              <td>{{region}}</td>
              <td>{{subjectType}} {{#subjectHref}}<a href="{{subjectHref}}">{{subject}}</a>{{/subjectHref}}{{^subjectHref}}{{subject}}{{/subjectHref}}{{^stillRaised}} <span class="small muted">（已不再发现）</span>{{/stillRaised}}</td>
              <td class="num">{{amount}}</td>
              <td><span class="status {{status}}">{{statusName}}</span></td>
              <td>{{firstSeen}}</td>
              <td>{{due}} {{#overdue}}<strong>{{dueNote}}</strong>{{/overdue}}{{^overdue}}<span class="small muted">{{dueNote}}</span>{{/overdue}}</td>
              <td>{{assignee}}</td>
            </tr>
            {{/rows}}
            </tbody>
          </table>
          {{/hasRows}}
          {{^hasRows}}<p class="muted">没有符合条件的疑点。</p>{{/hasRows}}
          <div class="pager">
            {{#previous}}<a class="button secondary" href="{{previous}}">上一页</a>{{/previous}}
            {{#next}}<a class="button secondary" href="{{next}}">下一页</a>{{/next}}
          </div>
        </div>
        """
}
