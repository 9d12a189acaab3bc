using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Imr.Tests.Web;

/// <summary>Who may open which page and call which route; health and the OpenAPI document.</summary>
public sealed class WebAccessTests(ImrWebFactory factory) : IClassFixture<ImrWebFactory>
{
    private readonly WebFlow _flow = new(factory);

    [Fact]
    public async Task Health_answers_200()
    {
        using var client = factory.Client();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api_with_named_routes_and_typed_ids()
    {
        using var client = factory.Client();
        var document = await client.GetJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/cases", "/api/cases/{number}", "/api/cases/{number}/documents", "/api/cases/{number}/reviewer-matches", "/api/archive/search", "/api/archive/report", "/api/archive/letters/{key}",
            "/api/cases/{number}/draft", "/api/cases/{number}/application", "/api/reviewers/{id}", "/api/users", "/api/users/{id}/password", "/api/users/{id}/active" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} missing from the OpenAPI document");
        Assert.Equal("GetCase", paths.GetProperty("/api/cases/{number}").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("GetDeterminationDraft", paths.GetProperty("/api/cases/{number}/draft").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("CreateUser", paths.GetProperty("/api/users").GetProperty("post").GetProperty("operationId").GetString());
        var caseId = document.GetProperty("components").GetProperty("schemas").GetProperty("CaseId");
        Assert.Equal("uuid", caseId.GetProperty("format").GetString());
    }

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/cases/new")]
    [InlineData("/cases/CM26-0000001")]
    [InlineData("/cases/CM26-0000001/review")]
    [InlineData("/roster")]
    [InlineData("/admin/audit")]
    [InlineData("/cases/CM26-0000001/application")]
    [InlineData("/admin/users")]
    [InlineData("/roster/edit")]
    public async Task Signed_out_a_staff_page_redirects_to_sign_in(string page)
    {
        using var client = factory.Client();
        var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in?ReturnUrl=", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/api/cases")]
    [InlineData("/api/cases/CM26-0000001")]
    [InlineData("/api/reviewers")]
    [InlineData("/api/audit")]
    [InlineData("/api/users")]
    [InlineData("/api/cases/CM26-0000001/draft")]
    public async Task Signed_out_the_staff_api_answers_401_not_a_redirect(string url)
    {
        using var client = factory.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/archive")]
    [InlineData("/archive?q=lumbar")]
    [InlineData("/archive/reports")]
    [InlineData("/account/sign-in")]
    [InlineData("/api/archive/search?q=lumbar")]
    [InlineData("/api/archive/report")]
    public async Task Public_pages_and_archive_routes_answer_without_sign_in(string url)
    {
        using var client = factory.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("intake", "/dashboard", HttpStatusCode.OK)]
    [InlineData("intake", "/cases/new", HttpStatusCode.OK)]
    [InlineData("intake", "/roster", HttpStatusCode.Forbidden)]
    [InlineData("intake", "/admin/audit", HttpStatusCode.Forbidden)]
    [InlineData("coordinator", "/cases/new", HttpStatusCode.OK)]
    [InlineData("coordinator", "/roster", HttpStatusCode.OK)]
    [InlineData("coordinator", "/admin/audit", HttpStatusCode.Forbidden)]
    [InlineData("reviewer", "/dashboard", HttpStatusCode.OK)]
    [InlineData("reviewer", "/cases/new", HttpStatusCode.Forbidden)]
    [InlineData("reviewer", "/roster", HttpStatusCode.Forbidden)]
    [InlineData("reviewer", "/admin/audit", HttpStatusCode.Forbidden)]
    [InlineData("qa", "/dashboard", HttpStatusCode.OK)]
    [InlineData("qa", "/cases/new", HttpStatusCode.Forbidden)]
    [InlineData("qa", "/roster", HttpStatusCode.OK)]
    [InlineData("qa", "/admin/audit", HttpStatusCode.Forbidden)]
    [InlineData("admin", "/cases/new", HttpStatusCode.OK)]
    [InlineData("admin", "/roster", HttpStatusCode.OK)]
    [InlineData("admin", "/admin/audit", HttpStatusCode.OK)]
    [InlineData("admin", "/admin/users", HttpStatusCode.OK)]
    [InlineData("coordinator", "/admin/users", HttpStatusCode.Forbidden)]
    [InlineData("qa", "/admin/users", HttpStatusCode.Forbidden)]
    [InlineData("reviewer", "/admin/users", HttpStatusCode.Forbidden)]
    [InlineData("admin", "/roster/edit", HttpStatusCode.OK)]
    [InlineData("coordinator", "/roster/edit", HttpStatusCode.OK)]
    [InlineData("qa", "/roster/edit", HttpStatusCode.Forbidden)]
    [InlineData("intake", "/roster/edit", HttpStatusCode.Forbidden)]
    [InlineData("reviewer", "/roster/edit", HttpStatusCode.Forbidden)]
    public async Task Each_role_opens_its_pages_and_is_refused_the_others(string user, string page, HttpStatusCode expected)
    {
        using var client = await factory.SignedInAsync(user);
        var response = await client.GetAsync(page);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden) Assert.Contains("Access denied", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("intake", HttpStatusCode.Created)]
    [InlineData("coordinator", HttpStatusCode.Created)]
    [InlineData("admin", HttpStatusCode.Created)]
    [InlineData("reviewer", HttpStatusCode.Forbidden)]
    [InlineData("qa", HttpStatusCode.Forbidden)]
    public async Task Only_intake_coordinators_and_admins_register_applications_through_the_api(string user, HttpStatusCode expected)
    {
        using var client = await factory.SignedInAsync(user);
        var response = await client.PostJsonAsync("/api/cases", WebFlow.Application(WebFlow.NewEmployee()));
        await ImrClient.ExpectAsync(response, expected);
        if (expected == HttpStatusCode.Forbidden) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("coordinator", "/api/reviewers", HttpStatusCode.OK)]
    [InlineData("qa", "/api/reviewers", HttpStatusCode.OK)]
    [InlineData("intake", "/api/reviewers", HttpStatusCode.Forbidden)]
    [InlineData("reviewer", "/api/reviewers", HttpStatusCode.Forbidden)]
    [InlineData("admin", "/api/audit", HttpStatusCode.OK)]
    [InlineData("coordinator", "/api/audit", HttpStatusCode.Forbidden)]
    [InlineData("qa", "/api/audit", HttpStatusCode.Forbidden)]
    [InlineData("admin", "/api/users", HttpStatusCode.OK)]
    [InlineData("coordinator", "/api/users", HttpStatusCode.Forbidden)]
    [InlineData("reviewer", "/api/users", HttpStatusCode.Forbidden)]
    public async Task Each_role_reads_the_roster_audit_and_users_routes_it_may(string user, string url, HttpStatusCode expected)
    {
        using var client = await factory.SignedInAsync(user);
        Assert.Equal(expected, (await client.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("intake", HttpStatusCode.Forbidden)]
    [InlineData("qa", HttpStatusCode.Forbidden)]
    [InlineData("coordinator", HttpStatusCode.OK)]
    public async Task Only_coordinators_and_admins_rank_and_assign_reviewers(string user, HttpStatusCode expected)
    {
        var (number, _) = await _flow.CreateAsync();
        using var client = await factory.SignedInAsync(user);
        Assert.Equal(expected, (await client.GetAsync($"/api/cases/{number}/reviewer-matches")).StatusCode);
    }

    [Theory]
    [InlineData("coordinator")]
    [InlineData("qa")]
    [InlineData("reviewer2")]
    public async Task Only_the_assigned_reviewer_saves_the_review(string user)
    {
        var (number, employee) = await _flow.AssignedAsync();
        using var other = await factory.SignedInAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutJsonAsync($"/api/cases/{number}/review", WebFlow.Review(employee))).StatusCode);
        using var reviewer = await factory.SignedInAsync("reviewer");
        await ImrClient.ExpectAsync(await reviewer.PutJsonAsync($"/api/cases/{number}/review", WebFlow.Review(employee)), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Issuing_is_for_QA_and_coordinators_and_only_after_QA_approval()
    {
        var (number, _) = await _flow.AssignedAsync();
        using var reviewer = await factory.SignedInAsync("reviewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostJsonAsync($"/api/cases/{number}/issue", null)).StatusCode);
        using var qa = await factory.SignedInAsync("qa");
        var early = await qa.PostJsonAsync($"/api/cases/{number}/issue", null);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("application/problem+json", early.Content.Headers.ContentType?.MediaType);
        var details = await qa.GetJsonAsync<JsonElement>($"/api/cases/{number}");
        Assert.Equal("Assigned", details.GetProperty("case").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_reviewer_cannot_open_another_reviewers_case_by_url()
    {
        var (number, _) = await _flow.AssignedAsync(WebFlow.Okafor);
        using var marsh = await factory.SignedInAsync("reviewer");
        foreach (var page in new[] { $"/cases/{number}", $"/cases/{number}/review", $"/cases/{number}/qa" })
        {
            var response = await marsh.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{page}: {(int)response.StatusCode}");
            Assert.Contains("not assigned to reviewer", await response.Content.ReadAsStringAsync());
        }
        using var okafor = await factory.SignedInAsync("reviewer2");
        Assert.Equal(HttpStatusCode.OK, (await okafor.GetAsync($"/cases/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await okafor.GetAsync($"/cases/{number}/review")).StatusCode);
    }

    [Fact]
    public async Task A_reviewer_cannot_read_another_reviewers_case_or_its_documents_through_the_api()
    {
        var (number, _) = await _flow.AssignedAsync(WebFlow.Okafor);
        using var marsh = await factory.SignedInAsync("reviewer");
        foreach (var url in new[] { $"/api/cases/{number}", $"/api/cases/{number}/documents", $"/api/cases/{number}/quality-check", $"/api/cases/{number}/letter" })
        {
            var response = await marsh.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url}: {(int)response.StatusCode}");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(403, problem.GetProperty("status").GetInt32());
        }
        var listed = await marsh.GetJsonAsync<JsonElement>("/api/cases");
        Assert.DoesNotContain(listed.EnumerateArray(), c => c.GetProperty("number").GetString() == number);
        using var okafor = await factory.SignedInAsync("reviewer2");
        Assert.Equal(HttpStatusCode.OK, (await okafor.GetAsync($"/api/cases/{number}")).StatusCode);
    }

    [Fact]
    public async Task A_reviewer_cannot_read_another_reviewers_documents_by_url_not_even_under_their_own_case_number()
    {
        var (theirs, _) = await _flow.AssignedAsync(WebFlow.Okafor);
        var (own, _) = await _flow.AssignedAsync(WebFlow.Marsh);
        string documentId;
        using (var intake = await factory.SignedInAsync("intake"))
        {
            var upload = await intake.Http.PostAsync($"/api/cases/{theirs}/documents",
                ImrClient.File("okafor-only.txt", System.Text.Encoding.UTF8.GetBytes("Confidential progress note for Dr. Okafor's case."), "text/plain"));
            await ImrClient.ExpectAsync(upload, HttpStatusCode.Created);
            documentId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }
        using var marsh = await factory.SignedInAsync("reviewer");
        foreach (var url in new[]
        {
            $"/cases/{theirs}/documents/{documentId}", $"/cases/{theirs}/documents/{documentId}?handler=Content",
            $"/api/cases/{theirs}/documents/{documentId}", $"/cases/{own}/documents/{documentId}",
            $"/cases/{own}/documents/{documentId}?handler=Content", $"/api/cases/{own}/documents/{documentId}",
            $"/cases/{theirs}/letter", $"/cases/{theirs}/application",
        })
        {
            var response = await marsh.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Confidential progress note", await response.Content.ReadAsStringAsync());
        }
        using var okafor = await factory.SignedInAsync("reviewer2");
        Assert.Contains("Confidential progress note", await (await okafor.GetAsync($"/api/cases/{theirs}/documents/{documentId}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_or_malformed_case_number_is_404()
    {
        using var coordinator = await factory.SignedInAsync("coordinator");
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/cases/CM99-9999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/cases/not-a-number")).StatusCode);
        var page = await coordinator.GetAsync("/cases/CM99-9999999");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Not found", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invalid_input_is_a_validation_problem_naming_the_fields()
    {
        using var intake = await factory.SignedInAsync("intake");
        var response = await intake.PostJsonAsync("/api/cases", new
        {
            employeeName = "",
            employer = "E",
            claimsAdministrator = "C",
            requestingPhysician = "P",
            dateOfInjury = WebFlow.Today,
            receivedOn = WebFlow.Today,
            treatments = Array.Empty<object>(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("EmployeeName", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("Treatments", out _));
    }

    [Fact]
    public async Task A_step_with_a_stale_version_is_409()
    {
        var (number, _) = await _flow.CreateAsync();
        using var coordinator = await factory.SignedInAsync("coordinator");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{number}/eligibility-check");
        request.Headers.TryAddWithoutValidation("If-Match", "\"99\"");
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        using var client = factory.Client();
        var response = await client.GetAsync("/archive");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style()
    {
        var (number, _) = await _flow.AssignedAsync();
        using var coordinator = await factory.SignedInAsync("coordinator");
        using var reviewer = await factory.SignedInAsync("reviewer");
        using var admin = await factory.SignedInAsync("admin");
        foreach (var (client, page) in new[]
        {
            (coordinator, "/"), (coordinator, "/archive?q=lumbar"), (coordinator, "/archive/reports"), (coordinator, "/dashboard"),
            (coordinator, $"/cases/{number}"), (coordinator, "/roster"), (coordinator, "/roster/edit"), (reviewer, $"/cases/{number}/review"),
            (admin, "/admin/users"), (admin, "/admin/audit"),
        })
        {
            var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        }
    }
}
