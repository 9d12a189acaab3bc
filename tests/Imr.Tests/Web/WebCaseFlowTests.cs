using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Imr.Tests.Web;

/// <summary>The case flow over the API and the pages that show it: eligibility with reasons, deadlines and
/// the dashboard, reviewer matching, issue and publication.</summary>
public sealed class WebCaseFlowTests(ImrWebFactory factory) : IClassFixture<ImrWebFactory>
{
    private readonly WebFlow _flow = new(factory);

    [Fact]
    public async Task A_case_goes_from_application_to_published_letter_through_the_api()
    {
        var (number, _) = await _flow.IssuedAsync();
        using var qa = await factory.SignedInAsync("qa");
        var details = await qa.GetJsonAsync<JsonElement>($"/api/cases/{number}");
        Assert.Equal("Issued", details.GetProperty("case").GetProperty("status").GetString());
        Assert.Equal("Met", details.GetProperty("deadlines").GetProperty("determination").GetProperty("state").GetString());

        var letter = await qa.GetJsonAsync<JsonElement>($"/api/cases/{number}/letter");
        Assert.Equal(number, letter.GetProperty("caseNumber").GetString());
        Assert.Equal("Overturned", letter.GetProperty("items")[0].GetProperty("decision").GetString());

        using var visitor = factory.Client();
        var published = await visitor.GetJsonAsync<JsonElement>($"/api/archive/letters/{number}");
        Assert.Equal(WebFlow.Guideline, published.GetProperty("items")[0].GetProperty("reviewerGuideline").GetString());
        var hits = await visitor.GetJsonAsync<JsonElement>("/api/archive/search?q=epidural&decision=Overturned&limit=200");
        Assert.Contains(hits.EnumerateArray(), h => h.GetProperty("caseNumber").GetString() == number);
    }

    [Fact]
    public async Task The_issued_letter_downloads_as_PDF_written_by_the_letter_writer()
    {
        var (number, _) = await _flow.IssuedAsync();
        using var coordinator = await factory.SignedInAsync("coordinator");
        var response = await coordinator.GetAsync($"/cases/{number}/letter?handler=Pdf");
        await ImrClient.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{number}-final-determination.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await response.Content.ReadAsByteArrayAsync())[..4]));
    }

    [Fact]
    public async Task An_untimely_application_is_ineligible_and_the_case_page_says_why()
    {
        using var intake = await factory.SignedInAsync("intake");
        var employee = WebFlow.NewEmployee();
        var application = new
        {
            employeeName = employee,
            employer = WebFlow.Employer,
            claimsAdministrator = WebFlow.ClaimsAdministrator,
            requestingPhysician = WebFlow.Physician,
            dateOfInjury = WebFlow.Today.AddYears(-2),
            urDecisionDate = WebFlow.Today.AddDays(-90),
            receivedOn = WebFlow.Today,
            liabilityDisputed = true,
            treatments = new[] { new { treatment = "Functional restoration program 80 hours" } },
        };
        var created = await intake.PostJsonAsync("/api/cases", application);
        await ImrClient.ExpectAsync(created, HttpStatusCode.Created);
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("case").GetProperty("number").GetString()!;

        var checkedCase = await intake.PostJsonAsync($"/api/cases/{number}/eligibility-check", null);
        await ImrClient.ExpectAsync(checkedCase, HttpStatusCode.OK);
        var eligibility = (await checkedCase.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("case").GetProperty("eligibility");
        var codes = eligibility.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Equal(["Untimely", "LiabilityDispute"], codes);

        var page = await (await intake.GetAsync($"/cases/{number}")).Content.ReadAsStringAsync();
        Assert.Contains("Ineligible", page);
        Assert.Contains("after the last day to file", page);
    }

    [Fact]
    public async Task An_ineligible_application_is_corrected_on_its_page_and_becomes_eligible()
    {
        var (number, employee) = await _flow.CreateAsync();
        using var intake = await factory.SignedInAsync("intake");
        intake.Http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN"); // a browser's form sends none
        var page = $"/cases/{number}/application";
        var fields = WebFlow.ApplicationFields(employee, WebFlow.Today.AddDays(-90), WebFlow.Today.AddDays(-2));
        fields["Version"] = "1";
        fields["Form.Treatments[0].Treatment"] = "Lumbar epidural steroid injection L4-5";
        Assert.Contains("value=\"Lumbar epidural steroid injection L4-5\"", await (await intake.GetAsync(page)).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await intake.PostFormAsync(page, page, fields, withToken: false)).StatusCode);

        // A UR decision 90 days old: untimely.
        Assert.Equal(HttpStatusCode.Redirect, (await intake.PostFormAsync(page, page, fields)).StatusCode);
        var untimely = await intake.PostFormAsync($"/cases/{number}", $"/cases/{number}?handler=CheckEligibility", new Dictionary<string, string> { ["version"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, untimely.StatusCode);
        Assert.Contains("after the last day to file", await (await intake.GetAsync($"/cases/{number}")).Content.ReadAsStringAsync());

        // The date was mistyped: corrected, checked again, eligible.
        fields["Version"] = "3";
        fields["Form.UrDecisionDate"] = WebFlow.Today.AddDays(-10).ToString("yyyy-MM-dd");
        fields["Form.Treatments[1].Treatment"] = "Physical therapy 6 sessions";
        var corrected = await intake.PostFormAsync(page, page, fields);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal($"/cases/{number}", corrected.Headers.Location!.OriginalString);
        var details = await intake.GetJsonAsync<JsonElement>($"/api/cases/{number}");
        Assert.Equal("Received", details.GetProperty("case").GetProperty("status").GetString());
        Assert.Equal(2, details.GetProperty("case").GetProperty("application").GetProperty("treatments").GetArrayLength());
        await intake.PostFormAsync($"/cases/{number}", $"/cases/{number}?handler=CheckEligibility", new Dictionary<string, string> { ["version"] = "4" });
        Assert.Equal("Eligible", (await intake.GetJsonAsync<JsonElement>($"/api/cases/{number}")).GetProperty("case").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_application_cannot_be_corrected_once_records_are_requested_or_by_a_reviewer()
    {
        var (number, _) = await _flow.AssignedAsync();
        using var coordinator = await factory.SignedInAsync("coordinator");
        var page = await (await coordinator.GetAsync($"/cases/{number}/application")).Content.ReadAsStringAsync();
        Assert.Contains("can no longer be corrected", page);
        Assert.DoesNotContain("id=\"application-form\"", page);
        using var reviewer = await factory.SignedInAsync("reviewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync($"/cases/{number}/application")).StatusCode);
        using var qa = await factory.SignedInAsync("qa");
        Assert.Equal(HttpStatusCode.Forbidden, (await qa.GetAsync($"/cases/{number}/application")).StatusCode);
    }

    [Fact]
    public async Task The_intake_form_names_a_refused_field_as_the_form_labels_it()
    {
        using var intake = await factory.SignedInAsync("intake");
        intake.Http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        // A UR decision after the application, and no disputed item.
        var response = await intake.PostFormAsync("/cases/new", "/cases/new",
            WebFlow.ApplicationFields(WebFlow.NewEmployee(), WebFlow.Today.AddDays(1), WebFlow.Today));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("UR decision date is after the date the application was received.", page);
        Assert.Contains("Disputed items: at least one disputed treatment is required.", page);
        Assert.DoesNotContain("Ur decision date", page);
    }

    [Fact]
    public async Task The_pages_name_a_case_status_in_words()
    {
        var (number, _) = await _flow.CreateAsync();
        using var coordinator = await factory.SignedInAsync("coordinator");
        await WebFlow.StepAsync(coordinator, $"/api/cases/{number}/eligibility-check", null);
        await WebFlow.StepAsync(coordinator, $"/api/cases/{number}/records-request", new { delivery = "Mail" });
        foreach (var url in new[] { $"/cases/{number}", $"/cases/{number}/application", "/dashboard" })
        {
            var page = await (await coordinator.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.Contains(">Records requested</span>", page);
            Assert.DoesNotContain(">RecordsRequested<", page);
        }
    }

    [Fact]
    public async Task A_step_the_status_does_not_allow_is_shown_on_the_page_as_a_conflict()
    {
        var (number, _) = await _flow.CreateAsync();
        using var coordinator = await factory.SignedInAsync("coordinator");
        coordinator.Http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        var response = await coordinator.PostFormAsync($"/cases/{number}", $"/cases/{number}?handler=RequestRecords",
            new Dictionary<string, string> { ["version"] = "1", ["delivery"] = "Mail" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Cannot request records: the case is Received", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_case_page_ranks_the_roster_and_shows_the_excluded_with_their_reasons()
    {
        var (number, _) = await _flow.CreateAsync();
        using var coordinator = await factory.SignedInAsync("coordinator");
        await WebFlow.StepAsync(coordinator, $"/api/cases/{number}/eligibility-check", null);
        await WebFlow.StepAsync(coordinator, $"/api/cases/{number}/records-request", new { delivery = "Mail" });
        var page = await (await coordinator.GetAsync($"/cases/{number}")).Content.ReadAsStringAsync();
        Assert.Contains("Reviewer matches", page);
        Assert.Contains("Elena Marsh, MD", page);
        Assert.Contains("4 years in active practice; more than 5 are required.", page);
        Assert.Contains("16 hours a week in active practice; at least 24 are required.", page);
        Assert.Contains("aria-label=\"Assign Elena Marsh, MD\"", page); // each Assign button names its reviewer

        var matches = await coordinator.GetJsonAsync<JsonElement>($"/api/cases/{number}/reviewer-matches");
        Assert.True(matches[0].GetProperty("included").GetBoolean());
        Assert.False(matches[matches.GetArrayLength() - 1].GetProperty("included").GetBoolean());
    }

    [Fact]
    public async Task A_reviewer_with_a_conflict_of_interest_cannot_be_assigned()
    {
        using var intake = await factory.SignedInAsync("intake");
        var application = JsonSerializer.SerializeToNode(WebFlow.Application(WebFlow.NewEmployee()))!;
        application["claimsAdministrator"] = "Golden Bear Casualty Insurance Company"; // Dr. Marsh's affiliation
        var created = await intake.PostJsonAsync("/api/cases", application);
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("case").GetProperty("number").GetString()!;
        using var coordinator = await factory.SignedInAsync("coordinator");
        await WebFlow.StepAsync(coordinator, $"/api/cases/{number}/eligibility-check", null);
        await WebFlow.StepAsync(coordinator, $"/api/cases/{number}/records-request", new { delivery = "Mail" });

        var response = await coordinator.PostJsonAsync($"/api/cases/{number}/assignment", new { reviewerId = WebFlow.Marsh });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Affiliated with the claims administrator", problem.GetProperty("reasons")[0].GetString());
    }

    [Fact]
    public async Task The_dashboard_lists_an_overdue_case_first()
    {
        using var intake = await factory.SignedInAsync("intake");
        var application = JsonSerializer.SerializeToNode(WebFlow.Application(WebFlow.NewEmployee()))!;
        application["urDecisionDate"] = WebFlow.Today.AddDays(-45).ToString("yyyy-MM-dd");
        application["receivedOn"] = WebFlow.Today.AddDays(-40).ToString("yyyy-MM-dd");
        var created = await intake.PostJsonAsync("/api/cases", application);
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("case").GetProperty("number").GetString()!;
        using var coordinator = await factory.SignedInAsync("coordinator");
        await WebFlow.StepAsync(coordinator, $"/api/cases/{number}/eligibility-check", null);
        await WebFlow.StepAsync(coordinator, $"/api/cases/{number}/records-received", new { receivedOn = WebFlow.Today.AddDays(-35) });

        var details = await coordinator.GetJsonAsync<JsonElement>($"/api/cases/{number}");
        Assert.Equal("Overdue", details.GetProperty("deadlines").GetProperty("determination").GetProperty("state").GetString());
        var dashboard = await (await coordinator.GetAsync("/dashboard")).Content.ReadAsStringAsync();
        var overdue = dashboard[dashboard.IndexOf("id=\"overdue-title\"", StringComparison.Ordinal)..dashboard.IndexOf("id=\"soon-title\"", StringComparison.Ordinal)];
        Assert.Contains(number, overdue);
    }
}
