using System.Text;

namespace Imr.Operations.Model;

/// <summary>Small text helpers shared by the model and the services.</summary>
internal static class Text
{
    /// <summary>Trims and collapses every run of whitespace to one space.</summary>
    public static string Collapse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Lower case letters and digits only, words separated by one space, a number apart from its
    /// unit: "NORCO 10/325MG." and "Norco 10/325 mg" are one key, "Norco 10-325 mg" another.</summary>
    public static string Key(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length);
        var gap = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                // A number and its unit are two words however written: "325mg" is "325 mg".
                if (builder.Length > 0 && char.IsDigit(c) != char.IsDigit(builder[^1]) && char.IsLetterOrDigit(builder[^1])) gap = true;
                if (gap && builder.Length > 0) builder.Append(' ');
                gap = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is '/' or '%' or '.' && builder.Length > 0 && char.IsDigit(builder[^1]))
            {
                // Keep what makes a dose a dose: 10/325, 0.5, 5%.
                if (gap) builder.Append(' ');
                gap = false;
                builder.Append(c);
            }
            else gap = true;
        }
        return builder.ToString().TrimEnd('.', '/');
    }
}
