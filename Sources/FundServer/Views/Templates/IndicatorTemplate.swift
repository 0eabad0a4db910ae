extension Templates {
    /// 指标监测: the latest run's figures per city and for the province, then each indicator's trend.
    static let indicators = """
        <h1>指标监测 · {{scopeName}}</h1>
        {{#hasData}}
        <p class="muted">第 {{runID}} 次筛查（筛查日期 {{asOf}}）计算的监控指标；等级以颜色和文字同时标示。
          <a href="{{csvHref}}">导出历史数据（CSV）</a></p>
        <div class="card">
          <h2>各统筹地区指标</h2>
          <div class="scroll">
          <table id="indicator-table">
            <thead><tr><th>地区</th>{{#headers}}<th>{{id}} {{name}}<br><span class="small muted">{{period}}</span></th>{{/headers}}</tr></thead>
            <tbody>
            {{#rows}}<tr{{#isProvince}} class="province"{{/isProvince}}><td>{{#isProvince}}<strong>{{region}}</strong>{{/isProvince}}{{^isProvince}}{{region}}{{/isProvince}}</td>{{#cells}}<td class="num" title="{{thresholds}}">{{figure}}<br><span class="{{levelClass}}">{{levelText}}</span></td>{{/cells}}</tr>{{/rows}}
            </tbody>
          </table>
          </div>
        </div>
        <div class="card">
          <h2>预警线（全省现行配置）</h2>
          <table id="indicator-thresholds">
            <thead><tr><th>指标</th><th>评判期间</th><th>预警线</th></tr></thead>
            <tbody>
            {{#thresholds}}<tr><td>{{id}} {{name}}</td><td>{{period}}</td><td>{{text}}</td></tr>{{/thresholds}}
            </tbody>
          </table>
        </div>
        {{#charts}}
        <div class="card" id="trend-{{id}}">
          <h2>{{id}} {{name}} 趋势（{{period}}，按期末月份）</h2>
          {{{svg}}}
        </div>
        {{/charts}}
        {{/hasData}}
        {{^hasData}}<div class="card"><p class="muted">尚无指标数据：完成一次筛查后，此处显示各地区的监控指标及其变化趋势。</p></div>{{/hasData}}
        """
}
