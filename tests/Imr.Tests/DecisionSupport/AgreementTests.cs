using Imr.DecisionSupport.Evaluation;
using Imr.Letters.Model;

namespace Imr.Tests.DecisionSupport;

public sealed class AgreementTests
{
    private static IEnumerable<(Decision, Decision)> Pairs(int tp, int fp, int fn, int tn) =>
        Enumerable.Repeat((Decision.Overturned, Decision.Overturned), tp)
            .Concat(Enumerable.Repeat((Decision.Overturned, Decision.Upheld), fp))
            .Concat(Enumerable.Repeat((Decision.Upheld, Decision.Overturned), fn))
            .Concat(Enumerable.Repeat((Decision.Upheld, Decision.Upheld), tn));

    [Fact]
    public void Statistics_match_a_worked_example()
    {
        // 20 decided Overturned, 80 Upheld; 15 of the 20 found, 5 false alarms.
        var a = Agreement.Of(Pairs(tp: 15, fp: 5, fn: 5, tn: 75));
        Assert.Equal(0.90, a.Accuracy, 6);
        Assert.Equal(0.80, a.AlwaysUpheldAccuracy, 6);
        Assert.Equal(0.75, a.OverturnPrecision, 6);
        Assert.Equal(0.75, a.OverturnRecall, 6);
        Assert.Equal((0.75 + (75.0 / 80)) / 2, a.BalancedAccuracy, 6);
        // Chance agreement: 0.2*0.2 + 0.8*0.8 = 0.68; kappa = (0.9 - 0.68) / 0.32.
        Assert.Equal(0.6875, a.Kappa, 6);
    }

    [Fact]
    public void Always_upheld_has_zero_kappa_and_recall_but_the_baseline_accuracy()
    {
        var a = Agreement.Of(Pairs(tp: 0, fp: 0, fn: 10, tn: 90));
        Assert.Equal(0, a.Kappa);
        Assert.Equal(0, a.OverturnRecall);
        Assert.Equal(a.AlwaysUpheldAccuracy, a.Accuracy);
        Assert.Equal(0.5, a.BalancedAccuracy);
    }

    [Fact]
    public void Perfect_agreement_has_kappa_one()
    {
        var a = Agreement.Of(Pairs(tp: 7, fp: 0, fn: 0, tn: 40));
        Assert.Equal(1, a.Kappa, 6);
        Assert.Equal(1, a.Accuracy);
    }
}
