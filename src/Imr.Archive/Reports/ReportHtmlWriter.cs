using System.Globalization;
using System.Net;
using System.Text;

namespace Imr.Archive.Reports;

/// <summary>
/// The report as one self-contained HTML page with charts drawn as inline SVG (no script, no
/// external asset), so it opens anywhere and prints.
/// </summary>
public static class ReportHtmlWriter
{
    /// <summary>The report's styles, every rule scoped to <c>.imr-report</c>; a page embedding
    /// <see cref="WriteFragment"/> should include it.</summary>
    public const string Stylesheet =
        ".imr-report{font-family:system-ui,sans-serif;color:#222}.imr-report h1{font-size:1.6em}" +
        ".imr-report table{border-collapse:collapse;margin:.5em 0 2em}.imr-report td,.imr-report th{padding:.2em .6em;text-align:right;border-bottom:1px solid #ddd}" +
        ".imr-report td:first-child,.imr-report th:first-child{text-align:left}.imr-report .kpi{display:flex;gap:2em}.imr-report .kpi div{font-size:1.4em}" +
        ".imr-report .kpi small{display:block;font-size:.6em;color:#666}.imr-report svg{max-width:100%;height:auto}.imr-report svg text{font-size:11px}";

    /// <summary>The report as a complete HTML document.</summary>
    public static string Write(ArchiveReport report) =>
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>IMR determinations report</title><style>body{max-width:1000px;margin:2em auto}"
        + Stylesheet + "</style></head><body>" + WriteFragment(report) + "</body></html>";

    /// <summary>The report as a <c>&lt;div class="imr-report"&gt;</c> to embed in a page that includes
    /// <see cref="Stylesheet"/>: no script, no style attribute (charts use SVG presentation attributes).</summary>
    public static string WriteFragment(ArchiveReport report)
    {
        var html = new StringBuilder("<div class=\"imr-report\">");
        html.Append("<h1>Independent Medical Review: determinations report</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Decisions {Period(report.Period)}; computed from the archived final determination letters.</p>");
        html.Append("<div class=\"kpi\">")
            .Append(Kpi("letters", report.Letters.ToString("N0", CultureInfo.InvariantCulture)))
            .Append(Kpi("disputed items", report.Items.ToString("N0", CultureInfo.InvariantCulture)))
            .Append(Kpi("overturned", report.Overturned.ToString("N0", CultureInfo.InvariantCulture)))
            .Append(Kpi("overturn rate", report.OverturnRate.ToString("P1", CultureInfo.InvariantCulture)))
            .Append("</div>");

        Section(html, "Items and overturn rate by month of decision", report.ByMonth, columns: true);
        Section(html, "By treatment category", report.ByCategory, columns: false);
        Section(html, "By guideline the reviewer relied on", report.ByGuideline, columns: false);
        Section(html, "By reviewer specialty", report.BySpecialty, columns: false);
        Section(html, "By reviewer licensure state", report.ByState, columns: false);

        html.Append("<h2>Days</h2><table><tr><th>interval</th><th>letters</th><th>median</th><th>90th percentile</th></tr>");
        Days(html, "application received to assignment", report.ApplicationToAssignment);
        Days(html, "assignment to decision", report.AssignmentToDecision);
        html.Append("</table></div>");
        return html.ToString();
    }

    private static string Period(ReportQuery period) => (period.From, period.To) switch
    {
        (null, null) => "of every date",
        ({ } f, null) => $"from {f:yyyy-MM-dd}",
        (null, { } t) => $"up to {t:yyyy-MM-dd}",
        ({ } f, { } t) => $"from {f:yyyy-MM-dd} to {t:yyyy-MM-dd}",
    };

    private static string Kpi(string label, string value) => $"<div>{value}<small>{label}</small></div>";

    private static void Days(StringBuilder html, string label, DayStatistics days) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>{label}</td><td>{days.Letters:N0}</td><td>{days.Median?.ToString("0.#", CultureInfo.InvariantCulture) ?? "-"}</td><td>{days.Percentile90?.ToString("0.#", CultureInfo.InvariantCulture) ?? "-"}</td></tr>");

    private static void Section(StringBuilder html, string title, IReadOnlyList<ReportRow> rows, bool columns)
    {
        html.Append("<h2>").Append(WebUtility.HtmlEncode(title)).Append("</h2>");
        if (rows.Count == 0)
        {
            html.Append("<p>No letters.</p>");
            return;
        }
        html.Append(columns ? ColumnChart(rows) : BarChart(rows.Take(25).ToList()));
        html.Append("<table><tr><th></th><th>letters</th><th>items</th><th>overturned</th><th>rate</th></tr>");
        foreach (var row in rows)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(row.Key)}</td><td>{row.Letters:N0}</td><td>{row.Items:N0}</td><td>{row.Overturned:N0}</td><td>{row.OverturnRate:P1}</td></tr>");
        html.Append("</table>");
    }

    // Horizontal bars: items (grey) with the overturned part (green), label and rate beside.
    private static string BarChart(IReadOnlyList<ReportRow> rows)
    {
        const int labelWidth = 260, barWidth = 560, rowHeight = 20;
        var max = Math.Max(1, rows.Max(r => r.Items));
        var svg = new StringBuilder();
        var (chartWidth, chartHeight) = (labelWidth + barWidth + 90, (rows.Count * rowHeight) + 10);
        svg.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"bar chart\" width=\"{chartWidth}\" height=\"{chartHeight}\" viewBox=\"0 0 {chartWidth} {chartHeight}\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var y = (i * rowHeight) + 5;
            var w = (double)r.Items / max * barWidth;
            var o = (double)r.Overturned / max * barWidth;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{y + 13}\" text-anchor=\"end\">{WebUtility.HtmlEncode(Clip(r.Key))}</text>")
               .Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 2}\" width=\"{w:F1}\" height=\"{rowHeight - 6}\" fill=\"#c9ced6\"><title>{r.Items} items</title></rect>")
               .Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 2}\" width=\"{o:F1}\" height=\"{rowHeight - 6}\" fill=\"#2e8540\"><title>{r.Overturned} overturned</title></rect>")
               .Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + w + 4:F1}\" y=\"{y + 13}\">{r.Items:N0} · {r.OverturnRate:P0}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    // Vertical columns per month: items, with the overturn rate as a line on its own scale.
    private static string ColumnChart(IReadOnlyList<ReportRow> rows)
    {
        const int height = 180, left = 40, columnWidth = 36;
        var max = Math.Max(1, rows.Max(r => r.Items));
        var maxRate = Math.Max(0.01, rows.Max(r => r.OverturnRate));
        // Wide enough for the legend below the columns, however few months.
        var width = Math.Max(left + (rows.Count * columnWidth) + 20, 380);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"column chart\" width=\"{width}\" height=\"{height + 40}\" viewBox=\"0 0 {width} {height + 40}\">");
        var points = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var x = left + (i * columnWidth);
            var h = (double)r.Items / max * height;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + 4}\" y=\"{height - h + 5:F1}\" width=\"{columnWidth - 8}\" height=\"{h:F1}\" fill=\"#c9ced6\"><title>{WebUtility.HtmlEncode(r.Key)}: {r.Items} items, {r.OverturnRate:P1} overturned</title></rect>")
               .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (columnWidth / 2)}\" y=\"{height + 20}\" text-anchor=\"middle\">{WebUtility.HtmlEncode(r.Key.Length == 7 && r.Key[4] == '-' ? r.Key[2..] : r.Key)}</text>");
            points.Add(string.Create(CultureInfo.InvariantCulture, $"{x + (columnWidth / 2)},{height + 5 - (r.OverturnRate / maxRate * height):F1}"));
        }
        svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(' ', points)}\" fill=\"none\" stroke=\"#2e8540\" stroke-width=\"2\"/>")
           .Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"{height + 36}\">bars: items · line: overturn rate (max {maxRate:P0})</text>");
        return svg.Append("</svg>").ToString();
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
