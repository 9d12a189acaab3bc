using System.Text.Json.Serialization;

namespace Imr.Letters.Model;

/// <summary>How fast the determination is due: 30 days (standard) or 3 days (expedited).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Priority>))]
public enum Priority
{
    Standard,
    Expedited,
}

/// <summary>
/// The reviewer's decision on one disputed item. <see cref="Upheld"/>: the utilization review denial
/// stands (not medically necessary). <see cref="Overturned"/>: the treatment is medically necessary.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<Decision>))]
public enum Decision
{
    Upheld,
    Overturned,
}

/// <summary>The two ways letters state the reviewer's credentials.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CredentialPhrasing>))]
public enum CredentialPhrasing
{
    /// <summary>"State(s) of Licensure: ..." and "Certification(s)/Specialty: ..." lines.</summary>
    Listed,

    /// <summary>"is Board Certified in X, has a subspecialty in Y and is licensed to practice in Z".</summary>
    Narrative,
}
