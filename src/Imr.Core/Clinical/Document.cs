using System.Globalization;
using System.Text.RegularExpressions;

namespace Imr.Clinical;

/// <summary>
/// One text being read: its tokens, sentences and ConText scopes, shared by every rule, and the facts found so far
/// (later rules use earlier ones: a pain score takes its region from the body sites, a treatment its relief).
/// </summary>
internal sealed class Document
{
    private readonly int[] _sentenceStarts;

    public Document(string text)
    {
        Text = text;
        Tokens = TextSplitter.Tokenize(text);
        Sentences = TextSplitter.Sentences(text);
        _sentenceStarts = [.. Sentences.Select(s => s.Start)];
        Context = new ContextAnalyzer(text, Tokens, Sentences);
        _candidates = AnchorIndex.Candidates(text, Tokens);
    }

    private readonly List<int>?[] _candidates;

    /// <summary>
    /// The matches of an anchored pattern, left to right and not overlapping, as a full scan would find them:
    /// the pattern is tried at each candidate token after the end of the last match.
    /// </summary>
    public IEnumerable<Match> Matches(AnchoredPattern pattern)
    {
        if (_candidates[pattern.Id] is not { } positions) yield break;
        var parts = pattern.Parts;
        var end = 0;
        foreach (var position in positions)
        {
            if (position < end) continue;
            Match m = Match.Empty;
            if (parts.Length == 1) m = parts[0]().Match(Text, position);
            else
            {
                // Most alternatives fail at the first letter: ask without building a Match first.
                foreach (var part in parts)
                {
                    var regex = part();
                    if (regex.IsMatch(Text.AsSpan(), position)) { m = regex.Match(Text, position); break; }
                }
            }
            if (!m.Success) continue;
            end = m.Index + Math.Max(1, m.Length);
            yield return m;
        }
    }

    public string Text { get; }

    public Token[] Tokens { get; }

    public List<TextRange> Sentences { get; }

    public ContextAnalyzer Context { get; }

    public List<BodySite> BodySites { get; } = [];

    public List<LateralityMention> Lateralities { get; } = [];

    public List<SpinalLevel> SpinalLevels { get; } = [];

    public List<DateMention> Dates { get; } = [];

    public List<Duration> Durations { get; } = [];

    public List<PainScore> PainScores { get; } = [];

    public List<Relief> Reliefs { get; } = [];

    public List<Medication> Medications { get; } = [];

    public List<Treatment> Treatments { get; } = [];

    public List<FunctionalImprovement> FunctionalImprovements { get; } = [];

    public List<RedFlag> RedFlags { get; } = [];

    public List<NeuroFinding> NeuroFindings { get; } = [];

    public List<ExamTest> ExamTests { get; } = [];

    public List<Diagnosis> Diagnoses { get; } = [];

    public List<WorkStatus> WorkStatuses { get; } = [];

    public List<OpioidMonitoring> OpioidMonitoring { get; } = [];

    public List<AberrantBehavior> AberrantBehaviors { get; } = [];

    public List<ImagingStudy> ImagingStudies { get; } = [];

    public Evidence Evidence(int start, int end) => Clinical.Evidence.Of(Text, start, end);

    /// <summary>The fact with the assertion and subject its sentence gives the span.</summary>
    public T Asserted<T>(T fact) where T : ClinicalFact
    {
        // Treatments, medications and work status are done, refused or asked for, never "possible": a rule-out
        // nearby ("MRI to rule out disc disease and additional chiropractic") is about a diagnosis.
        TriggerType? ignore = fact is Treatment or Medication or WorkStatus ? TriggerType.Possible : null;
        var (assertion, subject) = Context.Assess(fact.Evidence.Start, fact.Evidence.End, ignore);
        return fact with { Assertion = assertion, Subject = subject };
    }

    /// <summary>The sentence holding a position (the nearest before it when the position is between sentences).</summary>
    public TextRange Sentence(int position)
    {
        var i = Array.BinarySearch(_sentenceStarts, position);
        if (i < 0) i = ~i - 1;
        return i >= 0 ? Sentences[i] : Sentences.Count > 0 ? Sentences[0] : new TextRange(0, 0);
    }

    public int SentenceIndex(int position)
    {
        var i = Array.BinarySearch(_sentenceStarts, position);
        return i < 0 ? ~i - 1 : i;
    }

    /// <summary>The clause holding a position: its sentence cut at semicolons.</summary>
    public TextRange Clause(int position)
    {
        var sentence = Sentence(position);
        var start = sentence.Start;
        var end = sentence.End;
        for (var i = Math.Min(position, sentence.End) - 1; i >= sentence.Start; i--)
            if (Text[i] == ';') { start = i + 1; break; }
        for (var i = position; i < sentence.End; i++)
            if (Text[i] == ';') { end = i; break; }
        return new TextRange(start, end);
    }

    public bool SameSentence(int a, int b) => SentenceIndex(a) == SentenceIndex(b);

    /// <summary>The side named by a body site or side word overlapping or nearest before a position within <paramref name="before"/> characters, or just after it within <paramref name="after"/>, in the same clause.</summary>
    public Side? SideNear(int start, int end, int before = 30, int after = 25)
    {
        var clause = Clause(start);
        Side? best = null;
        var bestDistance = int.MaxValue;
        foreach (var l in Lateralities)
        {
            var s = l.Evidence.Start;
            if (s < clause.Start || s >= clause.End) continue;
            var distance = s < start ? start - l.Evidence.End : s < end ? 0 : s - end;
            var limit = s < start ? before : after;
            if (distance <= limit && distance < bestDistance) { best = l.Side; bestDistance = distance; }
        }
        return best;
    }

    public static double? Number(string text)
    {
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        return Lexicon.NumberWords.TryGetValue(text, out var word) ? word : null;
    }
}
