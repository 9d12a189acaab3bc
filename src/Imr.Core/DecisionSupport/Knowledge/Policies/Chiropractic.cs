using Imr.Clinical;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Chiropractic care: MTUS Chronic Pain Medical Treatment Guidelines (2016), Manual therapy &amp; manipulation.</summary>
public static class Chiropractic
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, Manual therapy & manipulation (pages 58-60)";

    public static Policy Policy { get; } = new(
        "chiropractic",
        ["chiropractic"],
        Policy.Mtus("Chronic Pain Medical Treatment", 2016, "Manual therapy & manipulation"),
        EvidenceLevel.Mtus,
        "recommend manual therapy for chronic pain caused by musculoskeletal conditions of the low back, with a trial of 6 visits over 2 weeks and, with evidence of objective functional improvement, a total of up to 18 visits over 6-8 weeks; it is not recommended for the ankle, foot, forearm, wrist, hand or knee",
        [
            new("chiropractic.beyond-authorized-trial",
                "When part of the request was already authorized as a trial, objective functional improvement from that trial before more visits",
                Source, true, c => Checks.BeyondAuthorizedTrial(c, TreatmentKind.Chiropractic)),
            new("chiropractic.region",
                "The condition treated is of the spine (manipulation is not recommended for the knee, ankle, foot, forearm, wrist or hand)",
                Source, true,
                c => CriterionOutcome.When(c.Classification.BodyRegion?.Id is not ("knee" or "ankle-foot" or "wrist-hand" or "elbow"))),
            new("chiropractic.trial-visits",
                "The visits requested are within a trial of 6 visits",
                Source, true,
                c => Find.RequestedCount(c.Treatment) is { } n
                    ? CriterionOutcome.When(n <= 6)
                    : CriterionOutcome.NotDocumented),
            new("chiropractic.prior-benefit",
                "No prior chiropractic care, or objective functional improvement from it",
                Source, true,
                c => Find.Prior(c.Record, TreatmentKind.Chiropractic).ToList() is { Count: > 0 } prior
                    ? Find.Facts(prior, t => t.Outcome == TreatmentOutcome.Improved)
                    : CriterionOutcome.NotApplicable),
        ]);
}
