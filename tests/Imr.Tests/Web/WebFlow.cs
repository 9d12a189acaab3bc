using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Imr.Operations.Model;
using Imr.Operations.Services;

namespace Imr.Tests.Web;

/// <summary>
/// Cases taken through the flow over the API, each step by the role that does it: intake registers,
/// the coordinator checks eligibility, requests and records the records and assigns the reviewer, the
/// reviewer decides, QA approves and issues. The parties are invented and free of conflicts with the
/// demo roster's Dr. Marsh (user "reviewer") and Dr. Okafor ("reviewer2").
/// </summary>
public sealed class WebFlow(ImrWebFactory factory)
{
    public const string Employer = "Pacific Coast Warehousing Co.";
    public const string ClaimsAdministrator = "Sierra Mutual Claims Services";
    public const string Physician = "Dr. Nadia Petrov";
    public static readonly Guid Marsh = Guid.Parse("0b1f6c0e-6d7a-4c1e-9a51-000000000001");
    public static readonly Guid Okafor = Guid.Parse("0b1f6c0e-6d7a-4c1e-9a51-000000000002");

    private static int _employees;

    public const string Guideline = "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Epidural steroid injections (ESIs).";

    public static DateOnly Today => Deadlines.Today(TimeProvider.System);

    /// <summary>A new employee name per case, so no case is another's duplicate.</summary>
    public static string NewEmployee() => $"Theodora Quillfeather{(char)('A' + (Interlocked.Increment(ref _employees) % 26))}{Guid.NewGuid().ToString("N")[..4]}";

    public static object Application(string employee) => new
    {
        employeeName = employee,
        employer = Employer,
        claimsAdministrator = ClaimsAdministrator,
        requestingPhysician = Physician,
        dateOfInjury = Today.AddYears(-1),
        urDecisionDate = Today.AddDays(-10),
        receivedOn = Today.AddDays(-2),
        priority = "Standard",
        treatments = new[] { new { treatment = "Lumbar epidural steroid injection L4-5", claimsAdministratorGuideline = (string?)null } },
    };

    /// <summary>The application's form fields as the intake and correction pages post them (no items).</summary>
    public static Dictionary<string, string> ApplicationFields(string employee, DateOnly urDecisionDate, DateOnly receivedOn) => new()
    {
        ["Form.EmployeeName"] = employee,
        ["Form.Employer"] = Employer,
        ["Form.ClaimsAdministrator"] = ClaimsAdministrator,
        ["Form.RequestingPhysician"] = Physician,
        ["Form.DateOfInjury"] = Today.AddYears(-1).ToString("yyyy-MM-dd"),
        ["Form.UrDecisionDate"] = urDecisionDate.ToString("yyyy-MM-dd"),
        ["Form.ReceivedOn"] = receivedOn.ToString("yyyy-MM-dd"),
        ["Form.Priority"] = "Standard",
    };

    public static object Review(string employee) => new
    {
        caseSummary = $"{employee} is a warehouse worker at {Employer} who injured the low back lifting boxes. {Physician} requests a lumbar epidural steroid injection; {ClaimsAdministrator} denied it.",
        items = new[]
        {
            new
            {
                decision = "Overturned",
                reviewerGuideline = Guideline,
                rationale = $"The records document radicular pain with MRI evidence of a disc protrusion at L4-5 and failure of six weeks of therapy. The MTUS supports an epidural steroid injection under these conditions. Therefore, the requested lumbar epidural steroid injection at L4-5 is medically necessary.",
            },
        },
    };

    /// <summary>Registers a case as intake; returns its number and the employee's name.</summary>
    public async Task<(string Number, string Employee)> CreateAsync()
    {
        using var intake = await factory.SignedInAsync("intake");
        var employee = NewEmployee();
        var response = await intake.PostJsonAsync("/api/cases", Application(employee));
        await ImrClient.ExpectAsync(response, HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("case").GetProperty("number").GetString()!, employee);
    }

    /// <summary>A case assigned to <paramref name="reviewer"/> (Marsh by default).</summary>
    public async Task<(string Number, string Employee)> AssignedAsync(Guid? reviewer = null)
    {
        var (number, employee) = await CreateAsync();
        using var coordinator = await factory.SignedInAsync("coordinator");
        await StepAsync(coordinator, $"/api/cases/{number}/eligibility-check", null);
        await StepAsync(coordinator, $"/api/cases/{number}/records-request", new { delivery = NoticeDelivery.Electronic });
        await StepAsync(coordinator, $"/api/cases/{number}/records-received", new { receivedOn = Today });
        await StepAsync(coordinator, $"/api/cases/{number}/assignment", new { reviewerId = reviewer ?? Marsh });
        return (number, employee);
    }

    /// <summary>A case reviewed, approved by QA and issued (and so published).</summary>
    public async Task<(string Number, string Employee)> IssuedAsync()
    {
        var (number, employee) = await AssignedAsync();
        using (var reviewer = await factory.SignedInAsync("reviewer"))
        {
            await ImrClient.ExpectAsync(await reviewer.PutJsonAsync($"/api/cases/{number}/review", Review(employee)), HttpStatusCode.OK);
            await StepAsync(reviewer, $"/api/cases/{number}/review/submission", null);
        }
        using var qa = await factory.SignedInAsync("qa");
        await StepAsync(qa, $"/api/cases/{number}/qa", new { outcome = QaOutcome.Approved, notes = "" });
        await StepAsync(qa, $"/api/cases/{number}/issue", null);
        return (number, employee);
    }

    public static async Task StepAsync(ImrClient client, string url, object? body) =>
        await ImrClient.ExpectAsync(await client.PostJsonAsync(url, body), HttpStatusCode.OK);
}
