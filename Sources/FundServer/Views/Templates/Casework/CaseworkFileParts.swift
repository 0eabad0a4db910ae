extension Templates {
    /// The 办理记录 card of a determination or assessment page: one row per `CaseworkPages.HistoryRow`, newest
    /// first. Both registers keep the same history columns, so the card is written once.
    static let caseworkHistoryCard = """
        <div class="card">
          <h2>办理记录</h2>
          <table id="history"><thead><tr><th>日期</th><th>步骤</th><th>状态变化</th><th>经办人</th><th>理由</th><th>说明</th><th>记录时间</th></tr></thead><tbody>
          {{#history}}<tr><td>{{day}}</td><td>{{action}}</td><td>{{states}}</td><td>{{actor}}</td><td>{{reason}}</td><td>{{detail}}</td><td class="small muted">{{recorded}}</td></tr>{{/history}}
          </tbody></table>
        </div>
        """

    /// The rows of a file's 申请材料 table (the model's `materials`: name, day received or 缺); indented to sit
    /// inside the second card of the page, under the register's own heading.
    static let caseworkMaterialsTable = """
            <table id="materials"><tbody>
            {{#materials}}<tr><td>{{name}}</td><td>{{#received}}{{received}} 收到{{/received}}{{^received}}<span class="badge orange">缺</span>{{/received}}</td></tr>{{/materials}}
            </tbody></table>
        """
}
