using Imr.Archive.Storage;
using Imr.Letters.Model;
using Imr.Operations.Model;

namespace Imr.Operations.Services;

/// <summary>
/// Builds the final determination of a reviewed case, in the letter model the Letters.Writing writers
/// render, and the redacted copy for publication (<see cref="Redactor"/>).
/// </summary>
public static class LetterIssuer
{
    /// <summary>The claims administrator guideline of an item whose utilization review cited nothing, in
    /// the letters' own words.</summary>
    public const string NoClaimsAdministratorCitation = "The Claims Administrator did not cite any medical evidence for its decision.";

    /// <summary>
    /// The final determination of <paramref name="case"/> decided on <paramref name="decisionDate"/>:
    /// <list type="bullet">
    /// <item>header: the case number; Date Assigned, the date the case was found eligible and so assigned
    /// to independent medical review (8 CCR 9792.10.4); the date of injury; the decision date; the UR denial
    /// date; the priority; the date the application was received;</item>
    /// <item>the reviewer's credentials in the listed phrasing (states of licensure; board certifications
    /// then subspecialties), never the name;</item>
    /// <item>the reviewer's case summary and, per item, the treatment, the decision, what utilization review
    /// relied on (or <see cref="NoClaimsAdministratorCitation"/>), the reviewer's guideline and rationale.</item>
    /// </list>
    /// </summary>
    /// <exception cref="RuleViolationException">The case has no eligibility finding, is not assigned to
    /// <paramref name="reviewer"/>, or has an undecided item.</exception>
    public static Determination Build(ImrCase @case, ExpertReviewer reviewer, DateOnly decisionDate)
    {
        if (@case.Eligibility is not { IsEligible: true } eligibility)
            throw new RuleViolationException($"Case {@case.Number} was never found eligible.");
        if (@case.AssignedReviewer != reviewer.Id)
            throw new RuleViolationException($"Case {@case.Number} is not assigned to reviewer {reviewer.Id}.");
        if (@case.Review is not { } review || review.Items.Count != @case.Application.Treatments.Count || review.Items.Any(i => i.Decision is null))
            throw new RuleViolationException($"Case {@case.Number} has undecided items.");

        var application = @case.Application;
        return new Determination
        {
            CaseNumber = @case.Number,
            DateAssigned = eligibility.CheckedOn,
            DateOfInjury = application.DateOfInjury,
            DecisionDate = decisionDate,
            UrDenialDate = application.UrDecisionDate,
            ApplicationReceived = application.ReceivedOn,
            Priority = application.Priority,
            Reviewer = Credentials(reviewer),
            CaseSummary = review.CaseSummary,
            Items = application.Treatments.Zip(review.Items, (requested, item) => new DeterminationItem(
                requested.Treatment,
                item.Decision!.Value,
                string.IsNullOrWhiteSpace(requested.ClaimsAdministratorGuideline) ? NoClaimsAdministratorCitation : requested.ClaimsAdministratorGuideline,
                item.ReviewerGuideline,
                item.Rationale)).ToList(),
        };
    }

    /// <summary>The final determination decided at <paramref name="issuedAt"/> (its California date is the
    /// decision date) and its redacted copy.</summary>
    public static IssuedDetermination Issue(ImrCase @case, ExpertReviewer reviewer, DateTimeOffset issuedAt, UserId issuedBy)
    {
        var determination = Build(@case, reviewer, Deadlines.DateIn(issuedAt));
        var (redacted, counts) = Redactor.Redact(determination, @case.Application);
        return new IssuedDetermination(determination, redacted, counts, issuedAt.ToUniversalTime(), issuedBy);
    }

    /// <summary>The reviewer's credentials as a letter lists them: "State(s) of Licensure" and
    /// "Certification(s)/Specialty" (board certifications, then subspecialties).</summary>
    public static Reviewer Credentials(ExpertReviewer reviewer) =>
        new(reviewer.LicensureStates, reviewer.Specialties.Distinct().ToList()) { Phrasing = CredentialPhrasing.Listed };

    /// <summary>The redacted determination as the archive stores it (<see cref="IArchive.StoreAsync"/>); its
    /// source reads "operations/CMyy-nnnnnnn".</summary>
    public static LetterRecord ToArchiveRecord(IssuedDetermination issued) =>
        LetterRecord.From($"operations/{issued.Redacted.CaseNumber}", issued.Redacted);
}
