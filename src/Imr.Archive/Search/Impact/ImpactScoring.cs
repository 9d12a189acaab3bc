namespace Imr.Archive.Search.Impact;

/// <summary>
/// BM25F, reduced to one byte per (term, letter) so that posting lists can be ordered by it. A
/// letter's fields are weighted as FTS5's ranking weights them (<c>bm25(0.5, 4.0, 1.0)</c>: case
/// summary, treatments, rationales): the weighted term frequency is the sum of field weight times
/// occurrences, the weighted length the sum of field weight times tokens. The term-frequency part
/// tf·(k1+1)/(tf + k1·(1−b+b·dl/avgdl)) is quantized to an impact 1..255 on a fixed scale up to its
/// limit k1+1; avgdl is the average weighted length of the letters of the segment the letter was
/// first indexed in (an approximation: later letters do not rescore earlier ones, and merges keep
/// the impacts). A query's score is the sum over its terms of idf × impact, idf computed from the
/// segments' counts at query time, in fixed point so that every order of summation gives the same
/// number and the threshold algorithm's bounds are exact.
/// </summary>
public static class ImpactScoring
{
    public const double K1 = 1.2;
    public const double B = 0.75;

    public const float SummaryWeight = 0.5f;
    public const float TreatmentsWeight = 4.0f;
    public const float RationalesWeight = 1.0f;

    /// <summary>Fixed-point scale of idf (2^16).</summary>
    private const double IdfScale = 65536.0;

    /// <summary>The quantized term-frequency part of BM25F, 1..255 (for a term the letter holds).</summary>
    public static byte Impact(double weightedTf, double weightedLength, double averageLength)
    {
        var norm = 1 - B + (B * weightedLength / Math.Max(averageLength, 1e-9));
        var w = weightedTf * (K1 + 1) / (weightedTf + (K1 * norm));
        return (byte)Math.Clamp((int)Math.Ceiling(w / (K1 + 1) * 255), 1, 255);
    }

    /// <summary>BM25's idf, ln(1 + (N − df + 0.5)/(df + 0.5)), in fixed point.</summary>
    public static long Idf(long letters, long df) =>
        (long)Math.Round(Math.Log(1 + ((letters - df + 0.5) / (df + 0.5))) * IdfScale);

    /// <summary>A fixed-point score (Σ idf × impact) as the BM25-like number a hit shows.</summary>
    public static double ToScore(long score) => score / IdfScale / 255 * (K1 + 1);
}
