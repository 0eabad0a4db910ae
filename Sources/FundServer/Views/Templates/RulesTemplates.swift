extension Templates {
    static let rules = """
        <h1>规则与阈值</h1>
        <p class="muted">当前生效：{{source}}</p>
        {{{trial}}}
        <div class="card">
          <h2>规则与指标（全省设置；城市覆盖另列）</h2>
          <table id="rules"><thead><tr><th>编号</th><th>名称</th><th>类别</th><th>启用</th><th>等级与参数（点编号查看或修改）</th><th>城市覆盖</th></tr></thead><tbody>
          {{#rules}}<tr><td class="nowrap"><a href="/rules/{{id}}">{{id}}</a>{{#realTime}} ⚡{{/realTime}}</td><td class="nowrap">{{name}}</td><td class="nowrap">{{kind}}</td><td>{{#enabled}}是{{/enabled}}{{^enabled}}<span class="muted">否</span>{{/enabled}}</td><td class="small">{{settings}}</td><td class="small">{{#overrides}}<div>{{.}}</div>{{/overrides}}</td></tr>{{/rules}}
          </tbody></table>
          <p class="small muted">⚡ 支付时实时校验的规则。</p>
        </div>
        {{#mayEdit}}
        <div class="card">
          <h2>修改配置</h2>
          <p class="small muted">逐条修改参数：点上表中的规则编号，在表单中修改。也可按 YAML 格式整体编辑（与 fundguard rules 命令的 rules.yaml 相同）；城市在 cities 下覆盖全省设置。保存前可先“试算”，查看各规则疑点数量的变化。</p>
          {{#hasErrors}}<div class="flash error"><ul class="errors">{{#errors}}<li>{{.}}</li>{{/errors}}</ul></div>{{/hasErrors}}
          <form method="post" action="/rules" class="stack wide" id="rules-form">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <label>配置<textarea class="yaml" name="yaml" spellcheck="false">{{yaml}}</textarea></label>
            <div class="filters"><label>修改理由（保存时必填）<input name="reason" value="{{reason}}" size="60"></label>
            <label>试算筛查日期<input type="date" name="as_of" value="{{asOf}}"></label></div>
            <div class="actions"><button type="submit">保存并生效</button> <button type="submit" class="secondary" formaction="/rules/trial">试算（不保存）</button></div>
          </form>
        </div>
        {{/mayEdit}}
        <div class="card">
          <h2>修改记录</h2>
          {{#hasChanges}}
          <table><thead><tr><th>#</th><th>时间</th><th>修改人</th><th>理由</th><th>内容</th></tr></thead><tbody>
          {{#changes}}<tr><td>{{id}}</td><td>{{at}}</td><td>{{user}}</td><td>{{reason}}</td><td><details><summary>修改前</summary><pre class="yaml">{{oldYAML}}</pre></details><details><summary>修改后</summary><pre class="yaml">{{newYAML}}</pre></details></td></tr>{{/changes}}
          </tbody></table>
          {{/hasChanges}}
          {{^hasChanges}}<p class="muted">尚无修改，使用内置默认配置。</p>{{/hasChanges}}
        </div>
        """

    /// One rule's province settings as a form (`RuleParameterForm`).
    static let ruleEdit = """
        <p class="small"><a href="/rules">← 规则与阈值</a></p>
        <h1>{{id}} {{name}}<span class="muted small">（{{kind}}）</span></h1>
        {{#hasErrors}}<div class="flash error" id="rule-errors"><ul class="errors">{{#errors}}<li>{{.}}</li>{{/errors}}</ul></div>{{/hasErrors}}
        <div class="card">
          <h2>全省设置</h2>
          <form method="post" action="/rules/{{id}}" class="stack wide" id="rule-form">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            {{#fields}}
            {{#isText}}<label class="param">{{label}}<span class="param-input"><input name="{{name}}" value="{{value}}" inputmode="decimal"{{^mayEdit}} disabled{{/mayEdit}}> <span class="unit">{{unit}}</span></span>{{#hint}}<span class="small muted">{{hint}}</span>{{/hint}}</label>{{/isText}}
            {{#isSelect}}<label class="param">{{label}}<span class="param-input"><select name="{{name}}"{{^mayEdit}} disabled{{/mayEdit}}>{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</select> <span class="unit">{{unit}}</span></span></label>{{/isSelect}}
            {{#isMap}}<fieldset class="param-map"><legend>{{label}}</legend>
              <table><thead><tr><th>项目代码</th>{{#columns}}<th>{{.}}</th>{{/columns}}</tr></thead><tbody>
              {{#rows}}<tr><td><input class="short" name="{{codeName}}" value="{{code}}" aria-label="项目代码"{{^mayEdit}} disabled{{/mayEdit}}></td>{{#cells}}<td class="nowrap"><input class="short" name="{{name}}" value="{{value}}" aria-label="{{name}}"{{^mayEdit}} disabled{{/mayEdit}}> <span class="unit">{{unit}}</span></td>{{/cells}}</tr>{{/rows}}
              </tbody></table>
              <p class="small muted">{{hint}}</p>
            </fieldset>{{/isMap}}
            {{/fields}}
            {{#mayEdit}}
            <label>修改理由（必填）<input name="reason" value="{{reason}}" required></label>
            <div class="actions"><button type="submit">保存并生效</button></div>
            {{/mayEdit}}
          </form>
          {{#hasOverrides}}<h2>城市覆盖（在 YAML 中修改）</h2><ul class="small">{{#overrides}}<li>{{.}}</li>{{/overrides}}</ul>{{/hasOverrides}}
        </div>
        <div class="card">
          <details><summary>YAML（导入导出用）</summary><pre class="yaml">{{yaml}}</pre></details>
        </div>
        """

    static let rulesTrial = """
        <div class="card" id="trial">
          <h2>试算结果（筛查日期 {{asOf}}；{{changed}} 条规则的疑点数有变化）</h2>
          <table><thead><tr><th>规则</th><th class="num">现行配置</th><th class="num">修改后</th><th class="num">变化</th><th class="num">红色（现行 → 修改后）</th><th class="num">涉及金额（现行 → 修改后）</th><th>备注</th></tr></thead><tbody>
          {{#rows}}<tr><td class="nowrap">{{ruleID}} {{name}}</td><td class="num">{{current}}</td><td class="num">{{draft}}</td><td class="num">{{#up}}<span class="diff-up">{{difference}}</span>{{/up}}{{#down}}<span class="diff-down">{{difference}}</span>{{/down}}{{^up}}{{^down}}0{{/down}}{{/up}}</td><td class="num">{{currentRed}} → {{draftRed}}</td><td class="num">{{currentAmount}} → {{draftAmount}}</td><td class="small muted">{{notRun}}</td></tr>{{/rows}}
          </tbody></table>
        </div>
        """
}
