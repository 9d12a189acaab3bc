using System.Text.RegularExpressions;

namespace Imr.DecisionSupport.Knowledge.Policies;

/// <summary>Botulinum toxin: MTUS CPMTG (2016), Botulinum toxin (Botox), pages 25-26.</summary>
public static partial class BotulinumToxin
{
    private const string Source = "MTUS Chronic Pain Medical Treatment 2016, Botulinum toxin (Botox) (pages 25-26)";

    public static Policy Policy { get; } = new(
        "botulinum-toxin",
        ["botulinum-toxin"],
        Chapters.Cpmtg("Botulinum toxin (Botox)"),
        EvidenceLevel.Mtus,
        "do not generally recommend botulinum toxin for chronic pain disorders, myofascial pain syndrome, tension-type headache or trigger point injections, but recommend it for cervical dystonia (spasmodic torticollis)",
        [
            new("botulinum-toxin.indication", "A diagnosis Botox is recommended for: cervical dystonia (spasmodic torticollis) or spasticity", Source, true,
                c => Find.Phrase(c.Record, Indication())),
        ]);

    [GeneratedRegex(@"cervical dystonia|spasmodic torticollis|\btorticollis|spasticity|blepharospasm", RegexOptions.IgnoreCase)]
    private static partial Regex Indication();
}
