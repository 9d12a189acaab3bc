namespace Imr.Clinical;

/// <summary>
/// The trigger lexicon as a trie over lower-cased tokens, so that a sentence is scanned once and the longest
/// trigger at each token wins ("no evidence of" over "no", "without contrast" over "without").
/// </summary>
internal sealed class TriggerTrie
{
    private sealed class Node
    {
        public Dictionary<string, Node>? Children;
        public TriggerRule? Rule;
    }

    private readonly Node _root = new();

    public static TriggerTrie Default { get; } = Build(ContextTriggers.All);

    /// <summary>Phrases listed more than once (a lexicon mistake; the first listing is kept).</summary>
    public List<string> Duplicates { get; } = [];

    public static TriggerTrie Build(IEnumerable<(string Phrase, TriggerType Type, TriggerDirection Direction)> phrases)
    {
        var trie = new TriggerTrie();
        foreach (var (phrase, type, direction) in phrases)
        {
            var node = trie._root;
            foreach (var token in TextSplitter.Tokenize(phrase))
            {
                node.Children ??= new Dictionary<string, Node>(StringComparer.OrdinalIgnoreCase);
                var word = phrase.Substring(token.Start, token.Length);
                if (!node.Children.TryGetValue(word, out var next)) node.Children[word] = next = new Node();
                node = next;
            }
            if (node.Rule is null) node.Rule = new TriggerRule(type, direction);
            else trie.Duplicates.Add(phrase);
        }
        return trie;
    }

    /// <summary>The longest trigger starting at token <paramref name="i"/>: its rule and how many tokens it covers.</summary>
    public (TriggerRule Rule, int Count)? Match(string text, Token[] tokens, int i, int end)
    {
        var node = _root;
        (TriggerRule, int)? best = null;
        for (var j = i; j < end; j++)
        {
            if (node.Children is null) break;
            var lookup = node.Children.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(text.AsSpan(tokens[j].Start, tokens[j].Length), out var next)) break;
            node = next;
            if (node.Rule is { } rule) best = (rule, j - i + 1);
        }
        return best;
    }
}

/// <summary>A trigger's reach: facts starting inside [Start, End) take its meaning.</summary>
internal readonly record struct Scope(TriggerType Type, int Start, int End, int TriggerStart, int TriggerEnd);

/// <summary>
/// NegEx/ConText over one text: finds the triggers of each sentence and the scope of each, then tells any span
/// how it is asserted. Scopes stay inside their sentence, stop at a semicolon or a terminator ("but", "however",
/// "due to"; "positive" for negation; "now" for history) and at a word window per trigger type (NegEx's five words
/// proved too short for lists such as "denied nausea, vomiting, dizziness, fevers, ...").
/// No clinical NLP library (NegEx, ConText, medspaCy, cTAKES) exists for .NET on NuGet, hence this one.
/// </summary>
internal sealed class ContextAnalyzer
{
    private readonly List<Scope> _scopes = [];
    private readonly Dictionary<int, int> _triggerEndByStart = [];

    public ContextAnalyzer(string text, Token[] tokens, IReadOnlyList<TextRange> sentences, TriggerTrie? trie = null)
    {
        trie ??= TriggerTrie.Default;
        var t = 0;
        var matches = new List<(int From, int To, TriggerRule Rule)>();
        var cover = new int[tokens.Length]; // index + 1 of the match covering each token, 0 for none
        foreach (var sentence in sentences)
        {
            while (t < tokens.Length && tokens[t].Start < sentence.Start) t++;
            var first = t;
            while (t < tokens.Length && tokens[t].Start < sentence.End) t++;
            var last = t; // exclusive
            matches.Clear();
            for (var i = first; i < last;)
            {
                if (tokens[i].Kind == TokenKind.Punct) { i++; continue; } // triggers start with a word
                if (trie.Match(text, tokens, i, last) is { } m)
                {
                    matches.Add((i, i + m.Count, m.Rule));
                    for (var k = i; k < i + m.Count; k++) cover[k] = matches.Count;
                    i += m.Count;
                }
                else i++;
            }
            foreach (var (from, to, rule) in matches)
            {
                if (rule.Type is TriggerType.Pseudo or TriggerType.Terminate or TriggerType.TerminateNegation or TriggerType.TerminateHistorical) continue;
                _triggerEndByStart[tokens[from].Start] = tokens[to - 1].End;
                var direction = rule.Direction;
                if (direction == TriggerDirection.Adaptive)
                    direction = to < last && StartsPhrase(text, tokens[to]) ? TriggerDirection.Forward : TriggerDirection.Backward;
                var scope = direction == TriggerDirection.Forward
                    ? ScanForward(text, tokens, cover, matches, rule.Type, to, last)
                    : ScanBackward(text, tokens, cover, matches, rule.Type, from, first);
                if (scope is { } s) _scopes.Add(new Scope(rule.Type, s.Start, s.End, tokens[from].Start, tokens[to - 1].End));
            }
            for (var k = first; k < last; k++) cover[k] = 0;
        }
    }

    /// <summary>How a fact at [start, end) is asserted: negation over uncertainty over hypothesis over history.</summary>
    public (Assertion Assertion, Subject Subject) Assess(int start, int end) => Assess(start, end, ignore: null);

    /// <summary>
    /// As <see cref="Assess(int, int)"/>, leaving out one trigger type (a study is requested or done, never
    /// "possible"), triggers before <paramref name="triggersFrom"/> (an item of a list is not qualified by a
    /// word inside the item before it) and triggers from <paramref name="triggersUntil"/> on (a study's findings
    /// do not qualify the study).
    /// </summary>
    public (Assertion Assertion, Subject Subject) Assess(int start, int end, TriggerType? ignore, int triggersFrom = 0, int triggersUntil = int.MaxValue)
    {
        var negation = int.MaxValue; // distance from the nearest trigger of each type, in characters
        var hypothetical = int.MaxValue;
        var possible = false;
        var historical = false;
        var other = false;
        foreach (var s in _scopes)
        {
            if (start < s.Start || start >= s.End || s.Type == ignore || s.TriggerStart < triggersFrom || s.TriggerStart >= triggersUntil) continue;
            var distance = s.TriggerEnd <= start ? start - s.TriggerEnd : s.TriggerStart - end;
            switch (s.Type)
            {
                case TriggerType.Negation: negation = Math.Min(negation, distance); break;
                case TriggerType.Possible: possible = true; break;
                case TriggerType.Hypothetical: hypothetical = Math.Min(hypothetical, distance); break;
                case TriggerType.Historical: historical = true; break;
                case TriggerType.OtherSubject: other = true; break;
            }
        }
        // Negation wins over everything but a nearer request: in "denied due to lack of documentation of ...
        // and the MRI was denied", the MRI is requested, not absent.
        var assertion = negation < int.MaxValue && negation <= hypothetical ? Assertion.Negated
            : possible ? Assertion.Possible
            : hypothetical < int.MaxValue ? Assertion.Hypothetical
            : historical ? Assertion.Historical
            : Assertion.Present;
        return (assertion, other ? Subject.Other : Subject.Patient);
    }

    /// <summary>Moves <paramref name="start"/> past triggers that open the span ("possible rotator cuff tear" to "rotator cuff tear").</summary>
    public int SkipLeadingTriggers(string text, int start, int end)
    {
        while (start < end && _triggerEndByStart.TryGetValue(start, out var triggerEnd) && triggerEnd < end)
        {
            start = triggerEnd;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
        }
        return start;
    }

    public IReadOnlyList<Scope> Scopes => _scopes;

    private static int Window(TriggerType type, bool forward) => type switch
    {
        TriggerType.Negation => forward ? 12 : 6,
        TriggerType.Possible => forward ? 8 : 6,
        TriggerType.Historical => forward ? 15 : 5,
        TriggerType.Hypothetical => forward ? 40 : 16,
        _ => 6,
    };

    private static bool Terminates(TriggerType scopeType, TriggerType other) =>
        other == TriggerType.Terminate
        || (other == TriggerType.TerminateNegation && scopeType is TriggerType.Negation or TriggerType.Historical)
        || (other == TriggerType.TerminateHistorical && scopeType == TriggerType.Historical);

    private static TextRange? ScanForward(string text, Token[] tokens, int[] cover, List<(int From, int To, TriggerRule Rule)> matches,
        TriggerType type, int from, int last)
    {
        var window = Window(type, forward: true);
        var words = 0;
        var end = -1;
        for (var j = from; j < last; j++)
        {
            if (cover[j] > 0 && Terminates(type, matches[cover[j] - 1].Rule.Type)) break;
            if (tokens[j].Kind == TokenKind.Punct && text[tokens[j].Start] == ';') break;
            if (IsWord(text, tokens, j) && ++words > window) break;
            end = tokens[j].End;
        }
        return end < 0 ? null : new TextRange(tokens[from].Start, end);
    }

    private static TextRange? ScanBackward(string text, Token[] tokens, int[] cover, List<(int From, int To, TriggerRule Rule)> matches,
        TriggerType type, int from, int first)
    {
        var window = Window(type, forward: false);
        var words = 0;
        var start = -1;
        for (var j = from - 1; j >= first; j--)
        {
            if (cover[j] > 0 && Terminates(type, matches[cover[j] - 1].Rule.Type)) break;
            if (tokens[j].Kind == TokenKind.Punct && text[tokens[j].Start] == ';') break;
            if (IsWord(text, tokens, j) && ++words > window) break;
            start = tokens[j].Start;
        }
        return start < 0 ? null : new TextRange(start, tokens[from].Start);
    }

    // A word for the window: not punctuation, and not the "s" of a possessive ("Tinel's").
    private static bool IsWord(string text, Token[] tokens, int j) =>
        tokens[j].Kind != TokenKind.Punct
        && !(tokens[j].Length == 1 && text[tokens[j].Start] is 's' or 'S' && j > 0 && text[tokens[j - 1].Start] is '\'' or '’');

    // "negative straight leg raise" reads forward; "Tinel's negative at the elbow" and "Tinel's negative." backward.
    private static bool StartsPhrase(string text, Token next)
    {
        if (next.Kind != TokenKind.Word) return false;
        var word = text.AsSpan(next.Start, next.Length);
        foreach (var preposition in (ReadOnlySpan<string>)["at", "on", "in", "bilaterally", "to", "with", "over", "and", "throughout", "today"])
            if (word.Equals(preposition, StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }
}
