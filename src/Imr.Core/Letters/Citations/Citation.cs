using System.Text.Json.Serialization;
using Imr.Letters.Model;

namespace Imr.Letters.Citations;

/// <summary>
/// One statement of a guideline paragraph ("Claims Administrator guideline:" or "MAXIMUS
/// guideline:"), read into structure. <see cref="Text"/> is always the words of the letter it was
/// read from, whitespace-normalised.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(MtusCitation), "mtus")]
[JsonDerivedType(typeof(NonMtusCitation), "nonMtus")]
[JsonDerivedType(typeof(GuidelineStatement), "statement")]
[JsonDerivedType(typeof(UnrecognizedCitation), "unrecognized")]
public abstract record Citation
{
    protected Citation(string text) => Text = text;

    /// <summary>The words of the letter this citation was read from.</summary>
    [JsonPropertyOrder(100)]
    public string Text { get; init; }
}

/// <summary>
/// A part of the MTUS relied on: "Decision based on MTUS Chronic Pain Medical Treatment 2016,
/// Section(s): Physical medicine treatment." or, in older letters, "MTUS ACOEM Chapter 8 Neck and Upper
/// Back Complaints Page(s): Chapter 8, pages 174, 181-2."
/// </summary>
/// <param name="Guideline">The MTUS part, by its canonical name (see <see cref="MtusGuidelines"/>).</param>
/// <param name="Year">The edition year when stated (2004, 2009, 2016, ...).</param>
/// <param name="Chapter">The ACOEM chapter number when the letter names one (before the part's name or in its pages).</param>
/// <param name="Sections">The sections named, in letter order: in the catalogue's spelling when it knows the
/// section, otherwise as printed. For an ACOEM chapter of the General Approaches, the chapter's title.</param>
/// <param name="Pages">Pages or page ranges named, as printed ("63-66", "174").</param>
public sealed record MtusCitation(
    string Text,
    string Guideline,
    int? Year,
    int? Chapter,
    ValueList<string> Sections,
    ValueList<string> Pages) : Citation(Text);

/// <summary>The source family of a guideline outside the MTUS.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NonMtusSource>))]
public enum NonMtusSource
{
    /// <summary>Official Disability Guidelines.</summary>
    Odg,

    /// <summary>ACOEM practice guidelines outside the MTUS (for example the 3rd edition).</summary>
    Acoem,

    /// <summary>American Society of Interventional Pain Physicians.</summary>
    Asipp,
    UpToDate,

    /// <summary>FDA labelling or prescribing information.</summary>
    Fda,

    /// <summary>A web address.</summary>
    Web,

    /// <summary>A journal article or other published literature.</summary>
    Literature,

    /// <summary>Another named source.</summary>
    Other,
}

/// <summary>
/// "Decision based on Non-MTUS Citation ...": one reference, which may run over several sentences. A second
/// reference after the template's "and Other Medical Treatment Guidelines" is a citation of its own.
/// </summary>
/// <param name="Source">The source family the reference names first (<see cref="CitationParser.ClassifySource"/>).</param>
/// <param name="Reference">What follows "Non-MTUS Citation", as printed, without the sentence's closing
/// punctuation; empty when the letter names nothing.</param>
public sealed record NonMtusCitation(string Text, NonMtusSource Source, string Reference) : Citation(Text);

/// <summary>What a guideline statement says about the basis of a decision.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StatementKind>))]
public enum StatementKind
{
    /// <summary>"... did not base their decision on the MTUS."</summary>
    NotBasedOnMtus,

    /// <summary>"... based their decision on recommendation(s) outside of the MTUS Guidelines."</summary>
    OutsideMtus,

    /// <summary>"... did not cite any medical evidence for its decision."</summary>
    NoMedicalEvidence,
}

/// <summary>A statement about the basis of the decision rather than a citation of a source.</summary>
/// <param name="Statement">What it says.</param>
/// <param name="Party">Who it is about, as named ("The Claims Administrator", "The Expert Reviewer").</param>
public sealed record GuidelineStatement(string Text, StatementKind Statement, string Party) : Citation(Text);

/// <summary>Words of a guideline paragraph the grammar does not recognise. None on the corpus.</summary>
public sealed record UnrecognizedCitation(string Text) : Citation(Text);
