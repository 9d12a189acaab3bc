using System.Text.RegularExpressions;
using Imr.Letters.Model;

namespace Imr.Letters.Citations;

/// <summary>
/// Reads a guideline paragraph into <see cref="Citation"/>s. The paragraph is a run of sentences, each
/// opening with "Decision based on" (an MTUS or a non-MTUS citation) or being a statement about the basis
/// of the decision ("The Claims Administrator did not base their decision on the MTUS."). A sentence runs
/// to the next such opening, so a non-MTUS reference may hold periods of its own. This is a hand-written
/// grammar: the letters follow a small fixed template that no parsing library knows.
/// </summary>
/// <remarks>The citations partition the paragraph: their texts, joined by single spaces, give the
/// (whitespace-normalised) paragraph back, and words the grammar cannot place become
/// <see cref="UnrecognizedCitation"/>s rather than being dropped.</remarks>
public static partial class CitationParser
{
    /// <summary>Reads a whitespace-normalised guideline paragraph; never throws.</summary>
    public static ValueList<Citation> Parse(string guidelineText)
    {
        var text = guidelineText.Trim();
        if (text.Length == 0) return [];
        // Most paragraphs hold no statement; its regex, tried at every letter, is the parser's costliest.
        var statements = MayHoldStatement().IsMatch(text);
        var openings = Openings(text, statements);
        var citations = new List<Citation>();
        var first = openings.Count > 0 ? openings[0] : text.Length;
        if (first > 0) citations.Add(new UnrecognizedCitation(text[..first].TrimEnd()));
        for (var i = 0; i < openings.Count; i++)
        {
            var end = i + 1 < openings.Count ? openings[i + 1] : text.Length;
            citations.AddRange(ReadSentence(text[openings[i]..end].TrimEnd(), statements));
        }
        return citations;
    }

    /// <summary>The source family a non-MTUS reference names first; <see cref="NonMtusSource.Other"/> when none.</summary>
    public static NonMtusSource ClassifySource(string reference)
    {
        // The earliest mention wins: a reference to ODG that quotes a journal is an ODG citation.
        var best = (Index: int.MaxValue, Source: NonMtusSource.Other);
        foreach (var (pattern, source) in SourcePatterns)
        {
            var match = pattern.Match(reference);
            if (match.Success && match.Index < best.Index) best = (match.Index, source);
        }
        return best.Source;
    }

    private static readonly (Regex Pattern, NonMtusSource Source)[] SourcePatterns =
    [
        (Odg(), NonMtusSource.Odg),
        (Acoem(), NonMtusSource.Acoem),
        (Asipp(), NonMtusSource.Asipp),
        (UpToDate(), NonMtusSource.UpToDate),
        (Fda(), NonMtusSource.Fda),
        (Web(), NonMtusSource.Web),
        (Literature(), NonMtusSource.Literature),
    ];

    // Where each sentence opens, in order, without repeats.
    private static List<int> Openings(string text, bool statements)
    {
        var openings = new List<int>();
        foreach (var match in DecisionBasedOn().EnumerateMatches(text)) openings.Add(match.Index);
        if (!statements) return openings; // matches come in text order
        foreach (var match in Statement().EnumerateMatches(text)) openings.Add(match.Index);
        openings.Sort();
        var kept = 0;
        for (var i = 0; i < openings.Count; i++)
            if (kept == 0 || openings[i] != openings[kept - 1]) openings[kept++] = openings[i];
        openings.RemoveRange(kept, openings.Count - kept);
        return openings;
    }

    private static IEnumerable<Citation> ReadSentence(string sentence, bool statements)
    {
        var statement = statements ? Statement().Match(sentence) : Match.Empty;
        if (statement.Success && statement.Index == 0) return ReadStatement(sentence, statement);
        var opening = DecisionBasedOn().Match(sentence);
        if (!opening.Success) return [new UnrecognizedCitation(sentence)];
        return opening.Groups["non"].Success
            ? ReadNonMtus(sentence, opening.Length)
            : MtusSentence.Read(sentence, opening.Length);
    }

    private static IEnumerable<Citation> ReadStatement(string sentence, Match statement)
    {
        var kind = statement.Groups["notBased"].Success ? StatementKind.NotBasedOnMtus
            : statement.Groups["outside"].Success ? StatementKind.OutsideMtus
            : StatementKind.NoMedicalEvidence;
        yield return new GuidelineStatement(statement.Value.Trim(), kind, statement.Groups["party"].Value);
        var rest = sentence[statement.Length..].Trim();
        if (rest.Length > 0) yield return new UnrecognizedCitation(rest);
    }

    // "Decision based on Non-MTUS Citation <reference>", where a second reference may follow the
    // template's "and Other Medical Treatment Guidelines" marker: each becomes a citation of its own.
    private static IEnumerable<Citation> ReadNonMtus(string sentence, int referenceStart)
    {
        var start = 0;
        foreach (Match marker in OtherGuidelines().Matches(sentence, referenceStart))
        {
            yield return NonMtus(sentence[start..marker.Index].Trim(), sentence[referenceStart..marker.Index]);
            start = marker.Groups["and"].Index;
            referenceStart = marker.Index + marker.Length;
        }
        yield return NonMtus(sentence[start..].Trim(), sentence[referenceStart..]);
    }

    private static NonMtusCitation NonMtus(string text, string reference)
    {
        reference = TrailingPunctuation().Replace(reference.Trim(), "");
        return new NonMtusCitation(text, ClassifySource(reference), reference);
    }

    // Openings follow a space (or start the paragraph), so that the citations' texts, joined by spaces, give it back.
    [GeneratedRegex(@"(?<=^|\s)Decision\s+based\s+on\s+(?:the\s+)?(?:(?<non>Non\s*-?\s*MTUS)|MTUS)\b(?:\s+Citations?\b)?\s*:?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex DecisionBasedOn();

    // The party is what opens the sentence, up to the verb: "The Claims Administrator", "The Expert Reviewer".
    [GeneratedRegex(
        @"(?<=^|[.;]\s+)(?<party>\p{L}[^.;]{0,60}?)\s+(?:" +
        @"(?<notBased>did\s+not\s+base\s+(?:their|its|his(?:/her|\s+or\s+her)?|her)\s+decisions?\s+on\s+(?:the\s+)?MTUS(?:\s+Guidelines?)?)" +
        @"|(?<outside>based\s+(?:their|its|his(?:/her|\s+or\s+her)?|her)\s+decisions?\s+on\s+recommendations?\s*(?:\(\s*s\s*\))?\s+outside\s+(?:of\s+)?(?:the\s+)?MTUS(?:\s+Guidelines?)?)" +
        @"|(?<noEvidence>did\s+not\s+cite\s+any\s+medical\s+evidence(?:\s+for\s+(?:their|its|his(?:/her|\s+or\s+her)?|her)\s+decisions?)?)" +
        @")\s*\.?",
        RegexOptions.IgnoreCase)]
    private static partial Regex Statement();

    // A word every statement holds (see Statement): without one, no statement can match.
    [GeneratedRegex(@"did|outside", RegexOptions.IgnoreCase)]
    private static partial Regex MayHoldStatement();

    [GeneratedRegex(@"\s+(?<and>and)\s+Other\s+Medical\s+Treatment\s+Guidelines?\b\s*:?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex OtherGuidelines();

    // The sentence's full stop, or the comma a cut-off reference ends on, is not part of the reference.
    [GeneratedRegex(@"\s*[.,;:]$")]
    private static partial Regex TrailingPunctuation();

    [GeneratedRegex(@"\bODG\b|\bOfficial\s+Disability\b", RegexOptions.IgnoreCase)]
    private static partial Regex Odg();

    [GeneratedRegex(@"\bACOEM\b|\bAmerican\s+College\s+of\s+Occupational\b|\bOccupational\s+Medicine\s+Practice\s+Guidelines\b", RegexOptions.IgnoreCase)]
    private static partial Regex Acoem();

    [GeneratedRegex(@"\bASIPP\b|\bAmerican\s+Society\s+of\s+Interventional\s+Pain\s+Physicians\b", RegexOptions.IgnoreCase)]
    private static partial Regex Asipp();

    [GeneratedRegex(@"\bUp\s*-?\s*To\s*-?\s*Date\b", RegexOptions.IgnoreCase)]
    private static partial Regex UpToDate();

    [GeneratedRegex(@"\bFDA\b|\bFood\s+and\s+Drug\s+Administration\b|\bprescribing\s+information\b|\bpackage\s+insert\b|\bdrug\s+label", RegexOptions.IgnoreCase)]
    private static partial Regex Fda();

    [GeneratedRegex(@"\bhttps?://|\bwww\.|\b[\w-]+\.(?:com|org|gov|net|edu)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Web();

    // Marks of a bibliographic reference: "et al.", a DOI or PMID, "2010;31:", "12(3):45", "Publisher; 2007".
    [GeneratedRegex(@"\bet\s+al\b|\bdoi\b|\bPMID\b|;\s*(?:19|20)\d{2}\b|\b(?:19|20)\d{2}\s*;\s*\d|\b\d+\s*\(\d+\)\s*:\s*\d+", RegexOptions.IgnoreCase)]
    private static partial Regex Literature();
}
