extension Templates {
    /// 修改密码: where a person with a generated or one-time password is sent until it is changed.
    static let password = """
        <h1>修改密码</h1>
        <div class="card">
          {{#required}}<p class="flash error" id="must-change">您的密码由管理员设置或系统生成，须先修改密码才能继续使用本系统。</p>{{/required}}
          {{#hasErrors}}<ul class="errors">{{#errors}}<li>{{.}}</li>{{/errors}}</ul>{{/hasErrors}}
          <form method="post" action="/account/password" class="stack" id="form-password">
            <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="from" value="password">
            <label>当前密码<input type="password" name="current" autocomplete="current-password" required></label>
            <label>新密码（至少 10 位，含字母和数字，不能是常见密码）<input type="password" name="new" autocomplete="new-password" required></label>
            <label>再次输入新密码<input type="password" name="repeat" autocomplete="new-password" required></label>
            <label><input type="checkbox" name="keep_keys" value="1"> 保留我的 API 密钥（不勾选则全部吊销）</label>
            <button type="submit">修改密码</button>
          </form>
          <form method="post" action="/logout"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="secondary">退出</button></form>
        </div>
        """

    static let account = """
        <h1>我的账户</h1>
        <div class="grid two">
          <div class="card">
            <h2>账户信息</h2>
            <dl class="facts"><dt>用户名</dt><dd>{{name}}</dd><dt>姓名</dt><dd>{{displayName}}</dd><dt>角色</dt><dd>{{roleName}}</dd><dt>统筹地区</dt><dd>{{region}}</dd><dt>密码修改时间</dt><dd>{{passwordChanged}}</dd></dl>
          </div>
          <div class="card">
            <h2>修改密码</h2>
            {{#hasErrors}}<ul class="errors">{{#errors}}<li>{{.}}</li>{{/errors}}</ul>{{/hasErrors}}
            <form method="post" action="/account/password" class="stack">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <label>当前密码<input type="password" name="current" autocomplete="current-password" required></label>
              <label>新密码（至少 10 位，含字母和数字）<input type="password" name="new" autocomplete="new-password" required></label>
              <label>再次输入新密码<input type="password" name="repeat" autocomplete="new-password" required></label>
              <label><input type="checkbox" name="keep_keys" value="1"> 保留我的 API 密钥（不勾选则全部吊销）</label>
              <button type="submit">修改密码</button>
            </form>
          </div>
        </div>
        <div class="card">
          <h2>API 密钥</h2>
          <p class="muted small">程序调用 /api/v1 时使用（请求头 Authorization: Bearer 密钥），权限与您的账户相同。</p>
          {{#newKey}}<p class="flash ok">新密钥：<code>{{newKey}}</code></p>{{/newKey}}
          {{#hasKeys}}<table id="api-keys"><thead><tr><th>用途</th><th>前缀</th><th>创建时间</th><th>到期时间</th><th>状态</th><th></th></tr></thead><tbody>
          {{#keys}}<tr><td>{{label}}</td><td><code>{{prefix}}…</code></td><td>{{created}}</td><td>{{expires}}</td><td>{{state}}</td><td>{{#usable}}<form method="post" action="/account/api-keys/{{id}}/revoke"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="secondary">吊销</button></form>{{/usable}}</td></tr>{{/keys}}
          </tbody></table>{{/hasKeys}}
          <form method="post" action="/account/api-keys" class="filters">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <label>用途<input name="label" required></label>
            <label>有效期（天，1–365）<input name="days" inputmode="numeric" value="90"></label>
            <button type="submit" class="secondary">创建密钥</button>
          </form>
        </div>
        """

    static let users = """
        <h1>用户管理</h1>
        {{#generated}}<div class="flash ok">用户 {{generatedFor}} 的初始密码：<code id="generated-password">{{generated}}</code>（只显示这一次，请转交本人并提醒其登录后修改）</div>{{/generated}}
        <div class="card">
          <table><thead><tr><th>用户名</th><th>姓名</th><th>角色</th><th>统筹地区</th><th>创建时间</th><th>状态</th><th></th></tr></thead><tbody>
          {{#rows}}<tr><td>{{name}}</td><td>{{displayName}}</td><td>{{role}}</td><td>{{region}}</td><td>{{created}}</td><td>{{#active}}启用{{/active}}{{^active}}<span class="muted">停用</span>{{/active}}</td>
          <td>{{^isSelf}}<form method="post" action="/users/{{id}}/active"><input type="hidden" name="_csrf" value="{{csrf}}">{{#active}}<input type="hidden" name="active" value="0"><button class="secondary" type="submit">停用</button>{{/active}}{{^active}}<input type="hidden" name="active" value="1"><button class="secondary" type="submit">启用</button>{{/active}}</form>{{/isSelf}}</td></tr>{{/rows}}
          </tbody></table>
        </div>
        <div class="card">
          <h2>新建用户</h2>
          {{#hasErrors}}<ul class="errors">{{#errors}}<li>{{.}}</li>{{/errors}}</ul>{{/hasErrors}}
          <form method="post" action="/users" class="stack">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <label>用户名（英文字母开头）<input name="name" value="{{form.name}}" required></label>
            <label>姓名<input name="display_name" value="{{form.display_name}}" required></label>
            <label>角色<select name="role">{{#roles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/roles}}</select></label>
            <label>统筹地区（市级经办必选）<select name="region">{{#regions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/regions}}</select></label>
            <label>初始密码（留空则自动生成）<input type="password" name="password" autocomplete="new-password"></label>
            <button type="submit">创建</button>
          </form>
        </div>
        """
}
