using System.Text.RegularExpressions;

namespace Imr.Letters.Citations;

/// <summary>
/// Splits a printed section list into section names. Commas separate sections but also stand inside
/// names ("NSAIDs, GI symptoms &amp; cardiovascular risk", "Naproxen (Naprosyn, Anaprox)"), so at each
/// comma outside brackets, in order:
/// 1. the longest run of pieces that the catalogue knows as one section is that section (canonically spelled);
/// 2. a numbered heading ("3.3.1.1 Opioids for ...: Screening ..., Prior to ...") runs to the next number;
/// 3. otherwise a piece is a section of its own, and pieces after it that open in lower case or with
///    "&amp;" continue it ("Ultrasound, therapeutic"), unless the catalogue knows them as sections.
/// </summary>
internal static partial class SectionList
{
    // The most comma-separated pieces a catalogued name has.
    private static readonly int LongestKnown =
        MtusGuidelines.Parts.SelectMany(p => p.Sections).Max(s => Pieces(s).Count);

    public static IEnumerable<string> Read(string list, MtusPart part)
    {
        var pieces = Pieces(list);
        for (var i = 0; i < pieces.Count;)
        {
            var (name, used) = Known(list, pieces, i, part) ?? Numbered(list, pieces, i) ?? Continued(list, pieces, i, part);
            yield return name;
            i += used;
        }
    }

    private static (string Name, int Used)? Known(string list, List<Range> pieces, int i, MtusPart part)
    {
        for (var used = Math.Min(LongestKnown, pieces.Count - i); used >= 1; used--)
        {
            var canonical = MtusGuidelines.CanonicalSection(part, Join(list, pieces, i, used));
            if (canonical is not null) return (canonical, used);
        }
        return null;
    }

    private static (string Name, int Used)? Numbered(string list, List<Range> pieces, int i)
    {
        if (!SectionNumber().IsMatch(list[pieces[i]])) return null;
        var used = 1;
        while (i + used < pieces.Count && !SectionNumber().IsMatch(list[pieces[i + used]])) used++;
        return (Join(list, pieces, i, used), used);
    }

    private static (string Name, int Used) Continued(string list, List<Range> pieces, int i, MtusPart part)
    {
        var used = 1;
        while (i + used < pieces.Count && Continues(list[pieces[i + used]]) && Known(list, pieces, i + used, part) is null)
            used++;
        return (Join(list, pieces, i, used), used);
    }

    private static bool Continues(string piece) => char.IsLower(piece[0]) || piece[0] == '&';

    // The pieces as printed, from the first one's start to the last one's end.
    private static string Join(string list, List<Range> pieces, int i, int count) =>
        list[pieces[i].Start..pieces[i + count - 1].End];

    // Comma-separated pieces, trimmed, ignoring commas inside brackets.
    private static List<Range> Pieces(string list)
    {
        var pieces = new List<Range>();
        var (depth, start) = (0, 0);
        for (var i = 0; i <= list.Length; i++)
        {
            var c = i < list.Length ? list[i] : ',';
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}') depth = Math.Max(0, depth - 1);
            else if (c == ',' && (depth == 0 || i == list.Length))
            {
                var (from, to) = (start, i);
                while (from < to && char.IsWhiteSpace(list[from])) from++;
                while (to > from && char.IsWhiteSpace(list[to - 1])) to--;
                if (to > from) pieces.Add(from..to);
                start = i + 1;
            }
        }
        return pieces;
    }

    // "3.3.6 Opioids ...", "2. Opioids for Subacute Pain": the Opioid Treatment Guidelines number their headings.
    [GeneratedRegex(@"^\d+(?:\.\d+)*\.?\s+\p{L}")]
    private static partial Regex SectionNumber();
}
