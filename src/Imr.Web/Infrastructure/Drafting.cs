using Imr.Letters.Model;
using Imr.Operations.Model;

namespace Imr.Web.Infrastructure;

/// <summary>
/// The decision-support engine as the reviewer workspace sees it: given the clinical case summary and
/// the disputed items, a proposed determination per item with the guideline it rests on, the criteria
/// checked against the records and a draft rationale. The reviewer decides; a draft is only shown
/// beside the form. The engine is built separately and replaces <see cref="NoDraftYet"/> in the
/// service collection (register an <see cref="IDeterminationDrafter"/> before <c>AddImrWeb</c>, or
/// replace the registration).
/// </summary>
public interface IDeterminationDrafter
{
    Task<DeterminationDraft> DraftAsync(string caseSummary, IReadOnlyList<DisputedTreatment> items, CancellationToken cancellationToken = default);
}

/// <summary>A draft determination; when <paramref name="Available"/> is false, <paramref name="Message"/>
/// says why there is none.</summary>
public sealed record DeterminationDraft(bool Available, string Message, IReadOnlyList<ItemDraft> Items)
{
    public static DeterminationDraft None(string message) => new(false, message, []);
}

/// <summary>The engine's proposal for one disputed item (<paramref name="Item"/> from 1, in the
/// application's order).</summary>
/// <param name="CitedGuideline">The guideline statement, in the letters' grammar ("Decision based on MTUS ...").</param>
public sealed record ItemDraft(int Item, string Treatment, Decision? ProposedDecision, string CitedGuideline, IReadOnlyList<DraftCriterion> Criteria, string Rationale);

/// <summary>One criterion of the cited guideline and whether the records meet it (null: not documented),
/// with the evidence found.</summary>
public sealed record DraftCriterion(string Text, bool? Met, string Evidence);

/// <summary>The stand-in until the engine is connected: no draft, and a message saying so.</summary>
public sealed class NoDraftYet : IDeterminationDrafter
{
    public const string Message = "No draft yet: the decision-support engine is not connected to this installation.";

    public Task<DeterminationDraft> DraftAsync(string caseSummary, IReadOnlyList<DisputedTreatment> items, CancellationToken cancellationToken = default) =>
        Task.FromResult(DeterminationDraft.None(Message));
}
