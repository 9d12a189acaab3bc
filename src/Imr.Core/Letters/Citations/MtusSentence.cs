using System.Text.RegularExpressions;

namespace Imr.Letters.Citations;

/// <summary>
/// Reads "Decision based on MTUS ..." into one <see cref="MtusCitation"/> per MTUS part it names. A part is
/// <c>[and] [ACOEM] [Chapter N] name [Guidelines] [year] [[,] Section(s): sections] [[,] Page(s): pages]</c>;
/// parts follow one another after a comma or "and". Older letters put a topic straight after the name
/// ("Chronic Pain Treatment Guidelines Botox, Page(s): 95-96."), which reads as a section.
/// </summary>
internal static partial class MtusSentence
{
    /// <summary>Reads <paramref name="sentence"/>, whose part list starts at <paramref name="bodyStart"/>.</summary>
    public static IEnumerable<Citation> Read(string sentence, int bodyStart)
    {
        var keyed = new KeyedText(sentence);
        var citations = new List<Citation>();
        var partStart = 0;
        var header = ReadHeader(sentence, keyed, bodyStart);
        while (header is not null)
        {
            // A full stop right after a part's name ends the sentence; what follows is outside the grammar.
            var stop = FullStop().Match(sentence, header.End);
            if (stop.Success)
            {
                var stopEnd = stop.Index + stop.Length;
                citations.Add(ReadPart(sentence[partStart..stopEnd].Trim(), header, content: "")!); // no content always reads
                partStart = stopEnd;
                break;
            }
            var (contentEnd, textEnd, next) = FindNextPart(sentence, keyed, header.End);
            var citation = ReadPart(sentence[partStart..textEnd].Trim(), header, sentence[header.End..contentEnd]);
            if (citation is null) break;
            citations.Add(citation);
            if (next is null) return citations;
            partStart = next.Start;
            header = next;
        }
        citations.Add(new UnrecognizedCitation(sentence[partStart..].Trim()));
        return citations;
    }

    /// <summary>Where a part was named: from <see cref="Start"/> (its "and", if any) to <see cref="End"/> (after its year).</summary>
    private sealed record Header(int Start, int End, MtusPart Part, int? Chapter, int? Year, string? ChapterTitle);

    private static readonly (string Key, MtusPart Part)[] PartNames =
    [
        .. MtusGuidelines.Parts
            .SelectMany(part => part.Names.Select(name => (LooseText.Key(name), part)))
            .OrderByDescending(entry => entry.Item1.Length),
    ];

    private static readonly MtusPart GeneralApproaches = MtusGuidelines.Parts.Single(p => p.Name == MtusGuidelines.GeneralApproaches);

    private static readonly (string Key, string Title)[] ChapterTitles =
        [.. MtusGuidelines.GeneralApproachesChapters.Values.Select(title => (LooseText.Key(title), title))];

    private static Header? ReadHeader(string sentence, KeyedText keyed, int position)
    {
        var lead = HeaderLead().Match(sentence, position);
        var nameStart = lead.Index + lead.Length;
        int? chapter = lead.Groups["chapter"].Success ? int.Parse(lead.Groups["chapter"].Value) : null;
        var (end, part, chapterTitle) = MatchPartName(keyed, nameStart, chapter is not null);
        if (part is null) return null;
        var tail = HeaderTail().Match(sentence, end);
        var yearGroup = tail.Groups["year"].Success ? tail.Groups["year"] : lead.Groups["year"];
        int? year = yearGroup.Success ? int.Parse(yearGroup.Value) : null;
        var start = position;
        while (start < sentence.Length && char.IsWhiteSpace(sentence[start])) start++;
        return new Header(start, tail.Index + tail.Length, part, chapter, year, chapterTitle);
    }

    // The longest part name printed here wins ("Chronic Pain Medical Treatment Guidelines" over "Chronic Pain
    // Treatment"). After "Chapter N" the title of a General Approaches chapter names that part too.
    private static (int End, MtusPart? Part, string? ChapterTitle) MatchPartName(KeyedText keyed, int start, bool afterChapter)
    {
        foreach (var (key, part) in PartNames)
        {
            var end = keyed.MatchAt(start, key);
            if (end >= 0) return (end, part, null);
        }
        if (!afterChapter) return (-1, null, null);
        foreach (var (key, title) in ChapterTitles)
        {
            var end = keyed.MatchAt(start, key);
            if (end >= 0) return (end, GeneralApproaches, title);
        }
        return (-1, null, null);
    }

    // A part's content runs to the first comma or "and" that another part's name follows.
    private static (int ContentEnd, int TextEnd, Header? Next) FindNextPart(string sentence, KeyedText keyed, int from)
    {
        foreach (Match separator in Separator().Matches(sentence, from))
        {
            var next = ReadHeader(sentence, keyed, separator.Index + separator.Length);
            if (next is null) continue;
            var punctuated = separator.Value[0] is ',' or ';';
            return (separator.Index, separator.Index + (punctuated ? 1 : 0), next);
        }
        return (sentence.Length, sentence.Length, null);
    }

    private static MtusCitation? ReadPart(string text, Header header, string content)
    {
        List<string> sections = header.ChapterTitle is null ? [] : [header.ChapterTitle];
        List<string> pages = [];
        var chapter = header.Chapter;
        if (!NoContent().IsMatch(content))
        {
            var match = Content().Match(content);
            if (!match.Success) return null;
            sections.AddRange(SectionList.Read(match.Groups["sections"].Value, header.Part));
            if (match.Groups["pages"].Success)
            {
                var pageList = PageList().Match(match.Groups["pages"].Value);
                if (!pageList.Success) return null;
                if (pageList.Groups["chapter"].Success) chapter ??= int.Parse(pageList.Groups["chapter"].Value);
                pages.AddRange(pageList.Groups["page"].Captures.Select(c => c.Value));
            }
        }
        return new MtusCitation(text, header.Part.Name, header.Year, chapter, sections, pages);
    }

    // "and", "ACOEM" or "ACOEM Practice Guidelines, 2nd Edition (2004)," and "Chapter 8" may come before a part's name.
    [GeneratedRegex(
        @"\G\s*(?:and\s+)?(?:MTUS\s+)?" +
        @"(?:ACOEM(?:\s+Practice)?(?:\s+Guidelines?)?(?:\s*,?\s*\d(?:st|nd|rd|th)\s+Ed(?:ition|\.)?)?(?:\s*,?\s*\(?(?<year>(?:19|20)\d{2})\)?)?\s*,?\s*)?" +
        @"(?:Chapter\s+(?<chapter>\d{1,2})\b\s*[:,.-]?\s*)?",
        RegexOptions.IgnoreCase)]
    private static partial Regex HeaderLead();

    [GeneratedRegex(@"\G(?:\s+Guidelines?\b)?(?:\s*,?\s*\(?(?<year>(?:19|20)\d{2})\)?(?!\d))?(?:\s+Guidelines?\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderTail();

    [GeneratedRegex(@"[,;]\s*|\s+(?=and\s)", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    [GeneratedRegex(@"\G\s*\.(?=\s+\S)")]
    private static partial Regex FullStop();

    [GeneratedRegex(@"^\s*[.,;]?\s*$")]
    private static partial Regex NoContent();

    // ", Section(s): sections, Page(s): pages." with either part optional; "pages 308-310" needs no label.
    [GeneratedRegex(
        @"^(?:\s*,?\s*Sections?\s*(?:\(\s*s\s*\))?\s*:|\s*,|\s+)\s*(?<sections>.*?)" +
        @"(?:\s*,?\s*(?:Pages?\s*(?:\(\s*s\s*\))?\s*:\s*|(?=(?:pages?|pp\.?)\s*\d))(?<pages>.*?))?\s*[.,;]?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Content();

    // "63-66", "Chapter 8, pages 174, 181-2", "pp. 298-301": page numbers or ranges, as printed.
    [GeneratedRegex(
        @"^(?:Chapter\s+(?<chapter>\d{1,2})\s*[,;:]?\s*)?" +
        @"(?:(?:pages?|pp?\.?)\s*)?(?<page>\d+[a-z]?(?:\s*[-–]\s*\d+[a-z]?)?)" +
        @"(?:\s*(?:[,;]|\band\b)\s*(?:(?:pages?|pp?\.?)\s*)?(?<page>\d+[a-z]?(?:\s*[-–]\s*\d+[a-z]?)?))*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex PageList();
}
