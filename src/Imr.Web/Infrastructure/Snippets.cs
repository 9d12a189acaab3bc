using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace Imr.Web.Infrastructure;

/// <summary>Search snippets for a page: the archive marks matched words in [brackets]; each bracketed
/// run becomes a &lt;mark&gt;, everything else is encoded.</summary>
public static partial class Snippets
{
    public static IHtmlContent Highlight(string snippet)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (Match match in Marked().Matches(snippet))
        {
            html.Append(WebUtility.HtmlEncode(snippet[at..match.Index]))
                .Append("<mark>").Append(WebUtility.HtmlEncode(match.Groups[1].Value)).Append("</mark>");
            at = match.Index + match.Length;
        }
        html.Append(WebUtility.HtmlEncode(snippet[at..]));
        return new HtmlString(html.ToString());
    }

    [GeneratedRegex(@"\[([^\[\]]+)\]")]
    private static partial Regex Marked();
}
