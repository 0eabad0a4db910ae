extension Templates {
    /// 年终情况报告: the report's document, section by section, each ending with where its figures came from.
    /// `report` is the print stylesheet's hook: on paper the console's chrome and the year form go.
    static let yearEndReport = """
        <article class="report">
        <form class="filters noprint" method="get" action="/reports/year-end">
          <label>年度<input class="short" name="year" value="{{year}}" inputmode="numeric" maxlength="4"></label>
          <button type="submit">生成</button>
          <a class="button secondary" href="/reports/year-end?year={{previousYear}}">上一年</a>
          <a class="button secondary" href="/reports/year-end?year={{nextYear}}">下一年</a>
          <a class="button" href="/reports/year-end.docx?year={{year}}">下载 Word（报部文本）</a>
          <a class="button secondary" href="/reports/year-end.xlsx?year={{year}}">下载表格 Excel</a>
          <span class="muted">打印或“另存为 PDF”亦可得报送文本</span>
        </form>
        <h1>{{title}}</h1>
        {{#preamble}}<p class="muted">{{.}}</p>{{/preamble}}
        {{#sections}}
        <section class="card">
        <h2>{{heading}}</h2>
        {{#chart}}<div class="chart-wrap">{{{chart}}}</div>{{/chart}}
        {{#blocks}}
        {{#paragraph}}<p>{{.}}</p>{{/paragraph}}
        {{#bullets}}<ul>{{#.}}<li>{{.}}</li>{{/.}}</ul>{{/bullets}}
        {{#table}}<table><thead><tr>{{#head}}<th>{{.}}</th>{{/head}}</tr></thead><tbody>
        {{#rows}}<tr{{#isTotal}} class="total"{{/isTotal}}>{{#cells}}<td{{#isNumber}} class="num"{{/isNumber}}>{{#href}}<a href="{{href}}">{{text}}</a>{{/href}}{{^href}}{{text}}{{/href}}</td>{{/cells}}</tr>{{/rows}}
        </tbody></table>{{/table}}
        {{/blocks}}
        <p class="source">数据来源：{{source}}。</p>
        </section>
        {{/sections}}
        </article>
        """
}
