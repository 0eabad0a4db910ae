extension Templates {
    /// 年终情况报告: numbered sections, each table followed by where its figures came from. `report` is the
    /// print stylesheet's hook: on paper the console's chrome and the year form go, the sections break cleanly.
    static let yearEndReport = """
        <article class="report">
        <form class="filters noprint" method="get" action="/reports/year-end">
          <label>年度<input class="short" name="year" value="{{year}}" inputmode="numeric" maxlength="4"></label>
          <button type="submit">生成</button>
          <a class="button secondary" href="/reports/year-end?year={{previousYear}}">上一年</a>
          <a class="button secondary" href="/reports/year-end?year={{nextYear}}">下一年</a>
          <span class="muted">打印或“另存为 PDF”即得报送文本</span>
        </form>
        <h1>{{provinceName}}{{year}}年度工伤保险基金监管工作情况报告</h1>
        <p class="muted">依据人社厅函〔2022〕85号，报人力资源社会保障部工伤保险司。编制日期：{{drawnUp}}（数据截至编制之日）。</p>

        <section class="card">
        <h2>一、基金收支及结余</h2>
        <div class="chart-wrap">{{{fundChart}}}</div>
        <table><thead><tr><th>地区</th><th>基金收入</th><th>待遇支出</th><th>工伤预防费</th><th>劳动能力鉴定费</th><th>其他支出</th><th>支出合计</th><th>年末结余</th><th>可支付月数</th><th>有数据月数</th></tr></thead><tbody>
        {{#fundRows}}<tr{{#isTotal}} class="total"{{/isTotal}}><td>{{name}}</td><td class="num">{{revenue}}</td><td class="num">{{benefit}}</td><td class="num">{{prevention}}</td><td class="num">{{assessment}}</td><td class="num">{{other}}</td><td class="num">{{expenditure}}</td><td class="num">{{balance}}</td><td class="num">{{monthsOfBalance}}</td><td class="num">{{months}}</td></tr>{{/fundRows}}
        </tbody></table>
        <p class="source">数据来源：{{fundSource}}。金额单位：元。</p>
        </section>

        <section class="card">
        <h2>二、待遇支出（按项目和地市）</h2>
        {{#hasSpending}}
        <div class="chart-wrap">{{{spendingChart}}}</div>
        <table><thead><tr><th>项目</th>{{#spendingHeads}}<th>{{text}}</th>{{/spendingHeads}}<th>合计</th><th>笔数</th></tr></thead><tbody>
        {{#spendingRows}}<tr><td>{{name}} <span class="muted">{{code}}</span></td>{{#cells}}<td class="num">{{text}}</td>{{/cells}}<td class="num">{{total}}</td><td class="num">{{count}}</td></tr>{{/spendingRows}}
        <tr class="total"><td>合计</td>{{#spendingHeads}}<td></td>{{/spendingHeads}}<td class="num">{{spendingTotal}}</td><td></td></tr>
        </tbody></table>
        <p>{{directShare}}</p>
        {{/hasSpending}}
        {{^hasSpending}}<p class="muted">当年无支出记录。</p>{{/hasSpending}}
        <p class="source">数据来源：{{spendingSource}}。金额单位：元。</p>
        </section>

        <section class="card">
        <h2>三、待遇项目清单及清理情况</h2>
        {{#hasItems}}
        <table><thead><tr><th>省定项目</th><th>名称</th><th>依据</th><th>状态</th></tr></thead><tbody>
        {{#items}}<tr><td>{{code}}</td><td>{{name}}</td><td>{{#selfMade}}<span class="status irregular">{{basis}}</span>{{/selfMade}}{{^selfMade}}{{basis}}{{/selfMade}}</td><td>{{status}}</td></tr>{{/items}}
        </tbody></table>
        {{/hasItems}}
        {{^hasItems}}<p>本省未在国家清单外增设项目。</p>{{/hasItems}}
        {{#hasRetired}}<p>已停用的国家项目：{{#retired}}{{name}}（{{code}}） {{/retired}}</p>{{/hasRetired}}
        <p>{{offList}}</p>
        <p class="source">数据来源：{{itemSource}}。</p>
        </section>

        <section class="card">
        <h2>四、工伤认定</h2>
        <table><thead><tr><th>地区</th>{{#determinationHeads}}<th>{{text}}</th>{{/determinationHeads}}</tr></thead><tbody>
        {{#determinationRows}}<tr{{#isTotal}} class="total"{{/isTotal}}><td>{{name}}</td>{{#cells}}<td class="num">{{text}}</td>{{/cells}}</tr>{{/determinationRows}}
        </tbody></table>
        <p class="source">数据来源：{{determinationSource}}。</p>
        </section>

        <section class="card">
        <h2>五、劳动能力鉴定</h2>
        <table><thead><tr><th>地区</th>{{#assessmentHeads}}<th>{{text}}</th>{{/assessmentHeads}}</tr></thead><tbody>
        {{#assessmentRows}}<tr{{#isTotal}} class="total"{{/isTotal}}><td>{{name}}</td>{{#cells}}<td class="num">{{text}}</td>{{/cells}}</tr>{{/assessmentRows}}
        </tbody></table>
        <p class="source">数据来源：{{assessmentSource}}。</p>
        </section>

        <section class="card">
        <h2>六、协议机构自查、抽查与整改</h2>
        <ul>{{#inspectionLines}}<li>{{text}}</li>{{/inspectionLines}}</ul>
        <p class="source">数据来源：{{inspectionSource}}。</p>
        </section>

        <section class="card">
        <h2>七、疑点筛查、核查、追回与欺诈骗保查处</h2>
        <ul>{{#screeningLines}}<li>{{text}}</li>{{/screeningLines}}</ul>
        {{#hasRules}}
        <table><thead><tr><th>规则</th><th>疑点</th><th>红色</th><th>涉及金额</th><th>核查正常</th><th>违规</th><th>欺诈</th><th>认定金额</th></tr></thead><tbody>
        {{#ruleRows}}<tr><td><a href="{{href}}">{{id}} {{name}}</a></td><td class="num">{{findings}}</td><td class="num">{{red}}</td><td class="num">{{amount}}</td><td class="num">{{cleared}}</td><td class="num">{{irregular}}</td><td class="num">{{fraud}}</td><td class="num">{{confirmed}}</td></tr>{{/ruleRows}}
        </tbody></table>
        {{/hasRules}}
        <table><thead><tr><th>地区</th><th>疑点</th><th>已办结</th><th>认定金额</th><th>当年追回</th></tr></thead><tbody>
        {{#cityScreeningRows}}<tr><td>{{name}}</td>{{#cells}}<td class="num">{{text}}</td>{{/cells}}</tr>{{/cityScreeningRows}}
        </tbody></table>
        <p class="source">数据来源：{{screeningSource}}。</p>
        </section>

        <section class="card">
        <h2>八、风险点及防控措施</h2>
        {{#hasRisks}}
        <table><thead><tr><th>编号</th><th>环节</th><th>风险</th><th>监控规则</th><th>防控措施</th><th>责任岗位</th></tr></thead><tbody>
        {{#risks}}<tr><td>{{id}}</td><td>{{step}}</td><td>{{risk}}</td><td>{{rules}}</td><td>{{controls}}</td><td>{{owner}}</td></tr>{{/risks}}
        </tbody></table>
        {{/hasRisks}}
        {{^hasRisks}}<p class="muted">风险点清单为空：请在“风险点”页面建立。</p>{{/hasRisks}}
        <p class="source">数据来源：{{riskSource}}。</p>
        </section>
        </article>
        """
}
