extension Templates {
    static let imports = """
        <h1>数据导入</h1>
        {{#hasErrors}}<div class="flash error"><ul class="errors">{{#errors}}<li>{{.}}</li>{{/errors}}</ul></div>{{/hasErrors}}
        {{#failure}}<div class="card"><h2>导入失败（数据库未作任何修改）</h2><pre class="yaml" id="import-failure">{{failure}}</pre></div>{{/failure}}
        {{#report}}
        <div class="card" id="import-report">
          <h2>导入报告</h2>
          {{#hasReportFiles}}<table><thead><tr><th>文件</th><th class="num">读取</th><th class="num">导入</th><th class="num">替换</th><th class="num">拒绝</th></tr></thead><tbody>
          {{#reportFiles}}<tr><td>{{file}}</td><td class="num">{{read}}</td><td class="num">{{imported}}</td><td class="num">{{replaced}}</td><td class="num">{{rejected}}</td></tr>{{/reportFiles}}
          </tbody></table>{{/hasReportFiles}}
          {{#hasRegisterConflicts}}<h3 id="register-conflicts">与认定、鉴定台账不一致（以台账为准，导入行原样保留）</h3>
          <table><thead><tr><th>文件</th><th>编号</th><th>字段</th><th>导入值</th><th>台账值</th></tr></thead><tbody>
          {{#registerConflicts}}<tr><td>{{file}}</td><td>{{id}}</td><td>{{field}}</td><td>{{imported}}</td><td>{{register}}</td></tr>{{/registerConflicts}}
          </tbody></table>{{/hasRegisterConflicts}}
          <details><summary>完整报告</summary><pre class="yaml">{{report}}</pre></details>
        </div>
        {{/report}}
        <div class="grid two">
          <div class="card">
            <h2>1. 上传数据集</h2>
            <form method="post" action="/imports" enctype="multipart/form-data" class="stack" id="import-form">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <label>交换格式 CSV 或 Excel 文件（可多选；CSV 可为 UTF-8 或 GB18030/GBK，Excel 取第一个工作表）<input type="file" name="files" accept=".csv,.xlsx" multiple required></label>
              <label><span><input type="checkbox" name="lenient" value="1"> 宽松模式：跳过有错误的行（写入拒绝文件），导入其余行</span></label>
              <button type="submit">导入</button>
            </form>
            <p class="small muted">可识别的文件：{{knownFiles}}。校验规则与命令行 fundguard import 相同；任何错误都会使整批导入回滚。</p>
          </div>
          <div class="card">
            <h2>2. 筛查比对</h2>
            <form method="post" action="/screenings" class="stack" id="screen-form">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <label>筛查日期<input type="date" name="as_of" value="{{asOf}}" required></label>
              <button type="submit">开始筛查</button>
            </form>
            <p class="small muted">使用“规则与阈值”中当前生效的配置，结果记入疑点台账。</p>
          </div>
        </div>
        <div class="card">
          <h2>导入记录</h2>
          {{#hasRuns}}<table><thead><tr><th>#</th><th>时间</th><th>用户</th><th>来源</th><th class="num">导入行</th><th class="num">拒绝行</th><th>文件</th></tr></thead><tbody>
          {{#runs}}<tr><td>{{id}}</td><td>{{at}}</td><td>{{user}}</td><td>{{source}}</td><td class="num">{{imported}}</td><td class="num">{{rejected}}</td><td class="small">{{files}}</td></tr>{{/runs}}
          </tbody></table>{{/hasRuns}}
          {{^hasRuns}}<p class="muted">尚无导入。</p>{{/hasRuns}}
        </div>
        <div class="card">
          <h2>筛查记录</h2>
          {{#hasScreenings}}<table><thead><tr><th>#</th><th>执行时间</th><th>筛查日期</th><th class="num">发现</th><th class="num">新增</th><th class="num">不再发现</th></tr></thead><tbody>
          {{#screenings}}<tr><td>{{id}}</td><td>{{at}}</td><td>{{asOf}}</td><td class="num">{{raised}}</td><td class="num">{{new}}</td><td class="num">{{noLonger}}</td></tr>{{/screenings}}
          </tbody></table>{{/hasScreenings}}
          {{^hasScreenings}}<p class="muted">尚无筛查。</p>{{/hasScreenings}}
        </div>
        """
}
