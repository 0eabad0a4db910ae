extension Templates {
    /// The frame of every page: the top bar with the navigation menus (`Navigation`), the signed-in person,
    /// sign-out. One line high at every width: the menus open below it, the brand shortens and the person's
    /// name gives way on a phone (`Stylesheet`).
    static let layout = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · 工伤保险基金监管平台</title>
        <link rel="stylesheet" href="/static/app.css">
        </head>
        <body>
        {{#signedIn}}
        <header class="top">
          <a class="brand" href="/dashboard"><span class="full">工伤保险基金监管平台</span><span class="short">基金监管</span></a>
          <nav class="menus" aria-label="主导航">
          {{#nav}}{{#single}}<a class="menu-link{{#active}} active{{/active}}" href="{{href}}"{{#active}} aria-current="page"{{/active}}>{{label}}</a>{{/single}}{{#isMenu}}<details class="menu{{#active}} active{{/active}}" name="nav"><summary>{{label}}</summary><div class="menu-list">{{#links}}<a href="{{href}}"{{#active}} class="active" aria-current="page"{{/active}}>{{label}}</a>{{/links}}</div></details>{{/isMenu}}{{/nav}}
          </nav>
          <div class="who">
            <span class="who-name">{{userDisplay}}（{{roleName}}{{#regionName}} · {{regionName}}{{/regionName}}）</span>
            <form method="post" action="/logout"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" title="{{userDisplay}} 退出登录">退出</button></form>
          </div>
        </header>
        {{/signedIn}}
        <main>
        {{#flash}}<div class="flash ok">{{flash}}</div>{{/flash}}
        {{#flashError}}<div class="flash error">{{flashError}}</div>{{/flashError}}
        {{{body}}}
        </main>
        <footer>FundGuard 工伤保险基金监管平台 · 个人信息受保护，所有查看与操作均记入审计日志</footer>
        </body>
        </html>
        """

    static let login = """
        <div class="login">
          <h1>工伤保险基金监管平台</h1>
          <div class="card">
            <form method="post" action="/login" class="stack">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <input type="hidden" name="next" value="{{next}}">
              <label>用户名<input name="name" value="{{name}}" autocomplete="username" required autofocus></label>
              <label>密码<input type="password" name="password" autocomplete="current-password" required></label>
              {{#error}}<p class="errors">{{error}}</p>{{/error}}
              <button type="submit">登录</button>
            </form>
          </div>
        </div>
        """

    static let error = """
        <div class="card">
          <h1>{{statusText}}</h1>
          <p>{{message}}</p>
          {{#fields}}<ul class="errors">{{#items}}<li>{{.}}</li>{{/items}}</ul>{{/fields}}
          <p><a href="{{back}}">返回</a></p>
        </div>
        """
}
