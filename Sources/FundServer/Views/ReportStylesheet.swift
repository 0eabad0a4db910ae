/// The reports' own rules (totals, sources) and the console on paper (`@media print`): what the browser's
/// "print" and "save as PDF" give for the year-end report (and any page). On paper the navigation, forms and
/// buttons go; cards lose their shadows; a section does not split across pages when it fits on one; tables
/// repeat their heads; links print as plain text. Served after `Stylesheet.css` at /static/app.css.
enum ReportStylesheet {
    static let css = """

        tr.total td { font-weight: 600; border-top: 2px solid #cbd5e0; }
        .report .source { font-size: 0.85em; color: #4a5568; margin-top: 0.5em; }
        .report h2 { margin-top: 0; }
        .report .chart-wrap svg { width: 100%; max-width: 560px; height: auto; }

        @media print {
          @page { size: A4; margin: 18mm 15mm; }
          body { background: #fff; color: #000; font-size: 10.5pt; }
          header, nav, .noprint, form, button, .button, .pager, .flash { display: none !important; }
          main { max-width: none; margin: 0; padding: 0; }
          .card { box-shadow: none; border: none; padding: 0; margin: 0 0 8mm; }
          .report section { break-inside: avoid-page; }
          .report h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm; }
          .report h2 { font-size: 13pt; break-after: avoid-page; }
          table { width: 100%; border-collapse: collapse; font-size: 9pt; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
          th, td { border: 0.5pt solid #555; padding: 1mm 1.5mm; }
          tr.total td { font-weight: bold; }
          a { color: #000; text-decoration: none; }
          .source { font-size: 8.5pt; color: #333; }
          .chart-wrap svg { max-width: 120mm; }
          .table-scroll { overflow: visible !important; }
        }
        """
}
