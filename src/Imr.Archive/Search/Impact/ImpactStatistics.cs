namespace Imr.Archive.Search.Impact;

/// <summary>How an archive's searches were served: by the impact index, or by the engine's full-text
/// ranking (an index not yet complete), and the postings the index read.</summary>
public sealed class ImpactStatistics
{
    /// <summary>Searches with at least one word.</summary>
    public long Searches { get; set; }

    /// <summary>Searches the impact index answered.</summary>
    public long Answered { get; set; }

    /// <summary>Postings read by the searches the impact index answered.</summary>
    public long PostingsRead { get; set; }

    /// <summary>Filter checks those searches asked the database (the filters the index's facets do not
    /// hold: guideline, specialty, state, dates).</summary>
    public long FilterQueries { get; set; }

    /// <summary>Letters whose texts those searches read to check a quoted phrase (<see cref="Phrases"/>).</summary>
    public long PhraseChecks { get; set; }

    /// <summary>Time those searches spent finding their letters (before the page of snippets).</summary>
    public TimeSpan Ranking { get; set; }

    /// <summary>What the last search the impact index answered cost.</summary>
    public ImpactCost Last { get; set; }

    /// <summary>The time the last search the impact index answered spent finding its letters.</summary>
    public TimeSpan LastRanking { get; set; }

    /// <summary>Reads of blocks and facets the searches found in the <see cref="BlockCache"/>, and those
    /// that went to the database.</summary>
    public (long Hits, long Misses) Cached { get; set; }

    /// <summary>Time stores spent writing segments and merging them.</summary>
    public TimeSpan Indexing { get; set; }

    /// <summary>Of <see cref="Indexing"/>, the time spent merging segments.</summary>
    public TimeSpan Merging { get; set; }
}
