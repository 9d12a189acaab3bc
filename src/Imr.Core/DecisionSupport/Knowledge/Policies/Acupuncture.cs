using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Acupuncture: MTUS Acupuncture Medical Treatment Guidelines (2007).</summary>
public static class Acupuncture
{
    private const string Source = "MTUS Acupuncture Medical Treatment Guidelines 2007, 9792.24.1";

    public static Policy Policy { get; } = new(
        "acupuncture",
        ["acupuncture"],
        Policy.Mtus("Acupuncture Treatment", 2007),
        EvidenceLevel.Mtus,
        "state that the time to produce functional improvement is 3 to 6 treatments, and that treatments may be extended if functional improvement is documented",
        [
            new("acupuncture.beyond-authorized-trial",
                "When part of the request was already authorized as a trial, objective functional improvement from that trial before more visits",
                Source, true, c => Checks.BeyondAuthorizedTrial(c, TreatmentKind.Acupuncture)),
            new("acupuncture.initial-trial",
                "The treatments requested are within an initial trial of 3 to 6",
                Source, true,
                c => Find.RequestedCount(c.Treatment) is { } n
                    ? CriterionOutcome.When(n <= 6)
                    : CriterionOutcome.NotDocumented),
            new("acupuncture.prior-benefit",
                "No prior acupuncture, or documented functional improvement from prior treatments",
                Source, true,
                c => Find.Prior(c.Record, TreatmentKind.Acupuncture).ToList() is { Count: > 0 } prior
                    ? Find.Facts(prior, t => t.Outcome == TreatmentOutcome.Improved)
                    : CriterionOutcome.NotApplicable),
        ]);
}
