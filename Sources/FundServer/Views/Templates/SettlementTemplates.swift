extension Templates {
    /// Direct settlement's pages (issue 13).
    static var settlement: [(String, String)] {
        [("settlementReview", settlementReview), ("settlementInstitution", settlementInstitution)]
    }

    static let settlementToday = """
        <div class="tiles" id="settlement-today">
          <div class="tile"><div class="label">今日直接结算（{{today.day}}）</div><div class="value">{{today.settlements}}</div></div>
          <div class="tile green"><div class="label">基金支付明细 / 金额（元）</div><div class="value">{{today.paid}} / {{today.paidAmount}}</div></div>
          <div class="tile red"><div class="label">拒付明细</div><div class="value">{{today.refused}}</div></div>
          <div class="tile orange"><div class="label">待审核明细</div><div class="value">{{today.held}}</div></div>
        </div>
        """

    static let settlementLineHeader =
        "<tr><th>结算单</th><th>行</th><th>结算日</th><th>机构</th><th>地区</th><th>职工</th><th>项目</th><th class=\"num\">金额（元）</th><th>票据号</th><th>结果</th><th>规则</th><th>原因</th></tr>"

    static let settlementLineCells =
        "<td>{{settlementID}}</td><td>{{lineNo}}</td><td class=\"nowrap\">{{day}}</td><td>{{institution}}</td><td>{{region}}</td><td><a href=\"{{workerHref}}\">{{worker}}</a></td><td>{{item}}</td><td class=\"num\">{{amount}}</td><td>{{invoice}}</td><td><span class=\"status {{decision}}\">{{decisionName}}</span> {{review}}</td><td>{{rule}}</td><td>{{reason}}</td>"

    static let settlementReview = """
        <h1>直接结算待审核</h1>
        \(settlementToday)
        <div class="card">
          <p class="muted">协议机构直接结算时，触发大额、高频、超标准、鉴定等级不符等规则的明细暂不支付，由参保地经办审核：批准后基金支付（计入当日对账），拒付须写明理由。</p>
          {{#hasRows}}
          <table id="held-lines"><thead>\(settlementLineHeader.replacingOccurrences(of: "</tr>", with: "{{#canReview}}<th>审核</th>{{/canReview}}</tr>"))</thead><tbody>
          {{#rows}}<tr id="held-{{settlementID}}-{{lineNo}}">\(settlementLineCells){{#canReview}}<td>
            <form method="post" action="/settlement/review/{{settlementID}}/{{lineNo}}" class="stack"><input type="hidden" name="_csrf" value="{{csrf}}">
              <label>说明<input name="note" maxlength="500"></label>
              <button type="submit" name="decision" value="approve">批准支付</button>
              <button type="submit" name="decision" value="refuse" class="danger">拒付</button>
            </form></td>{{/canReview}}</tr>{{/rows}}
          </tbody></table>
          {{/hasRows}}
          {{^hasRows}}<p class="muted">没有待审核的明细。</p>{{/hasRows}}
        </div>
        """

    static let settlementInstitution = """
        <h1>直接结算：{{institutionID}} {{name}}</h1>
        <p class="muted">{{region}}　{{#activeAgreement}}服务协议有效，可直接结算{{/activeAgreement}}{{^activeAgreement}}<span class="status irregular">当前没有有效的服务协议：接口凭证不可用</span>{{/activeAgreement}}</p>
        {{#newKey}}<div class="card" id="new-key"><h2>新凭证（只显示这一次）</h2><p><code>{{newKey}}</code></p><p class="muted">机构以 <code>Authorization: Bearer 凭证</code> 调用 /api/v1/settlement 接口。平台只保存其摘要，丢失后只能重新签发。</p></div>{{/newKey}}
        <div class="card" id="credentials">
          <h2>接口凭证</h2>
          {{#hasCredentials}}
          <table><thead><tr><th>#</th><th>前缀</th><th>名称</th><th>签发</th><th>签发人</th><th>吊销</th><th></th></tr></thead><tbody>
          {{#credentials}}<tr><td>{{credentialID}}</td><td><code>{{prefix}}</code></td><td>{{label}}</td><td class="nowrap">{{created}}</td><td>{{createdBy}}</td><td>{{revoked}}</td><td>{{#inForce}}{{#canManage}}<form method="post" action="/settlement/institutions/{{institutionID}}/credentials/{{credentialID}}/revoke"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="danger">吊销</button></form>{{/canManage}}{{/inForce}}</td></tr>{{/credentials}}
          </tbody></table>
          {{/hasCredentials}}
          {{^hasCredentials}}<p class="muted">尚未签发凭证。</p>{{/hasCredentials}}
          {{#canManage}}
          <form method="post" action="/settlement/institutions/{{institutionID}}/credentials" class="stack"><input type="hidden" name="_csrf" value="{{csrf}}">
            <label>名称<input name="label" maxlength="100" placeholder="如：HIS 结算接口"></label>
            <label><input type="checkbox" name="rotate" value="1"> 轮换（同时吊销该机构其他在用凭证）</label>
            <button type="submit">签发新凭证</button>
          </form>
          {{/canManage}}
        </div>
        <div class="card" id="reconciliation">
          <h2>当日对账（{{day}}）</h2>
          <table><tbody>
            <tr><th>结算单数</th><td class="num">{{reconciliation.settlementCount}}</td></tr>
            <tr><th>支付（元）</th><td class="num">{{paid}}</td></tr>
            <tr><th>冲正（元）</th><td class="num">{{reversed}}</td></tr>
            <tr><th>净额（元）</th><td class="num">{{net}}</td></tr>
            <tr><th>拒付 / 待审核明细</th><td class="num">{{reconciliation.refusedLines}} / {{reconciliation.heldLines}}</td></tr>
          </tbody></table>
        </div>
        <div class="card" id="clearing">
          <h2>本月清算（{{month}}）</h2>
          <table><tbody>
            <tr><th>结算支付（元）</th><td class="num">{{settled}}</td></tr>
            <tr><th>审核后支付（元）</th><td class="num">{{approved}}</td></tr>
            <tr><th>冲正（元）</th><td class="num">{{reversed}}</td></tr>
            <tr><th>应付（元）</th><td class="num"><strong>{{toPay}}</strong></td></tr>
            <tr><th>审核后拒付（元）</th><td class="num">{{refusedAfterReview}}</td></tr>
            <tr><th>待审核（元）</th><td class="num">{{pending}}</td></tr>
          </tbody></table>
        </div>
        <div class="card">
          <h2>拒付与待审核明细</h2>
          {{#hasRows}}<table id="refused-held"><thead>\(settlementLineHeader)</thead><tbody>{{#rows}}<tr>\(settlementLineCells)</tr>{{/rows}}</tbody></table>{{/hasRows}}
          {{^hasRows}}<p class="muted">没有拒付或待审核的明细。</p>{{/hasRows}}
        </div>
        """

    /// The worker page's section: direct-settlement lines refused or held.
    static let settlementWorkerSection = """
        {{#hasSettlementLines}}
        <div class="card" id="settlement-lines">
          <h2>直接结算拒付与待审核明细</h2>
          <table><thead>\(settlementLineHeader)</thead><tbody>{{#settlementLines}}<tr>\(settlementLineCells)</tr>{{/settlementLines}}</tbody></table>
        </div>
        {{/hasSettlementLines}}
        """
}
