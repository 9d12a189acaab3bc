using Imr.Letters.Model;

namespace Imr.DecisionSupport.Evaluation;

/// <summary>
/// How drafted decisions agree with the reviewers' decisions: the confusion matrix with Overturned as
/// the positive class, and the statistics computed from it.
/// </summary>
/// <param name="TruePositives">Drafted Overturned, decided Overturned.</param>
/// <param name="FalsePositives">Drafted Overturned, decided Upheld.</param>
/// <param name="FalseNegatives">Drafted Upheld, decided Overturned.</param>
/// <param name="TrueNegatives">Drafted Upheld, decided Upheld.</param>
public sealed record Agreement(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public static Agreement Of(IEnumerable<(Decision Drafted, Decision Decided)> pairs)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (drafted, decided) in pairs)
        {
            switch (drafted, decided)
            {
                case (Decision.Overturned, Decision.Overturned): tp++; break;
                case (Decision.Overturned, Decision.Upheld): fp++; break;
                case (Decision.Upheld, Decision.Overturned): fn++; break;
                default: tn++; break;
            }
        }
        return new Agreement(tp, fp, fn, tn);
    }

    public int Total => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    /// <summary>The share of items drafted as decided.</summary>
    public double Accuracy => Ratio(TruePositives + TrueNegatives, Total);

    /// <summary>The accuracy of drafting every item Upheld: the baseline to beat.</summary>
    public double AlwaysUpheldAccuracy => Ratio(FalsePositives + TrueNegatives, Total);

    /// <summary>Of the items drafted Overturned, the share decided Overturned.</summary>
    public double OverturnPrecision => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>Of the items decided Overturned, the share drafted Overturned.</summary>
    public double OverturnRecall => Ratio(TruePositives, TruePositives + FalseNegatives);

    /// <summary>Of the items decided Upheld, the share drafted Upheld.</summary>
    public double UpheldRecall => Ratio(TrueNegatives, TrueNegatives + FalsePositives);

    /// <summary>The mean of the two recalls: accuracy that the rarity of Overturned cannot flatter.</summary>
    public double BalancedAccuracy => (OverturnRecall + UpheldRecall) / 2;

    /// <summary>Cohen's kappa: agreement beyond what the two sides' own rates give by chance
    /// (1 perfect, 0 chance; 0 too when either side never varies).</summary>
    public double Kappa
    {
        get
        {
            if (Total == 0) return 0;
            double n = Total;
            var observed = (TruePositives + TrueNegatives) / n;
            var draftedOverturned = (TruePositives + FalsePositives) / n;
            var decidedOverturned = (TruePositives + FalseNegatives) / n;
            var chance = (draftedOverturned * decidedOverturned) + ((1 - draftedOverturned) * (1 - decidedOverturned));
            return chance >= 1 ? 0 : (observed - chance) / (1 - chance);
        }
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
