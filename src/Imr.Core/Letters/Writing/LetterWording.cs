using Imr.Letters.Model;

namespace Imr.Letters.Writing;

/// <summary>
/// The fixed wording of the published letters: headings, boilerplate and the two credential
/// phrasings. Kept word for word (including "items/Service" in the listed style), because readers
/// and people recognise a letter by it.
/// </summary>
internal static class LetterWording
{
    public const string HowMadeHeading = "HOW THE IMR FINAL DETERMINATION WAS MADE";
    public const string CaseSummaryHeading = "CLINICAL CASE SUMMARY";
    public const string IssuesHeading = "IMR ISSUES, DECISIONS AND RATIONALES";

    public const string CaseSummaryIntro =
        "The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:";

    public const string IssuesIntro =
        "The Final Determination was based on decisions for the disputed items/services set forth below:";

    public const string CredentialsIntro = "The Expert Reviewer has the following credentials:";
    public const string LicensureLabel = "State(s) of Licensure:";
    public const string SpecialtyLabel = "Certification(s)/Specialty:";

    public const string ClaimsAdministratorLabel = "Claims Administrator guideline:";
    public const string ReviewerGuidelineLabel = "MAXIMUS guideline:";
    public const string RationaleLabel = "Decision rationale:";

    private const string Opening =
        "MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no affiliation with the employer, employee, providers or the claims administrator.";

    private const string Practice =
        "He/she has been in active clinical practice for more than five years and is currently working at least 24 hours a week in active practice.";

    private const string Selection =
        "The expert reviewer was selected based on his/her clinical experience, education, background, and expertise in the same or similar specialties that evaluate and/or treat the medical condition and disputed";

    private const string Familiarity =
        "He/she is familiar with governing laws and regulations, including the strength of evidence hierarchy that applies to Independent Medical Review determinations.";

    /// <summary>The independence paragraph; in the narrative phrasing it carries the credentials.</summary>
    public static string Independence(Reviewer reviewer)
    {
        if (reviewer.Phrasing == CredentialPhrasing.Listed)
            return $"{Opening} {Practice} {Selection} items/Service. {Familiarity}";
        var credentials = NarrativeCredentials(reviewer);
        var credentialSentence = credentials.Length == 0 ? "" : credentials + " ";
        return $"{Opening} {credentialSentence}{Practice} {Selection} items/services. {Familiarity}";
    }

    /// <summary>
    /// "The expert reviewer is Board Certified in X, has a subspecialty in Y and is licensed to practice
    /// in Z." Clauses the reviewer lacks are left out; several values in one clause are joined with ", "
    /// (never "and", which specialty names contain: "Pain Management and Rehabilitation").
    /// </summary>
    public static string NarrativeCredentials(Reviewer reviewer)
    {
        var clauses = new List<string>();
        var certifications = reviewer.BoardCertifications.ToList();
        if (certifications.Count > 0) clauses.Add("is Board Certified in " + string.Join(", ", certifications));
        if (reviewer.Subspecialties.Count > 0) clauses.Add("has a subspecialty in " + string.Join(", ", reviewer.Subspecialties));
        if (reviewer.Licensure.Count > 0) clauses.Add("is licensed to practice in " + string.Join(", ", reviewer.Licensure));
        return clauses.Count switch
        {
            0 => "",
            1 => $"The expert reviewer {clauses[0]}.",
            _ => $"The expert reviewer {string.Join(", ", clauses.Take(clauses.Count - 1))} and {clauses[^1]}.",
        };
    }

    /// <summary>
    /// The listed phrasing's three lines, or none when the reviewer is narrative or states nothing.
    /// States are joined by a bare comma and specialties by ", ", as the letters print them.
    /// </summary>
    public static IReadOnlyList<string> ListedCredentials(Reviewer reviewer)
    {
        if (reviewer.Phrasing != CredentialPhrasing.Listed) return [];
        if (reviewer.Licensure.Count == 0 && reviewer.Specialties.Count == 0) return [];
        return
        [
            CredentialsIntro,
            $"{LicensureLabel} {string.Join(",", reviewer.Licensure)}".TrimEnd(),
            $"{SpecialtyLabel} {string.Join(", ", reviewer.Specialties)}".TrimEnd(),
        ];
    }
}
