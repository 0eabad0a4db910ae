extension Templates {
    static let finding = """
        <p class="small"><a href="/findings">← 预警与疑点</a></p>
        <h1><span class="badge {{severity}}">{{severityName}}</span> {{ruleID}} {{ruleName}} <span class="status {{status}}" id="status">{{statusName}}</span></h1>
        {{#hasErrors}}<div class="flash error"><ul class="errors">{{#errors}}<li>{{.}}</li>{{/errors}}</ul></div>{{/hasErrors}}
        <div class="grid two">
          <div class="card">
            <h2>预警内容</h2>
            <dl class="facts">
              <dt>疑点编号</dt><dd>{{id}}</dd>
              <dt>统筹地区</dt><dd>{{region}}</dd>
              <dt>对象</dt><dd>{{subjectType}} {{#subjectHref}}<a href="{{subjectHref}}">{{subject}}</a>{{/subjectHref}}{{^subjectHref}}{{subject}}{{/subjectHref}}</dd>
              <dt>涉及金额</dt><dd>{{amount}} 元</dd>
              <dt>说明</dt><dd>{{detail}}</dd>
              {{#hasEvidenceIDs}}<dt>相关记录</dt><dd>{{evidenceIDs}}</dd>{{/hasEvidenceIDs}}
              <dt>发现批次</dt><dd>第 {{firstRun}} 次筛查首次发现；最近第 {{lastRun}} 次（筛查日期 {{lastRunDate}}）{{^stillRaised}}，<strong>最近一次筛查已不再发现</strong>{{/stillRaised}}</dd>
              <dt>核查期限</dt><dd id="due">{{firstSeen}} 发现，{{due}} 前办结（{{#overdue}}<strong>{{dueNote}}</strong>{{/overdue}}{{^overdue}}{{dueNote}}{{/overdue}}）</dd>
            </dl>
          </div>
          <div class="card">
            <h2>触发依据（该次筛查时的阈值）</h2>
            {{#hasThresholds}}
            <table><tbody>{{#thresholds}}<tr><td>{{key}}</td><td>{{value}}</td></tr>{{/thresholds}}</tbody></table>
            {{/hasThresholds}}
            {{^hasThresholds}}<p class="muted">该规则无可配置阈值。</p>{{/hasThresholds}}
          </div>
        </div>
        <div class="card">
          <h2>证据记录对照</h2>
          {{#hasPanels}}
          <div class="records">
          {{#panels}}
            <div class="record"><h3>{{title}}{{#link}} · <a href="{{link}}">查看</a>{{/link}}</h3>
            <table><tbody>{{#rows}}<tr><td>{{label}}</td><td>{{value}}</td></tr>{{/rows}}</tbody></table></div>
          {{/panels}}
          </div>
          {{/hasPanels}}
          {{^hasPanels}}<p class="muted">库中未找到相关记录。</p>{{/hasPanels}}
        </div>
        <div class="card">
          <h2>核查</h2>
          <dl class="facts">
            <dt>核查状态</dt><dd><span class="status {{status}}">{{statusName}}</span></dd>
            <dt>核查人</dt><dd>{{assignee}}</dd>
            {{#amountToRecover}}<dt>应追回</dt><dd>{{amountToRecover}} 元</dd>{{/amountToRecover}}
            {{#recovered}}<dt>已追回</dt><dd>{{recovered}} 元（尚欠 {{outstanding}} 元）</dd>{{/recovered}}
            {{#fine}}<dt>罚款</dt><dd>{{fine}} 元</dd>{{/fine}}
            {{#referral}}<dt>移送公安</dt><dd>{{referral}}</dd>{{/referral}}
          </dl>
          <div class="actions">
          {{#canAssign}}
            <form method="post" action="/findings/{{id}}/steps" class="stack" id="form-assign">
              <h3>分派核查人</h3>
              <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}"><input type="hidden" name="action" value="assign">
              <label>核查人<select name="assignee">{{#assignees}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/assignees}}</select></label>
              <label>说明（可选）<input name="reason"></label>
              <button type="submit">分派</button>
            </form>
          {{/canAssign}}
          {{#canStart}}
            <form method="post" action="/findings/{{id}}/steps" class="stack" id="form-start">
              <h3>开始核查</h3>
              <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}"><input type="hidden" name="action" value="start">
              <label>说明（可选）<input name="reason"></label>
              <button type="submit">开始核查</button>
            </form>
          {{/canStart}}
          {{#canClear}}
            <form method="post" action="/findings/{{id}}/steps" class="stack" id="form-clear">
              <h3>核查正常</h3>
              <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}"><input type="hidden" name="action" value="clear">
              <label>核查结论与理由<textarea name="reason" required></textarea></label>
              <button type="submit" class="secondary">确认正常</button>
            </form>
          {{/canClear}}
          {{#canConclude}}
            <form method="post" action="/findings/{{id}}/steps" class="stack" id="form-irregular">
              <h3>认定违规（追回）</h3>
              <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}"><input type="hidden" name="action" value="irregular">
              <label>应追回金额（元）<input name="amount" inputmode="decimal" value="{{form.amount}}" required></label>
              <label>认定理由<textarea name="reason" required></textarea></label>
              <button type="submit" class="danger">认定违规</button>
            </form>
            <form method="post" action="/findings/{{id}}/steps" class="stack" id="form-fraud">
              <h3>认定欺诈骗保</h3>
              <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}"><input type="hidden" name="action" value="fraud">
              <label>骗取金额 / 应追回（元）<input name="amount" inputmode="decimal" required></label>
              <label>罚款（元，骗取金额的 2–5 倍，条例第六十条）<input name="fine" inputmode="decimal" required></label>
              <label>移送公安机关文书编号<input name="referral" required></label>
              <label>认定理由<textarea name="reason" required></textarea></label>
              <button type="submit" class="danger">认定欺诈骗保</button>
            </form>
          {{/canConclude}}
          {{#canRecover}}
            <form method="post" action="/findings/{{id}}/steps" class="stack" id="form-recover">
              <h3>登记追回</h3>
              <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}"><input type="hidden" name="action" value="recover">
              <label>本次追回金额（元）<input name="amount" inputmode="decimal" required></label>
              <label>说明（缴款凭证号等）<textarea name="reason" required></textarea></label>
              <button type="submit">登记追回</button>
            </form>
          {{/canRecover}}
          {{#canClose}}
            <form method="post" action="/findings/{{id}}/steps" class="stack" id="form-close">
              <h3>办结</h3>
              <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}"><input type="hidden" name="action" value="close">
              <label>办结说明<textarea name="reason" required></textarea></label>
              <button type="submit">办结</button>
            </form>
          {{/canClose}}
          {{#canNote}}
            <form method="post" action="/findings/{{id}}/files" enctype="multipart/form-data" class="stack" id="form-upload">
              <h3>上传证据材料</h3>
              <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
              <label>文件（PDF、图片、Word、Excel 等，单个不超过 20 MB）<input type="file" name="file" multiple required></label>
              <label>说明（可选）<input name="description"></label>
              <button type="submit" class="secondary">上传</button>
            </form>
          {{/canNote}}
          </div>
        </div>
        <div class="card">
          <h2>证据材料</h2>
          {{#hasFiles}}
          <table><thead><tr><th>文件</th><th>大小</th><th>上传人</th><th>时间</th><th>SHA-256</th></tr></thead><tbody>
          {{#files}}<tr><td><a href="{{href}}">{{name}}</a></td><td>{{size}}</td><td>{{by}}</td><td>{{at}}</td><td class="small muted">{{sha256}}…</td></tr>{{/files}}
          </tbody></table>
          {{/hasFiles}}
          {{^hasFiles}}<p class="muted">尚无证据材料。</p>{{/hasFiles}}
        </div>
        <div class="card">
          <h2>核查记录</h2>
          {{#hasSteps}}
          <table id="history"><thead><tr><th>时间</th><th>操作人</th><th>操作</th><th>状态变化</th><th>核查人</th><th class="num">金额（元）</th><th class="num">罚款（元）</th><th>理由 / 说明</th></tr></thead><tbody>
          {{#steps}}<tr><td>{{at}}</td><td>{{user}}</td><td>{{action}}</td><td><span class="status {{from}}">{{fromName}}</span> → <span class="status {{to}}">{{toName}}</span></td><td>{{assignee}}</td><td class="num">{{amount}}</td><td class="num">{{fine}}</td><td>{{reason}}</td></tr>{{/steps}}
          </tbody></table>
          {{/hasSteps}}
          {{^hasSteps}}<p class="muted">尚无核查记录。</p>{{/hasSteps}}
        </div>
        """
}
