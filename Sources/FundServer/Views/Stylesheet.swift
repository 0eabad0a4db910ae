/// The console's stylesheet, served at `/static/app.css`: no inline styles, so the
/// Content-Security-Policy can forbid them.
enum Stylesheet {
    static let css = """
        :root { --blue: #1f4e8c; --blue-dark: #163a69; --line: #d9dee7; --bg: #f3f5f8; --text: #1d2330;
          --muted: #5d6678; --red: #c8332b; --orange: #e07b19; --yellow: #d4a90f; --green: #2e8b57; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei",
          sans-serif; font-size: 14px; color: var(--text); background: var(--bg); line-height: 1.5; }
        a { color: var(--blue); text-decoration: none; } a:hover { text-decoration: underline; }
        header.top { background: var(--blue); color: #fff; display: flex; align-items: center; padding: 0 24px;
          height: 52px; gap: 24px; position: relative; z-index: 10; }
        header.top .brand { color: #fff; font-size: 17px; font-weight: 600; letter-spacing: 1px; white-space: nowrap; }
        header.top .brand:hover { text-decoration: none; } header.top .brand .short { display: none; }
        header.top nav.menus { display: flex; gap: 2px; flex: 1; min-width: 0; height: 100%; align-items: stretch; }
        header.top .menu-link, header.top .menu summary { color: #dce6f5; padding: 0 14px; display: flex;
          align-items: center; height: 100%; white-space: nowrap; cursor: pointer; }
        header.top .menu { position: relative; height: 100%; }
        header.top .menu summary { list-style: none; }
        header.top .menu summary::-webkit-details-marker { display: none; }
        header.top .menu summary::after { content: ""; border: 4px solid transparent; border-top-color: currentColor;
          margin: 4px 0 0 6px; }
        header.top .menu-link.active, header.top .menu.active summary, header.top .menu-link:hover,
        header.top .menu summary:hover, header.top .menu[open] summary { color: #fff; background: var(--blue-dark);
          text-decoration: none; }
        header.top .menu summary:focus-visible, header.top .menu-link:focus-visible, header.top .menu-list a:focus-visible {
          outline: 2px solid #fff; outline-offset: -2px; }
        header.top .menu-list { position: absolute; top: 100%; left: 0; min-width: 168px; background: #fff;
          border: 1px solid var(--line); border-top: 0; box-shadow: 0 6px 18px rgba(20, 40, 80, .18); padding: 4px 0;
          display: flex; flex-direction: column; }
        header.top .menu-list a { color: var(--text); padding: 8px 16px; white-space: nowrap; }
        header.top .menu-list a:hover { background: #eef4fc; text-decoration: none; }
        header.top .menu-list a.active { color: var(--blue); font-weight: 600; border-left: 3px solid var(--blue);
          padding-left: 13px; }
        header.top .who { font-size: 13px; color: #dce6f5; display: flex; gap: 10px; align-items: center;
          white-space: nowrap; min-width: 0; }
        header.top .who .who-name { overflow: hidden; text-overflow: ellipsis; }
        header.top .who form { margin: 0; }
        header.top .who button { background: transparent; color: #fff; border: 1px solid #8fa9d0; padding: 3px 10px;
          border-radius: 3px; cursor: pointer; }
        main { padding: 20px 24px 40px; max-width: 1400px; margin: 0 auto; overflow-wrap: anywhere; }
        h1 { font-size: 20px; margin: 4px 0 16px; } h2 { font-size: 16px; margin: 0 0 12px; }
        .grid { display: grid; gap: 16px; grid-template-columns: repeat(auto-fit, minmax(min(320px, 100%), 1fr)); }
        .grid.two { grid-template-columns: repeat(auto-fit, minmax(min(460px, 100%), 1fr)); }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: 16px; margin-bottom: 16px; }
        .tiles { display: grid; gap: 12px; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); margin-bottom: 16px; }
        .tile { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--blue); border-radius: 4px;
          padding: 12px 16px; }
        .tile .label { color: var(--muted); font-size: 13px; } .tile .value { font-size: 24px; font-weight: 600; }
        .tile.red { border-left-color: var(--red); } .tile.orange { border-left-color: var(--orange); }
        .tile.yellow { border-left-color: var(--yellow); } .tile.green { border-left-color: var(--green); }
        table { width: 100%; border-collapse: collapse; background: #fff; }
        th, td { padding: 7px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        th { background: #eef2f7; font-weight: 600; white-space: nowrap; color: #333c4e; }
        th a { color: inherit; } tr:hover td { background: #f8fafc; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; color: #fff;
          white-space: nowrap; }
        .badge.red { background: var(--red); } .badge.orange { background: var(--orange); }
        .badge.yellow { background: var(--yellow); color: #2b2400; }
        .status { display: inline-block; padding: 1px 8px; border-radius: 3px; font-size: 12px; border: 1px solid;
          white-space: nowrap; }
        .status.new { color: #8a4b00; border-color: #e7b46a; background: #fff7ea; }
        .status.assigned, .status.verifying { color: var(--blue); border-color: #9db6da; background: #eef4fc; }
        .status.cleared, .status.closed { color: var(--green); border-color: #9fd0b4; background: #effaf3; }
        .status.irregular { color: var(--red); border-color: #ebaaa6; background: #fdf1f0; }
        .status.fraud { color: #fff; border-color: var(--red); background: var(--red); }
        .filters { display: flex; flex-wrap: wrap; gap: 10px 14px; align-items: flex-end; }
        .filters label, form.stack label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 3px; }
        input, select, textarea { max-width: 100%; font: inherit; padding: 5px 8px; border: 1px solid #b9c2d0; border-radius: 3px;
          background: #fff; color: var(--text); }
        input[type=number], input.short { width: 110px; } textarea { width: 100%; min-height: 70px; }
        button, .button { font: inherit; background: var(--blue); color: #fff; border: 0; border-radius: 3px;
          padding: 6px 16px; cursor: pointer; display: inline-block; }
        button.secondary, .button.secondary { background: #fff; color: var(--blue); border: 1px solid var(--blue); }
        button.danger { background: var(--red); }
        form.stack { display: flex; flex-direction: column; gap: 10px; max-width: 560px; }
        .actions { display: flex; gap: 12px; flex-wrap: wrap; align-items: flex-start; }
        .actions form { border: 1px solid var(--line); border-radius: 4px; padding: 12px; background: #fafbfd; flex: 1 1 280px; }
        .actions form h3 { margin: 0 0 8px; font-size: 14px; }
        .flash { padding: 10px 14px; border-radius: 4px; margin-bottom: 16px; border: 1px solid; }
        .flash.ok { background: #effaf3; border-color: #9fd0b4; color: #1f6b40; }
        .flash.error { background: #fdf1f0; border-color: #ebaaa6; color: #9c2a23; }
        .errors { color: var(--red); font-size: 13px; margin: 4px 0 0; padding-left: 18px; }
        .nowrap { white-space: nowrap; } form.stack.wide { max-width: none; }
        details summary { cursor: pointer; }
        .muted { color: var(--muted); } .small { font-size: 12px; }
        .pager { display: flex; gap: 8px; align-items: center; margin-top: 12px; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 0; }
        dl.facts.cols { grid-template-columns: repeat(3, max-content minmax(0, 1fr)); }
        dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
        .records { display: grid; gap: 12px; grid-template-columns: repeat(auto-fit, minmax(min(300px, 100%), 1fr)); }
        .record { border: 1px solid var(--line); border-radius: 4px; background: #fff; }
        .record h3 { margin: 0; font-size: 13px; padding: 6px 10px; background: #eef2f7; border-bottom: 1px solid var(--line); }
        .record table td { border-bottom: 1px dashed #e4e8ef; padding: 4px 10px; }
        .record table td:first-child { color: var(--muted); width: 42%; }
        pre.yaml { background: #fbfcfe; border: 1px solid var(--line); padding: 10px; overflow: auto; max-height: 420px;
          font-size: 12px; }
        textarea.yaml { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; min-height: 420px; }
        .login { max-width: 380px; margin: 80px auto; }
        .login .card { padding: 28px; } .login h1 { text-align: center; color: var(--blue); }
        svg text { font-family: inherit; }
        .chart { width: 100%; height: auto; }
        .legend { display: flex; gap: 16px; font-size: 12px; color: var(--muted); margin-top: 6px; flex-wrap: wrap; }
        .legend span::before { content: ""; display: inline-block; width: 10px; height: 10px; margin-right: 5px;
          vertical-align: -1px; }
        .legend .rev::before { background: #4a86c8; } .legend .exp::before { background: #e07b19; }
        .legend .bal::before { background: #2e8b57; height: 3px; vertical-align: 3px; }
        .diff-up { color: var(--red); font-weight: 600; } .diff-down { color: var(--green); font-weight: 600; }
        form.stack label.param { display: grid; grid-template-columns: minmax(0, 18em) minmax(0, 1fr); gap: 2px 12px;
          align-items: center; font-size: 13px; color: var(--text); }
        form.stack label.param .small { grid-column: 2; }
        .param-input { display: flex; gap: 6px; align-items: center; }
        .param-input input { width: 10em; } .unit { color: var(--muted); font-size: 12px; }
        .param-map td input.short { width: 7em; } .param-map td:first-child input.short { width: 11em; }
        table#rules td.small { min-width: 18em; }
        fieldset.param-map { border: 1px solid var(--line); border-radius: 4px; padding: 8px 12px; min-width: 0; }
        fieldset.param-map legend { font-size: 13px; padding: 0 4px; }
        .table-wrap { overflow-x: auto; max-width: 100%; }
        .table-wrap > table { min-width: 100%; }
        th, td { overflow-wrap: normal; }
        svg.chart { max-width: 100%; }
        .scroll { overflow-x: auto; max-width: 100%; } .legend .series::before { display: none; }
        footer { text-align: center; color: var(--muted); font-size: 12px; padding: 20px; }
        @media (max-width: 1100px) {
          header.top { padding: 0 12px; gap: 12px; } header.top .menu-link, header.top .menu summary { padding: 0 10px; }
          header.top .who .who-name { max-width: 160px; }
        }
        @media (max-width: 820px) {
          header.top .who .who-name { display: none; }
          main { padding: 14px 12px 32px; }
          dl.facts.cols { grid-template-columns: max-content minmax(0, 1fr); }
          .actions form { flex-basis: 100%; }
        }
        @media (max-width: 560px) {
          header.top { padding: 0 8px; gap: 6px; }
          header.top .brand { font-size: 15px; letter-spacing: 0; }
          header.top .brand .full { display: none; } header.top .brand .short { display: inline; }
          header.top .menu-link, header.top .menu summary { padding: 0 8px; }
          header.top .menu summary::after { margin-left: 4px; border-width: 3px; }
          header.top .menu { position: static; }
          header.top .menu-list { position: absolute; left: 0; right: 0; top: 52px; min-width: 0; }
          header.top .menu-list a { padding: 11px 16px; }
          form.stack label.param { grid-template-columns: minmax(0, 1fr); } form.stack label.param .small { grid-column: 1; }
          .param-map td input.short { width: 5.5em; } .param-map td:first-child input.short { width: 8em; }
          .filters { flex-direction: column; align-items: stretch; }
          .filters label input, .filters label select { width: 100%; } .filters .button { text-align: center; }
          .login { margin: 32px 12px; }
          .tiles { grid-template-columns: repeat(2, minmax(0, 1fr)); }
          dl.facts, dl.facts.cols { grid-template-columns: minmax(0, 1fr); gap: 2px; }
          dl.facts dd { margin-bottom: 6px; }
          h1 { font-size: 18px; }
        }
        """
}
