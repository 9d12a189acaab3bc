using Imr.Archive.Search;
using Imr.Archive.Search.Impact;

namespace Imr.Tests.Archive;

public sealed class SnippetTests
{
    private static IReadOnlyList<string> Stems(string query) => QueryTerms.Parse(query).SelectMany(Tokenizer.Stems).ToList();

    [Fact]
    public void Marks_the_words_matching_by_stem_in_the_window_holding_most_query_words()
    {
        var summary = "The patient reports neck pain. " + string.Join(' ', Enumerable.Repeat("Unrelated words follow here.", 10))
            + " Lumbar epidural steroid injections were requested after the lumbar MRI.";
        var snippet = Snippets.Make([summary, "Physical therapy"], Stems("lumbar injection"));
        Assert.Contains("[Lumbar] epidural steroid [injections]", snippet);
        Assert.Contains("[lumbar] MRI", snippet);
        Assert.StartsWith("…", snippet);
        Assert.DoesNotContain("neck", snippet);
    }

    [Fact]
    public void Picks_the_text_where_the_words_are_and_cuts_it_to_sixteen_words()
    {
        var rationale = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"w{i}")) + " acupuncture " + string.Join(' ', Enumerable.Range(41, 40).Select(i => $"w{i}"));
        var snippet = Snippets.Make(["Nothing here.", "Acupuncture six visits", rationale], Stems("acupuncture w42"));
        Assert.Contains("[acupuncture] w41 [w42]", snippet);
        Assert.Equal(Snippets.Tokens, snippet.Trim('…').Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.EndsWith("…", snippet);
    }

    [Fact]
    public void Without_a_matching_word_it_is_the_start_of_the_first_text()
    {
        Assert.Equal("Short summary.", Snippets.Make(["Short summary.", "x"], Stems("zoster")));
        Assert.Equal("", Snippets.Make([], Stems("zoster")));
    }
}
