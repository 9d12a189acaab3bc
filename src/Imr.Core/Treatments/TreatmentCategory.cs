namespace Imr.Treatments;

/// <summary>A treatment category of the taxonomy, e.g. <c>opioids</c> ("Opioids", group <c>pharmaceuticals</c>).</summary>
/// <param name="Id">Kebab-case identifier, stable across versions of the taxonomy.</param>
/// <param name="Name">Display name.</param>
/// <param name="Group">Identifier of the category's <see cref="TreatmentGroup"/>.</param>
public sealed record TreatmentCategory(string Id, string Name, string Group)
{
    public override string ToString() => Id;
}

/// <summary>A group of categories, e.g. <c>pharmaceuticals</c> or <c>injections</c>.</summary>
public sealed record TreatmentGroup(string Id, string Name)
{
    public override string ToString() => Id;
}

/// <summary>An imaging modality (MRI, CT, X-ray, ultrasound, ...), an attribute of the imaging category.</summary>
public sealed record ImagingModality(string Id, string Name)
{
    public override string ToString() => Id;
}

/// <summary>A body region named by a treatment (<c>lumbar</c>, <c>shoulder</c>, <c>knee</c>, ...).</summary>
/// <param name="Kind">What sort of region: <c>spine</c>, <c>joint</c>, <c>limb</c>, <c>head</c> or <c>trunk</c>.</param>
public sealed record BodyRegion(string Id, string Name, string Kind)
{
    public override string ToString() => Id;
}
