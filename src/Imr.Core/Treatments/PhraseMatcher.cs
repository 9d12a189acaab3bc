namespace Imr.Treatments;

/// <summary>A word of a text: where its lower-cased characters are in the word buffer, and where it was in the text.</summary>
internal readonly record struct Token(int Start, int Length, int SourceStart, int SourceEnd);

/// <summary>
/// Splits text into lower-cased words: runs of letters and digits, a number glued to letters split
/// from them ("20mg" is "20" "mg"; "L4" stays one word), apostrophes inside words dropped ("ADL's"
/// is "adls"), '%' a word of its own, everything else a separator. The words are written back to
/// back into one buffer, so two neighbours can be looked up joined (a word split by extraction).
/// </summary>
internal static class Tokenizer
{
    /// <summary>Tokenizes <paramref name="text"/>; <paramref name="lower"/> and <paramref name="tokens"/>
    /// need room for <c>text.Length</c> items. Returns the number of tokens.</summary>
    public static int Tokenize(ReadOnlySpan<char> text, Span<char> lower, Span<Token> tokens)
    {
        int count = 0, w = 0, i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '%')
            {
                lower[w] = '%';
                tokens[count++] = new Token(w, 1, i, i + 1);
                w++;
                i++;
                continue;
            }
            if (!char.IsLetterOrDigit(c))
            {
                i++;
                continue;
            }
            int start = w, sourceStart = i;
            var previousDigit = false;
            while (i < text.Length)
            {
                c = text[i];
                if ((c == '\'' || c == '\u2019') && w > start && i + 1 < text.Length && char.IsLetter(text[i + 1]) && !previousDigit)
                {
                    i++;
                    continue;
                }
                if (!char.IsLetterOrDigit(c)) break;
                var digit = char.IsAsciiDigit(c);
                if (!digit && previousDigit) break;
                lower[w++] = char.ToLowerInvariant(c);
                previousDigit = digit;
                i++;
            }
            tokens[count++] = new Token(start, w - start, sourceStart, i);
        }
        return count;
    }

    /// <summary>The words of a taxonomy term.</summary>
    public static string[] Words(string term)
    {
        var lower = new char[term.Length];
        var tokens = new Token[term.Length];
        var n = Tokenize(term, lower, tokens);
        var words = new string[n];
        for (var k = 0; k < n; k++) words[k] = new string(lower, tokens[k].Start, tokens[k].Length);
        return words;
    }

    public static bool IsAlphabetic(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (!char.IsLetter(c)) return false;
        return word.Length > 0;
    }
}

/// <summary>A node of a phrase trie over word ids. A node may end a category term, context terms
/// and (in the region trie) a region term.</summary>
internal sealed class TrieNode
{
    public Dictionary<int, TrieNode>? Next;

    /// <summary>Category index of the term ending here, or -1.</summary>
    public int Category = -1;
    public int Priority;
    public int Term = -1;
    public int Modality = -1;

    /// <summary>True when the category payload comes from a generated form (a plural, a joined hyphen).</summary>
    public bool Generated;

    /// <summary>Bit mask of the contexts whose terms end here.</summary>
    public uint Contexts;

    /// <summary>Region index of the region term ending here, or -1.</summary>
    public int Region = -1;
    public bool RegionGenerated;

    public bool HasPayload => Category >= 0 || Contexts != 0 || Region >= 0;
}

/// <summary>A word ending ("-ectomy") that classifies a word no term names.</summary>
internal sealed record SuffixRule(string Suffix, int Category, int Priority, int Term);

/// <summary>
/// Builds the vocabulary and the two phrase tries (categories with contexts, and body regions).
/// Every term is entered with its variants: each word with its plural (unless exact), and a
/// hyphenated term also with the hyphens dropped ("x-ray" also as "xray").
/// </summary>
internal sealed class PhraseIndexBuilder
{
    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<int, TrieNode> _categoryRoots = [];
    private readonly Dictionary<int, TrieNode> _regionRoots = [];
    private readonly List<string> _terms = [];
    private readonly List<SuffixRule> _suffixes = [];
    private readonly HashSet<int> _connectives = [];
    private readonly Func<int, string> _categoryName;
    private readonly Func<int, string> _regionName;

    public PhraseIndexBuilder(Func<int, string> categoryName, Func<int, string> regionName)
    {
        _categoryName = categoryName;
        _regionName = regionName;
    }

    public int AddTermText(string canonical)
    {
        _terms.Add(canonical);
        return _terms.Count - 1;
    }

    public void AddCategoryTerm(string term, int category, int priority, int modality, bool exact)
    {
        var termIndex = AddTermText(term.Trim());
        var first = true;
        foreach (var words in Variants(term, exact))
        {
            var node = Insert(_categoryRoots, words);
            var generated = !first;
            first = false;
            if (node.Category < 0)
            {
                Set(node, generated);
            }
            else if (node.Category == category)
            {
                if (priority > node.Priority) Set(node, generated && node.Generated);
            }
            else if (node.Generated && !generated)
            {
                Set(node, generated);
            }
            else if (!node.Generated && !generated)
            {
                throw new InvalidDataException(
                    $"Taxonomy term \"{term}\" of {_categoryName(category)} is already a term of {_categoryName(node.Category)} (\"{_terms[node.Term]}\").");
            }
        }

        void Set(TrieNode node, bool generated)
        {
            node.Category = category;
            node.Priority = priority;
            node.Term = termIndex;
            node.Modality = modality;
            node.Generated = generated;
        }
    }

    public void AddContextTerm(string term, int context, bool exact)
    {
        foreach (var words in Variants(term, exact))
            Insert(_categoryRoots, words).Contexts |= 1u << context;
    }

    public void AddRegionTerm(string term, int region)
    {
        var first = true;
        foreach (var words in Variants(term, exact: false))
        {
            var node = Insert(_regionRoots, words);
            var generated = !first;
            first = false;
            if (node.Region < 0 || (node.RegionGenerated && !generated))
            {
                node.Region = region;
                node.RegionGenerated = generated;
            }
            else if (node.Region != region && !node.RegionGenerated && !generated)
            {
                throw new InvalidDataException(
                    $"Body region term \"{term}\" of {_regionName(region)} is already a term of {_regionName(node.Region)}.");
            }
        }
    }

    public void AddSuffix(string suffix, int category, int priority)
    {
        var s = suffix.Trim().TrimStart('-').ToLowerInvariant();
        if (s.Length < 3 || !Tokenizer.IsAlphabetic(s))
            throw new InvalidDataException($"Suffix \"{suffix}\" of {_categoryName(category)} must be at least three letters.");
        var term = AddTermText("-" + s);
        foreach (var form in Forms(s)) _suffixes.Add(new SuffixRule(form, category, priority, term));
    }

    /// <summary>A word that starts a modifier ("with", "under").</summary>
    public void AddConnective(string word)
    {
        var words = Tokenizer.Words(word);
        if (words.Length != 1) throw new InvalidDataException($"Connective \"{word}\" must be one word.");
        _connectives.Add(WordId(words[0]));
    }

    public PhraseIndex Build() => new(_words, _categoryRoots, _regionRoots, [.. _terms], _suffixes, _connectives);

    private TrieNode Insert(Dictionary<int, TrieNode> roots, string[] words)
    {
        var id = WordId(words[0]);
        if (!roots.TryGetValue(id, out var node)) roots[id] = node = new TrieNode();
        for (var k = 1; k < words.Length; k++)
        {
            id = WordId(words[k]);
            node.Next ??= [];
            if (!node.Next.TryGetValue(id, out var next)) node.Next[id] = next = new TrieNode();
            node = next;
        }
        return node;
    }

    private int WordId(string word)
    {
        if (!_words.TryGetValue(word, out var id)) _words[word] = id = _words.Count;
        return id;
    }

    /// <summary>The word sequences a term matches; the first is the term as written.</summary>
    internal static List<string[]> Variants(string term, bool exact)
    {
        var bases = new List<string[]> { Tokenizer.Words(term) };
        if (bases[0].Length == 0) throw new InvalidDataException($"Taxonomy term \"{term}\" has no words.");
        if (term.Contains('-'))
        {
            var joined = Tokenizer.Words(term.Replace("-", "", StringComparison.Ordinal));
            if (!joined.AsSpan().SequenceEqual(bases[0])) bases.Add(joined);
        }
        if (exact) return bases;

        var variants = new List<string[]>();
        foreach (var words in bases)
        {
            var forms = words.Select(Forms).ToArray();
            var combinations = forms.Aggregate(1L, (n, f) => n * f.Length);
            if (combinations > 64)
            {
                // Many words: pluralise only the last.
                forms = words.Select((w, k) => k == words.Length - 1 ? Forms(w) : [w]).ToArray();
            }
            Expand(forms, 0, new string[words.Length], variants);
        }
        return variants;
    }

    private static void Expand(string[][] forms, int k, string[] current, List<string[]> output)
    {
        if (k == forms.Length)
        {
            output.Add((string[])current.Clone());
            return;
        }
        foreach (var form in forms[k])
        {
            current[k] = form;
            Expand(forms, k + 1, current, output);
        }
    }

    /// <summary>A word and its English plural ("brace" "braces", "study" "studies", "crutch" "crutches").</summary>
    internal static string[] Forms(string word)
    {
        if (word.Length < 3 || !Tokenizer.IsAlphabetic(word)) return [word];
        if (word.EndsWith('s') || word.EndsWith('x') || word.EndsWith('z') || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal))
            return [word, word + "es"];
        if (word.EndsWith('y') && !"aeiou".Contains(word[^2]))
            return [word, word[..^1] + "ies"];
        return [word, word + "s"];
    }
}

/// <summary>The compiled, read-only phrase index: vocabulary, tries and suffix rules.</summary>
internal sealed class PhraseIndex
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly TrieNode?[] _categoryRoots;
    private readonly TrieNode?[] _regionRoots;
    private readonly SuffixRule[]?[] _suffixesByLastLetter;
    private readonly bool[] _connectives;

    public PhraseIndex(Dictionary<string, int> words, Dictionary<int, TrieNode> categoryRoots,
        Dictionary<int, TrieNode> regionRoots, string[] terms, List<SuffixRule> suffixes, HashSet<int> connectives)
    {
        _connectives = new bool[words.Count];
        foreach (var id in connectives) _connectives[id] = true;
        _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _categoryRoots = new TrieNode?[words.Count];
        foreach (var (id, node) in categoryRoots) _categoryRoots[id] = node;
        _regionRoots = new TrieNode?[words.Count];
        foreach (var (id, node) in regionRoots) _regionRoots[id] = node;
        Terms = terms;
        _suffixesByLastLetter = new SuffixRule[]?[26];
        foreach (var group in suffixes.GroupBy(s => s.Suffix[^1] - 'a'))
            _suffixesByLastLetter[group.Key] = [.. group.OrderByDescending(s => s.Suffix.Length)];
    }

    /// <summary>Canonical text of each term index (as the taxonomy writes it).</summary>
    public string[] Terms { get; }

    public int WordCount => _categoryRoots.Length;

    /// <summary>Looks up the words' ids (-1 when unknown) and joins two unknown neighbours whose
    /// concatenation is a known word ("radiofrequenc y"). Returns the new token count.</summary>
    public int Resolve(ReadOnlySpan<char> lower, Span<Token> tokens, Span<int> ids)
    {
        var n = tokens.Length;
        for (var k = 0; k < n; k++)
            ids[k] = _words.TryGetValue(lower.Slice(tokens[k].Start, tokens[k].Length), out var id) ? id : -1;

        for (var k = 0; k + 1 < n; k++)
        {
            if (ids[k] >= 0 || ids[k + 1] >= 0) continue;
            Token a = tokens[k], b = tokens[k + 1];
            if (!Tokenizer.IsAlphabetic(lower.Slice(a.Start, a.Length)) || !Tokenizer.IsAlphabetic(lower.Slice(b.Start, b.Length))) continue;
            if (!_words.TryGetValue(lower.Slice(a.Start, a.Length + b.Length), out var joined)) continue;
            tokens[k] = new Token(a.Start, a.Length + b.Length, a.SourceStart, b.SourceEnd);
            ids[k] = joined;
            tokens[(k + 2)..n].CopyTo(tokens[(k + 1)..]);
            ids[(k + 2)..n].CopyTo(ids[(k + 1)..]);
            n--;
        }
        return n;
    }

    public bool IsConnective(int id) => id >= 0 && _connectives[id];

    public TrieNode? CategoryRoot(int id) => id >= 0 ? _categoryRoots[id] : null;

    public TrieNode? RegionRoot(int id) => id >= 0 ? _regionRoots[id] : null;

    /// <summary>The longest suffix rule a word ends with, or null.</summary>
    public SuffixRule? Suffix(ReadOnlySpan<char> word)
    {
        if (word.Length < 6) return null;
        var last = word[^1] - 'a';
        if ((uint)last >= 26 || _suffixesByLastLetter[last] is not { } rules) return null;
        foreach (var rule in rules)
        {
            if (word.Length >= rule.Suffix.Length + 3 && word.EndsWith(rule.Suffix, StringComparison.Ordinal))
                return Tokenizer.IsAlphabetic(word) ? rule : null;
        }
        return null;
    }

    /// <summary>The child of a trie node for a word id, or null.</summary>
    public static TrieNode? Next(TrieNode node, int id) =>
        id >= 0 && node.Next is { } next && next.TryGetValue(id, out var child) ? child : null;
}
