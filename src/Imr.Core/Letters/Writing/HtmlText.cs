using System.Text;

namespace Imr.Letters.Writing;

/// <summary>
/// Letter text as HTML: encoded, and with the places a browser could break a line where a reader
/// would misjoin it made unbreakable (see <see cref="LineBreaking"/>), so the printed PDF reads back
/// to the same text.
/// </summary>
internal static class HtmlText
{
    public const string NoBreakClass = "imr-nobr";

    /// <summary>Appends normalised, encoded text, keeping unsafe runs whole.</summary>
    public static void Append(StringBuilder html, string text) =>
        AppendUnits(html, LineBreaking.Units(LineBreaking.Normalize(text)));

    public static void AppendUnits(StringBuilder html, IEnumerable<string> units)
    {
        var first = true;
        foreach (var unit in units)
        {
            if (!first) html.Append(' ');
            first = false;
            AppendUnit(html, unit);
        }
    }

    /// <summary>
    /// A unit a browser may break only after an inner hyphen goes out as is. Any other unit goes out as
    /// one no-wrap span per hyphen segment: the spans forbid breaks inside them, while the boundary
    /// between two spans (just after a hyphen) stays breakable, since a break between two elements is
    /// governed by their parent.
    /// </summary>
    public static void AppendUnit(StringBuilder html, string unit)
    {
        if (IsFreelyBreakable(unit))
        {
            Encode(html, unit);
            return;
        }
        foreach (var segment in LineBreaking.Segments(unit))
        {
            html.Append("<span class=\"").Append(NoBreakClass).Append("\">");
            Encode(html, segment);
            html.Append("</span>");
        }
    }

    /// <summary>Whether a browser can break the unit only after a hyphen, which a reader joins back
    /// exactly. A unit holding a space (a word ending in a dash, kept with the next) never qualifies.</summary>
    private static bool IsFreelyBreakable(string unit)
    {
        if (!unit.All(LineBreaking.IsBreakSafe)) return false;
        // A browser breaks after any inner hyphen; only one before a lower-case letter is safe.
        for (var i = 0; i < unit.Length - 1; i++)
        {
            if (unit[i] == '-' && !char.IsLower(unit[i + 1])) return false;
        }
        return true;
    }

    /// <summary>Encodes the five characters HTML and XML give meaning to; the document is UTF-8, so
    /// everything else goes out as itself.</summary>
    public static void Encode(StringBuilder html, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                default: html.Append(c); break;
            }
        }
    }

    public static string Encode(string text)
    {
        var html = new StringBuilder(text.Length);
        Encode(html, text);
        return html.ToString();
    }
}
