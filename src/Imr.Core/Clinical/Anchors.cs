using System.Text.RegularExpressions;

namespace Imr.Clinical;

/// <summary>
/// A pattern that is tried only where a match can begin: at a word from its list of first words, or at a number.
/// Scanning every summary with every pattern cost over a millisecond a summary (long case-insensitive alternations
/// try at almost every character); trying a pattern anchored with <c>\G</c> at the few candidate tokens costs
/// microseconds. <see cref="Pattern"/> keeps the pattern without its anchor so that a test can check, over the
/// corpus, that the anchored scan finds exactly what a full scan finds (that the word list is complete).
/// </summary>
internal sealed class AnchoredPattern(string name, Func<Regex>[] parts, string pattern, RegexOptions options, bool atNumbers, string words)
{
    public AnchoredPattern(string name, Func<Regex> regex, string pattern, RegexOptions options, bool atNumbers, string words)
        : this(name, [regex], pattern, options, atNumbers, words)
    {
    }

    public string Name { get; } = name;

    /// <summary>
    /// The generated regexes, behind <c>\G</c>, tried in order: the alternatives of <see cref="Pattern"/>, or the
    /// whole of it. A long alternation is split into one regex per alternative because its generated matcher grows
    /// past the size the JIT optimises (thousands of branches), and runs several times slower unoptimised.
    /// </summary>
    public Func<Regex>[] Parts { get; } = parts;

    /// <summary>The pattern without its anchor.</summary>
    public string Pattern { get; } = pattern;

    public RegexOptions Options { get; } = options;

    /// <summary>Whether a match can begin with a digit.</summary>
    public bool AtNumbers { get; } = atNumbers;

    /// <summary>The words a match can begin with, lower case.</summary>
    public string[] Words { get; } = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public int Id { get; set; } = -1;
}

/// <summary>Which anchored patterns may match at each token of a text.</summary>
internal static class AnchorIndex
{
    public static readonly AnchoredPattern[] All =
    [
        .. Rules.AnatomyRule.Patterns, .. Rules.TimeRule.Patterns, .. Rules.PainRule.Patterns, .. Rules.MedicationRule.Patterns,
        .. Rules.TreatmentRule.Patterns, .. Rules.FunctionalRule.Patterns, .. Rules.RedFlagRule.Patterns,
        .. Rules.NeuroRule.Patterns, .. Rules.ExamTestRule.Patterns, .. Rules.DiagnosisRule.Patterns,
        .. Rules.WorkStatusRule.Patterns, .. Rules.OpioidMonitoringRule.Patterns, .. Rules.ImagingRule.Patterns,
    ];

    private static readonly Dictionary<string, int[]> ByWord = Build(out NumberIds);

    private static readonly int[] NumberIds;

    private static Dictionary<string, int[]> Build(out int[] numberIds)
    {
        var byWord = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var numbers = new List<int>();
        for (var i = 0; i < All.Length; i++)
        {
            All[i].Id = i;
            if (All[i].AtNumbers) numbers.Add(i);
            foreach (var word in All[i].Words)
            {
                if (!byWord.TryGetValue(word, out var ids)) byWord[word] = ids = [];
                if (!ids.Contains(i)) ids.Add(i);
            }
        }
        numberIds = [.. numbers];
        return byWord.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>For each pattern, the positions (token starts, in order) where it may match.</summary>
    public static List<int>?[] Candidates(string text, Token[] tokens)
    {
        var candidates = new List<int>?[All.Length];
        var lookup = ByWord.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var token in tokens)
        {
            int[]? ids;
            if (token.Kind == TokenKind.Number) ids = NumberIds;
            else if (token.Kind != TokenKind.Word || !lookup.TryGetValue(text.AsSpan(token.Start, token.Length), out ids)) continue;
            foreach (var id in ids) (candidates[id] ??= []).Add(token.Start);
        }
        return candidates;
    }
}
