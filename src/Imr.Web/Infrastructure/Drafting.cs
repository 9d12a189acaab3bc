using System.Text.Json.Serialization;
using Imr.DecisionSupport;
using Imr.Letters.Citations;
using Imr.Letters.Model;
using Imr.Operations.Model;

namespace Imr.Web.Infrastructure;

/// <summary>
/// The decision-support engine as the reviewer workspace sees it: given the clinical case summary and
/// the disputed items, a proposed determination per item with the guideline it rests on, the criteria
/// checked against the records and a draft rationale. The reviewer decides; a draft is only shown
/// beside the form. <see cref="EngineDrafter"/> is registered by default; register another
/// <see cref="IDeterminationDrafter"/> before <c>AddImrWeb</c> to replace it.
/// </summary>
public interface IDeterminationDrafter
{
    Task<DeterminationDraft> DraftAsync(string caseSummary, CaseApplication application, CancellationToken cancellationToken = default);
}

/// <summary>A draft determination; when <paramref name="Available"/> is false, <paramref name="Message"/>
/// says why there is none.</summary>
public sealed record DeterminationDraft(bool Available, string Message, IReadOnlyList<ItemDraft> Items)
{
    public static DeterminationDraft None(string message) => new(false, message, []);
}

/// <summary>The engine's proposal for one disputed item (<paramref name="Item"/> from 1, in the
/// application's order).</summary>
/// <param name="CitedGuideline">The guideline statement, in the letters' grammar ("Decision based on MTUS ..."),
/// empty when no guideline in the engine's catalogue governs the item.</param>
public sealed record ItemDraft(int Item, string Treatment, Decision? ProposedDecision, string CitedGuideline, IReadOnlyList<DraftCriterion> Criteria, string Rationale)
{
    /// <summary>The treatment category id of the taxonomy ("opioids", "imaging", ...).</summary>
    public string Category { get; init; } = "";

    /// <summary>How firmly the criteria support the proposed decision, from 0 to 1.</summary>
    public double Confidence { get; init; }

    /// <summary>The guideline relied on, in the letters' citation model.</summary>
    public IReadOnlyList<Citation> Citations { get; init; } = [];

    /// <summary>Documentation that would change the outcome.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>The engine's policy applied (its id); null when no policy governs the item.</summary>
    public string? Policy { get; init; }
}

/// <summary>One criterion of the cited guideline and whether the records meet it (true met, false not met, null
/// otherwise: not documented, or not applicable to the request; <see cref="Status"/> tells which), with the evidence
/// found.</summary>
/// <param name="Evidence">The evidence words, quoted and joined ("\"a\"; \"b\""), empty when none.</param>
public sealed record DraftCriterion(string Text, bool? Met, string Evidence)
{
    /// <summary>The criterion's id within its policy, e.g. <c>opioids.functional-improvement</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>What the record shows: met, not met, not documented, or not applicable (a conditional criterion whose
    /// condition the request does not meet).</summary>
    public CriterionStatus Status { get; init; } = Met switch { true => CriterionStatus.Met, false => CriterionStatus.NotMet, null => CriterionStatus.NotDocumented };

    /// <summary>The evidence words with where they stand in the case summary (characters).</summary>
    public IReadOnlyList<EvidenceSpan> EvidenceSpans { get; init; } = [];

    /// <summary>The guideline passage the criterion comes from.</summary>
    public string Source { get; init; } = "";

    /// <summary>The status as the workspace prints it.</summary>
    [JsonIgnore]
    public string StatusText => Status switch
    {
        CriterionStatus.Met => "met",
        CriterionStatus.NotMet => "not met",
        CriterionStatus.NotApplicable => "not applicable",
        _ => "not documented",
    };
}

/// <summary>
/// The guideline engine (<see cref="DraftEngine"/>) behind the workspace: it drafts from the clinical case
/// summary, so without one there is nothing to draft from and the draft says so.
/// </summary>
public sealed class EngineDrafter : IDeterminationDrafter
{
    public const string Drafted = "Drafted by the guideline engine from the clinical case summary. It proposes; the reviewer decides.";

    public const string NoSummary = "No draft yet: the engine drafts from the clinical case summary. Write the summary and save it (or press \"Draft from this summary\").";

    public Task<DeterminationDraft> DraftAsync(string caseSummary, CaseApplication application, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        var items = application.Treatments;
        if (string.IsNullOrWhiteSpace(caseSummary) || items.Count == 0) return Task.FromResult(DeterminationDraft.None(NoSummary));
        cancellationToken.ThrowIfCancellationRequested();
        // The application's dates and priority too: policies weigh the time since injury and since the UR decision.
        var caseFile = new CaseFile
        {
            CaseSummary = caseSummary,
            Items = new(items.Select(i => new CaseFileItem(i.Treatment, i.ClaimsAdministratorGuideline))),
            DateOfInjury = application.DateOfInjury,
            UrDenialDate = application.UrDecisionDate,
            Priority = application.Priority,
        };
        var draft = DraftEngine.Draft(caseFile);
        return Task.FromResult(new DeterminationDraft(true, Drafted, draft.Items.Select((item, i) => Of(i + 1, item)).ToList()));
    }

    /// <summary>The web view of one engine item.</summary>
    public static ItemDraft Of(int number, DraftItem item) =>
        new(number, item.Treatment, item.Decision, item.Citations.Count > 0 ? CitationWriter.Write(item.Citations) : "", item.Criteria.Select(Of).ToList(), item.Rationale)
        {
            Category = item.Category,
            Confidence = item.Confidence,
            Citations = item.Citations,
            Missing = item.Missing,
            Policy = item.Policy,
        };

    private static DraftCriterion Of(CriterionResult criterion) =>
        new(criterion.Description, criterion.Status switch { CriterionStatus.Met => true, CriterionStatus.NotMet => false, _ => null },
            string.Join("; ", criterion.Evidence.Select(e => $"\"{e.Text}\"")))
        {
            Id = criterion.Id,
            Status = criterion.Status,
            EvidenceSpans = criterion.Evidence,
            Source = criterion.Source,
        };
}
