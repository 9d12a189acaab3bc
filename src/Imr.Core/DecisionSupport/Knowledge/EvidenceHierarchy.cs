namespace Imr.DecisionSupport.Knowledge;

/// <summary>The standards of Labor Code 4610.5(c)(2), highest first; the letter is the statute's paragraph.</summary>
public enum EvidenceLevel
{
    /// <summary>(A) The MTUS adopted by the Administrative Director.</summary>
    Mtus = 1,

    /// <summary>(B) Peer-reviewed scientific and medical evidence.</summary>
    PeerReviewed = 2,

    /// <summary>(C) Nationally recognized professional standards.</summary>
    NationalStandards = 3,

    /// <summary>(D) Expert opinion.</summary>
    ExpertOpinion = 4,

    /// <summary>(E) Generally accepted standards of medical practice.</summary>
    GenerallyAccepted = 5,

    /// <summary>(F) Treatments likely to provide a benefit where other treatments are not clinically efficacious.</summary>
    LikelyBenefit = 6,
}

/// <summary>One standard of the hierarchy, as the statute words it.</summary>
public sealed record EvidenceStandard(EvidenceLevel Level, char Letter, string Description);

/// <summary>
/// The evidence hierarchy of Labor Code 4610.5(c)(2) as data, with its one rule: a lower standard may be relied on
/// only when every higher standard is inapplicable to the employee's condition.
/// </summary>
public static class EvidenceHierarchy
{
    public static IReadOnlyList<EvidenceStandard> Standards { get; } =
    [
        new(EvidenceLevel.Mtus, 'A', "The guidelines adopted by the administrative director pursuant to Section 5307.27 (the MTUS)."),
        new(EvidenceLevel.PeerReviewed, 'B', "Peer-reviewed scientific and medical evidence regarding the effectiveness of the disputed service."),
        new(EvidenceLevel.NationalStandards, 'C', "Nationally recognized professional standards."),
        new(EvidenceLevel.ExpertOpinion, 'D', "Expert opinion."),
        new(EvidenceLevel.GenerallyAccepted, 'E', "Generally accepted standards of medical practice."),
        new(EvidenceLevel.LikelyBenefit, 'F', "Treatments that are likely to provide a benefit to a patient for conditions for which other treatments are not clinically efficacious."),
    ];

    public static EvidenceStandard Of(EvidenceLevel level) => Standards.First(s => s.Level == level);

    /// <summary>Whether <paramref name="level"/> may be relied on: only when no higher standard applies.</summary>
    public static bool MayRelyOn(EvidenceLevel level, IEnumerable<EvidenceLevel> applicable)
    {
        var set = applicable.ToHashSet();
        return set.Contains(level) && !set.Any(l => l < level);
    }

    /// <summary>The standard to rely on: the highest that applies (null when none does).</summary>
    public static EvidenceLevel? Governing(IEnumerable<EvidenceLevel> applicable)
    {
        var list = applicable.ToList();
        return list.Count == 0 ? null : list.Min();
    }

    /// <summary>Of the candidate policies for one item, those the hierarchy allows: the ones at the highest level present.</summary>
    public static IReadOnlyList<Policy> Admissible(IEnumerable<Policy> candidates)
    {
        var list = candidates.ToList();
        if (list.Count == 0) return [];
        var top = list.Min(p => p.Level);
        return [.. list.Where(p => p.Level == top)];
    }
}
