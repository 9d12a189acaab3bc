using System.Text;
using Imr.Clinical;
using Imr.DecisionSupport.Knowledge;
using Imr.Letters.Citations;
using Imr.Letters.Model;
using Imr.Treatments;

namespace Imr.DecisionSupport;

/// <summary>
/// Drafts a determination from a case file: reads the facts of the summary once, classifies each request, checks the
/// criteria of the policy that governs it and writes the decision, what is missing and the rationale. Every step is
/// reported, so a reviewer can check why.
/// </summary>
public static class DraftEngine
{
    public static Draft Draft(CaseFile caseFile)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        var record = ClinicalFacts.Extract(ReviewSentences.Mask(caseFile.CaseSummary));
        var drafted = caseFile.Items.Select(item => DraftItem(record, item, caseFile.DateOfInjury, caseFile.UrDenialDate)).ToList();
        // A request that goes with another of the same case (pre-operative tests with their surgery) is drafted again
        // knowing how that one was drafted: the reviewers decide it with the primary request.
        for (var i = 0; i < drafted.Count; i++)
        {
            if (Dependencies.PrimaryCategory(drafted[i].Category, drafted[i].Treatment) is not { } primaryCategory) continue;
            var primary = drafted.Where((d, j) => j != i && d.Category == primaryCategory && Dependencies.PrimaryCategory(d.Category, d.Treatment) is null)
                .FirstOrDefault();
            if (primary is not null)
                drafted[i] = DraftItem(record, caseFile.Items[i], caseFile.DateOfInjury, caseFile.UrDenialDate, primary);
        }
        return new Draft(new(drafted));
    }

    /// <param name="record">The facts of the case summary.</param>
    /// <param name="item">The request.</param>
    /// <param name="dateOfInjury">The date of injury, when known.</param>
    /// <param name="reviewDate">The date of the utilization review, when known.</param>
    /// <param name="primary">The draft of the request this one goes with in the same case, if any.</param>
    public static DraftItem DraftItem(ClinicalRecord record, CaseFileItem item, DateOnly? dateOfInjury = null, DateOnly? reviewDate = null, DraftItem? primary = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(item);
        var classification = TreatmentClassifier.Classify(item.Treatment);
        var policy = PolicyCatalogue.For(classification);
        var context = new CriterionContext(record, item.Treatment, classification, dateOfInjury, reviewDate, primary);
        var criteria = policy is null ? [Fallback.Evaluate(context)] : policy.Criteria.Select(c => Check(c, context)).ToList();
        var required = policy is null ? criteria : criteria.Where((_, i) => policy.Criteria[i].Required).ToList();
        // Overturned only when every required criterion is met (or does not apply to this request): the burden is the
        // record's, as in the letters.
        var decision = policy is not null && required.All(c => c.Status is CriterionStatus.Met or CriterionStatus.NotApplicable)
            ? Decision.Overturned : Decision.Upheld;
        var missing = required.Where(c => c.Status == CriterionStatus.NotDocumented).Select(c => c.Description).ToList();
        var citations = policy is null ? new ValueList<Citation>([])
            : new ValueList<Citation>(CompoundDrugs.Cite(classification.Category.Id, item.Treatment, policy.CitationsFor(context)));
        return new DraftItem(
            item.Treatment,
            classification.Category.Id,
            decision,
            Confidence(decision, criteria),
            citations,
            new(criteria),
            new(missing),
            Rationale(item.Treatment, policy, citations.Count > 0 ? citations[0] : null, criteria, decision),
            policy?.Id);
    }

    private static CriterionResult Check(Criterion criterion, CriterionContext context)
    {
        var outcome = criterion.Evaluate(context);
        return new CriterionResult(criterion.Id, criterion.Description, outcome.Status, outcome.Evidence, criterion.Source);
    }

    // Overturned is as firm as the share of criteria met; Upheld as firm as the share not met or not documented,
    // with a floor because a single unmet requirement suffices. The fallback is weak by nature. A criterion that does
    // not apply to the request counts neither way.
    private static double Confidence(Decision decision, IReadOnlyList<CriterionResult> checkedCriteria)
    {
        var criteria = checkedCriteria.Where(c => c.Status != CriterionStatus.NotApplicable).ToList();
        if (criteria.Count == 0) return decision == Decision.Overturned ? 1 : 0.5;
        var met = criteria.Count(c => c.Status == CriterionStatus.Met) / (double)criteria.Count;
        var value = decision == Decision.Overturned ? met : Math.Max(0.6, 1 - met);
        return Math.Round(value, 2);
    }

    // The guideline named is the one cited first for this request (the chapter of its region), not the policy's default.
    private static string Rationale(string treatment, Policy? policy, Citation? cited, IReadOnlyList<CriterionResult> criteria, Decision decision)
    {
        var text = new StringBuilder();
        if (policy is null)
        {
            text.Append("No specific guideline policy governs this request in the engine's catalogue. ");
        }
        else
        {
            var guideline = (cited ?? policy.Guideline) switch
            {
                MtusCitation m => $"The MTUS {m.Guideline} Guidelines",
                NonMtusCitation n => $"The {n.Reference}",
                _ => "The guidelines",
            };
            text.Append(guideline).Append(' ').Append(policy.Statement.TrimEnd('.')).Append(". ");
        }
        var met = criteria.Where(c => c.Status == CriterionStatus.Met).ToList();
        var notMet = criteria.Where(c => c.Status == CriterionStatus.NotMet).ToList();
        var undocumented = criteria.Where(c => c.Status == CriterionStatus.NotDocumented).ToList();
        if (met.Count > 0)
            text.Append("In this case, the records document ").Append(Join(met.Select(Documented))).Append(". ");
        if (notMet.Count > 0)
            text.Append(met.Count > 0 ? "However, " : "In this case, ").Append("the records do not support ")
                .Append(Join(notMet.Select(c => Lower(c.Description) + Quote(c)))).Append(". ");
        if (undocumented.Count > 0)
            text.Append(met.Count + notMet.Count > 0 ? "There is no documentation of " : "In this case, there is no documentation of ")
                .Append(Join(undocumented.Select(c => Lower(c.Description)))).Append(". ");
        text.Append("Therefore, the request for ").Append(treatment.Trim().TrimEnd('.'))
            .Append(decision == Decision.Overturned ? " is medically necessary." : " is not medically necessary.");
        return text.ToString();
    }

    private static string Documented(CriterionResult c) => Lower(c.Description) + Quote(c);

    private static string Quote(CriterionResult c) =>
        c.Evidence.Count > 0 ? " (\"" + string.Join("\"; \"", c.Evidence.Take(2).Select(e => e.Text)) + "\")" : "";

    private static string Lower(string s) => s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s;

    private static string Join(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join("; ", list[..^1]) + "; and " + list[^1];
    }
}

/// <summary>
/// The general fallback for categories without a policy: the request is Upheld unless the record documents a clear
/// indication. Without a guideline to say what a clear indication is, the engine does not claim one; it says so.
/// </summary>
public static class Fallback
{
    public static CriterionResult Evaluate(CriterionContext context) => new(
        "general.indication",
        "A clear, guideline-supported indication for the requested treatment",
        CriterionStatus.NotDocumented,
        [],
        "Labor Code 4610.5(c)(2): the request is reviewed against the highest applicable standard; none is modelled for this category");
}
