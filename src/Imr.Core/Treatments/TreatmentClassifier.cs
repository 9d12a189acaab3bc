using Imr.Letters.Model;

namespace Imr.Treatments;

/// <summary>
/// Classifies treatment texts ("Norco 10/325mg #90", "MRI of the lumbar spine without contrast")
/// with the built-in taxonomy (<see cref="TreatmentTaxonomy.Default"/>, the embedded
/// <c>taxonomy.json</c>). Thread-safe; allocates little beyond the result.
/// </summary>
public static class TreatmentClassifier
{
    /// <summary>The category of a treatment text. See <see cref="TreatmentTaxonomy.Classify"/>.</summary>
    public static TreatmentClassification Classify(string treatment) => TreatmentTaxonomy.Default.Classify(treatment);

    /// <summary>The category of a disputed item, read from its treatment text.</summary>
    public static TreatmentClassification Classify(DeterminationItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return TreatmentTaxonomy.Default.Classify(item.Treatment);
    }

    /// <summary>The body regions a text names, in text order, without repeats.</summary>
    public static ValueList<BodyRegion> DetectBodyRegions(string text) => TreatmentTaxonomy.Default.DetectBodyRegions(text);
}
