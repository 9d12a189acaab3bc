using Imr.Letters.Citations;
using Imr.Letters.Model;

namespace Imr.DecisionSupport;

/// <summary>
/// The engine's draft determination of one disputed item: the proposed decision and why, so that a
/// reviewer can check every step.
/// </summary>
/// <param name="Treatment">The item as requested.</param>
/// <param name="Category">Its treatment category id (the taxonomy's).</param>
/// <param name="Decision">The proposed decision.</param>
/// <param name="Confidence">How firmly the criteria support it, from 0 to 1.</param>
/// <param name="Citations">The guideline relied on, in the letters' citation model.</param>
/// <param name="Criteria">Each criterion checked, with its evidence.</param>
/// <param name="Missing">Documentation that would change the outcome.</param>
/// <param name="Rationale">A paragraph in the register of the letters.</param>
/// <param name="Policy">The policy applied (its id), or null when a general fallback decided.</param>
public sealed record DraftItem(
    string Treatment,
    string Category,
    Decision Decision,
    double Confidence,
    ValueList<Citation> Citations,
    ValueList<CriterionResult> Criteria,
    ValueList<string> Missing,
    string Rationale,
    string? Policy);

/// <summary>The engine's draft for a case file: one item per disputed item, in order.</summary>
public sealed record Draft(ValueList<DraftItem> Items);
