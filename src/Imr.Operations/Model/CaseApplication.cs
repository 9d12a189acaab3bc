using Imr.Letters.Model;
using Imr.Treatments;

namespace Imr.Operations.Model;

/// <summary>
/// The application for independent medical review as received (DWC Form IMR and the utilization review
/// decision it disputes): who is involved, the dates that decide eligibility and the disputed treatments.
/// </summary>
public sealed record CaseApplication
{
    public const int MaxNameLength = 200;
    public const int MaxTreatments = 30;
    public const int MaxTreatmentLength = 2000;

    public required string EmployeeName { get; init; }
    public required string Employer { get; init; }

    /// <summary>The insurer, self-insured employer or third-party administrator that ran utilization review.</summary>
    public required string ClaimsAdministrator { get; init; }

    /// <summary>The physician who requested the treatment (the request for authorization).</summary>
    public required string RequestingPhysician { get; init; }

    public required DateOnly DateOfInjury { get; init; }

    /// <summary>The date of the utilization review decision in dispute; null when the application names
    /// none (then there is nothing for IMR to review).</summary>
    public DateOnly? UrDecisionDate { get; init; }

    /// <summary>The date the application was received.</summary>
    public required DateOnly ReceivedOn { get; init; }

    public Priority Priority { get; init; } = Priority.Standard;

    /// <summary>The disputed items, in the order the letter will list them.</summary>
    public required ValueList<DisputedTreatment> Treatments { get; init; }

    /// <summary>The claims administrator disputes liability for the injury or body part (a question for the
    /// appeals board, not of medical necessity).</summary>
    public bool LiabilityDisputed { get; init; }

    /// <summary>The claims administrator has since authorized the treatment.</summary>
    public bool TreatmentAlreadyAuthorized { get; init; }

    /// <summary>The same application with every text trimmed and inner whitespace collapsed.</summary>
    public CaseApplication Normalized() => this with
    {
        EmployeeName = Text.Collapse(EmployeeName),
        Employer = Text.Collapse(Employer),
        ClaimsAdministrator = Text.Collapse(ClaimsAdministrator),
        RequestingPhysician = Text.Collapse(RequestingPhysician),
        Treatments = Treatments.Select(t => t.Normalized()).ToList(),
    };

    /// <summary>What is wrong with the application as input, by field; empty when nothing is.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        void Name(string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) Add(field, "is required.");
            else if (value.Length > MaxNameLength) Add(field, $"is longer than {MaxNameLength} characters.");
        }

        Name(nameof(EmployeeName), EmployeeName);
        Name(nameof(Employer), Employer);
        Name(nameof(ClaimsAdministrator), ClaimsAdministrator);
        Name(nameof(RequestingPhysician), RequestingPhysician);
        if (DateOfInjury > ReceivedOn) Add(nameof(DateOfInjury), "is after the date the application was received.");
        if (UrDecisionDate is { } ur)
        {
            if (ur < DateOfInjury) Add(nameof(UrDecisionDate), "is before the date of injury.");
            if (ur > ReceivedOn) Add(nameof(UrDecisionDate), "is after the date the application was received.");
        }
        if (!Enum.IsDefined(Priority)) Add(nameof(Priority), "is not Standard or Expedited.");
        if (Treatments is null || Treatments.Count == 0) Add(nameof(Treatments), "at least one disputed treatment is required.");
        else
        {
            if (Treatments.Count > MaxTreatments) Add(nameof(Treatments), $"more than {MaxTreatments} disputed treatments.");
            for (var i = 0; i < Treatments.Count; i++)
            {
                var treatment = Treatments[i];
                if (treatment is null || string.IsNullOrWhiteSpace(treatment.Treatment)) Add($"{nameof(Treatments)}[{i}]", "the treatment is required.");
                else if (treatment.Treatment.Length > MaxTreatmentLength) Add($"{nameof(Treatments)}[{i}]", $"the treatment is longer than {MaxTreatmentLength} characters.");
            }
        }
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }
}

/// <summary>One disputed item as requested.</summary>
/// <param name="Treatment">The treatment as the request names it ("Norco 10/325 mg #60").</param>
/// <param name="ClaimsAdministratorGuideline">What utilization review relied on, as its decision states it;
/// null when the decision cited nothing.</param>
public sealed record DisputedTreatment(string Treatment, string? ClaimsAdministratorGuideline = null)
{
    /// <summary>The treatment category id of the taxonomy ("opioids", "imaging", ...).</summary>
    public string Category => TreatmentClassifier.Classify(Treatment).Category.Id;

    internal DisputedTreatment Normalized() => new(
        Text.Collapse(Treatment),
        string.IsNullOrWhiteSpace(ClaimsAdministratorGuideline) ? null : Text.Collapse(ClaimsAdministratorGuideline));
}
