namespace Imr.Clinical;

/// <summary>
/// The words a fact was read from: <see cref="Text"/> is exactly <c>input.Substring(Start, Length)</c>, so a
/// reviewer can highlight it in the case summary.
/// </summary>
public readonly record struct Evidence(string Text, int Start, int Length)
{
    public int End => Start + Length;

    public override string ToString() => $"\"{Text}\"@{Start}";

    internal static Evidence Of(string text, int start, int end) => new(text[start..end], start, end - start);
}

/// <summary>Whether the record asserts the fact (ConText's negation, certainty and temporality folded into one value).</summary>
public enum Assertion
{
    /// <summary>Stated as so ("pain rated 7/10", "positive straight leg raise").</summary>
    Present,

    /// <summary>Denied or absent ("no radicular pain", "negative straight leg raise", "lack of documentation of ...").</summary>
    Negated,

    /// <summary>Uncertain ("rule out herniated nucleus pulposus", "possible rotator cuff tear", "questionable").</summary>
    Possible,

    /// <summary>Past ("history of lumbar fusion", "status post", "prior").</summary>
    Historical,

    /// <summary>Requested, planned or conditional ("request for MRI", "treatment plan included", "if certified").</summary>
    Hypothetical,
}

/// <summary>Whom a fact is about (ConText's experiencer).</summary>
public enum Subject
{
    Patient,

    /// <summary>Someone else: a relative ("mother", "family history of").</summary>
    Other,
}

/// <summary>Which side of the body.</summary>
public enum Side
{
    Left,
    Right,
    Bilateral,
}

/// <summary>Body regions at the grain of the guideline chapters (ACOEM: neck, shoulder, elbow, forearm/wrist/hand, low back, knee, ankle/foot).</summary>
public enum BodyRegion
{
    Head,
    Cervical,
    Thoracic,
    Lumbar,
    Shoulder,
    Elbow,
    WristHand,
    Hip,
    Knee,
    AnkleFoot,
    UpperExtremity,
    LowerExtremity,
    Chest,
    Abdomen,
}

/// <summary>The part of the spine a level belongs to.</summary>
public enum SpineRegion
{
    Cervical,
    Thoracic,
    Lumbar,
    Sacral,
}
