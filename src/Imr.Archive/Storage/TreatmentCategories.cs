namespace Imr.Archive.Storage;

/// <summary>The treatment category of an item (the taxonomy comes with the treatments work).</summary>
internal static class TreatmentCategories
{
    public static string Of(string treatment) => treatment.Length >= 0 ? "other" : "other";
}
