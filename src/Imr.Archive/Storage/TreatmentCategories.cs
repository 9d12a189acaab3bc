using Imr.Treatments;

namespace Imr.Archive.Storage;

/// <summary>The treatment category id an item is stored and counted under.</summary>
internal static class TreatmentCategories
{
    public static string Of(string treatment) => TreatmentClassifier.Classify(treatment).Category.Id;
}
