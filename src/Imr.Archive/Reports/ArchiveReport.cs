namespace Imr.Archive.Reports;

/// <summary>The period a report covers, by decision date (inclusive); null for open-ended.</summary>
public sealed record ReportQuery(DateOnly? From = null, DateOnly? To = null);

/// <summary>One row of a report table: letters, items and overturned items for a key.</summary>
public sealed record ReportRow(string Key, long Letters, long Items, long Overturned)
{
    /// <summary>Overturned items as a share of items (0 when there are none).</summary>
    public double OverturnRate => Items == 0 ? 0 : (double)Overturned / Items;
}

/// <summary>Median and 90th percentile of a number of days, over the letters that state both dates.</summary>
public sealed record DayStatistics(long Letters, double? Median, double? Percentile90)
{
    /// <summary>From a histogram of day counts (days, letters).</summary>
    public static DayStatistics From(IReadOnlyList<(int Days, long Count)> histogram)
    {
        var sorted = histogram.OrderBy(h => h.Days).ToList();
        var total = sorted.Sum(h => h.Count);
        return total == 0 ? new DayStatistics(0, null, null) : new DayStatistics(total, Quantile(sorted, total, 0.5), Quantile(sorted, total, 0.9));
    }

    // Linear interpolation between closest ranks (the common "type 7" definition).
    private static double Quantile(List<(int Days, long Count)> sorted, long total, double q)
    {
        var position = q * (total - 1);
        var lower = (long)Math.Floor(position);
        var fraction = position - lower;
        double At(long rank)
        {
            long seen = 0;
            foreach (var (days, count) in sorted)
            {
                seen += count;
                if (rank < seen) return days;
            }
            return sorted[^1].Days;
        }
        var low = At(lower);
        return fraction == 0 ? low : low + (fraction * (At(lower + 1) - low));
    }
}

/// <summary>The tables of the state's annual IMR report, computed from the letters.</summary>
public sealed record ArchiveReport(
    ReportQuery Period,
    long Letters,
    long Items,
    long Overturned,
    IReadOnlyList<ReportRow> ByMonth,
    IReadOnlyList<ReportRow> ByCategory,
    IReadOnlyList<ReportRow> ByGuideline,
    IReadOnlyList<ReportRow> BySpecialty,
    IReadOnlyList<ReportRow> ByState,
    DayStatistics ApplicationToAssignment,
    DayStatistics AssignmentToDecision)
{
    public double OverturnRate => Items == 0 ? 0 : (double)Overturned / Items;
}
