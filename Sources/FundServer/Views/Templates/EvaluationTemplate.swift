extension Templates {
    /// 评价考核: the ranking with each measure's points and the figure behind them.
    static let evaluation = """
        <h1>评价考核</h1>
        {{#hasData}}
        <p class="muted">第 {{runID}} 次筛查，考核期 {{month}}（近 12 个月指标）{{#hasPrevious}}，与上期 {{previousMonth}} 比较{{/hasPrevious}}；共 {{cityCount}} 个统筹地区参加排名。</p>
        <div class="card">
          <h2>排名</h2>
          <div class="scroll">
          <table id="ranking">
            <thead><tr><th class="num">名次</th><th>地区</th><th class="num">总分</th>{{#hasPrevious}}<th class="num">上期总分</th><th>名次变化</th>{{/hasPrevious}}{{#headers}}<th>{{name}}<br><span class="small muted">权重 {{weight}}</span></th>{{/headers}}</tr></thead>
            <tbody>
            {{#rows}}<tr><td class="num">{{rank}}</td><td>{{region}}</td><td class="num"><strong>{{total}}</strong></td>{{#hasPrevious}}<td class="num">{{previousTotal}}</td><td>{{change}}</td>{{/hasPrevious}}{{#lines}}<td><strong>{{score}}</strong><br><span class="small muted">{{basis}}</span></td>{{/lines}}</tr>{{/rows}}
            </tbody>
          </table>
          </div>
        </div>
        <div class="card">
          <h2>评分办法（规则与阈值中的 evaluation 配置）</h2>
          <ul id="scheme">{{#scheme}}<li>{{.}}</li>{{/scheme}}</ul>
          <p class="small muted">总分为各计分项按权重的加权平均（无数据的项不计分，其权重不计入）。</p>
        </div>
        {{/hasData}}
        {{^hasData}}<div class="card"><p class="muted">尚无评价：完成一次筛查后，按其存储的监控指标评分排名。</p></div>{{/hasData}}
        """
}
