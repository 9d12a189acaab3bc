using Imr.Clinical;

namespace Imr.Tests.Clinical;

/// <summary>Shared checks: every evidence span is exactly its text in the input.</summary>
internal static class ClinicalAssert
{
    public static void EvidenceHolds(string input, Evidence evidence)
    {
        Assert.InRange(evidence.Start, 0, input.Length);
        Assert.InRange(evidence.End, evidence.Start, input.Length);
        Assert.Equal(evidence.Text, input.Substring(evidence.Start, evidence.Length));
    }

    /// <summary>All evidence of a record, nested evidence included (outcomes, results, findings, relief).</summary>
    public static IEnumerable<Evidence> AllEvidence(ClinicalRecord record)
    {
        foreach (var s in record.Sentences) yield return s;
        foreach (var f in record.All())
        {
            yield return f.Evidence;
            switch (f)
            {
                case Treatment { OutcomeEvidence: { } o } t:
                    yield return o;
                    if (t.Relief is { } r) yield return r.Evidence;
                    break;
                case Treatment { Relief: { } relief }:
                    yield return relief.Evidence;
                    break;
                case OpioidMonitoring { ResultEvidence: { } e }:
                    yield return e;
                    break;
                case ImagingStudy { Finding: { } finding }:
                    yield return finding;
                    break;
            }
        }
    }

    public static void AllEvidenceHolds(ClinicalRecord record)
    {
        foreach (var e in AllEvidence(record)) EvidenceHolds(record.Text, e);
    }

    /// <summary>The one fact of a kind whose evidence is <paramref name="evidence"/>.</summary>
    public static T Find<T>(IEnumerable<T> facts, string input, string evidence) where T : ClinicalFact
    {
        var list = facts.ToList();
        var found = list.Where(f => f.Evidence.Text == evidence).ToList();
        Assert.True(found.Count > 0, $"No {typeof(T).Name} \"{evidence}\" in \"{input}\"; found: {string.Join(" | ", list.Select(f => f.Evidence.Text))}");
        EvidenceHolds(input, found[0].Evidence);
        return found[0];
    }
}
