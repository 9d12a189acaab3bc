using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Imr.Operations.Model;
using Imr.Operations.Services;
using Imr.Web.Infrastructure;

namespace Imr.Tests.Web;

/// <summary>Antiforgery, uploads, sign-in and lockout, the audit log, and what the public sees.</summary>
public sealed class WebSecurityTests(ImrWebFactory factory) : IClassFixture<ImrWebFactory>
{
    private readonly WebFlow _flow = new(factory);

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        using var intake = await factory.SignedInAsync("intake");
        intake.Http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN"); // a browser's form sends none
        var fields = new Dictionary<string, string>
        {
            ["Form.EmployeeName"] = WebFlow.NewEmployee(),
            ["Form.Employer"] = WebFlow.Employer,
            ["Form.ClaimsAdministrator"] = WebFlow.ClaimsAdministrator,
            ["Form.RequestingPhysician"] = WebFlow.Physician,
            ["Form.DateOfInjury"] = "2025-01-02",
            ["Form.ReceivedOn"] = WebFlow.Today.ToString("yyyy-MM-dd"),
            ["Form.Treatments[0].Treatment"] = "Acupuncture 6 sessions",
        };
        var without = await intake.PostFormAsync("/cases/new", "/cases/new", fields, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);

        var with = await intake.PostFormAsync("/cases/new", "/cases/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, with.StatusCode);
        Assert.Matches("^/cases/CM[0-9]{2}-[0-9]{7}$", with.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_signed_in_api_write_without_the_antiforgery_header_is_refused()
    {
        using var intake = await factory.SignedInAsync("intake");
        intake.Http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        var response = await intake.PostJsonAsync("/api/cases", WebFlow.Application(WebFlow.NewEmployee()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_upload_larger_than_20_MB_is_refused_with_the_limit_named()
    {
        var (number, _) = await _flow.CreateAsync();
        using var intake = await factory.SignedInAsync("intake");
        var big = new byte[NewDocument.MaxSize + 1];
        Pdf.CopyTo(big, 0);
        var response = await intake.Http.PostAsync($"/api/cases/{number}/documents", ImrClient.File("records.pdf", big, "application/pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("at most 20 MB", problem);
        Assert.Contains("The file is 20.1 MB", problem); // rounded up: never "20.0 MB; at most 20 MB"
    }

    [Theory]
    [InlineData("scan.png", "image/png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "Only PDF files and plain text files")]
    [InlineData("records.pdf", "application/pdf", new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E }, "not one")]
    [InlineData("notes.txt", "text/plain", new byte[] { 0x61, 0x00, 0x62 }, "not UTF-8 text")]
    public async Task An_upload_of_another_type_is_refused_with_the_reason(string name, string type, byte[] content, string reason)
    {
        var (number, _) = await _flow.CreateAsync();
        using var intake = await factory.SignedInAsync("intake");
        var response = await intake.Http.PostAsync($"/api/cases/{number}/documents", ImrClient.File(name, content, type));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_refused_upload_on_the_case_page_shows_the_reason()
    {
        var (number, _) = await _flow.CreateAsync();
        using var intake = await factory.SignedInAsync("intake");
        var form = ImrClient.File("scan.png", [0x89, 0x50, 0x4E, 0x47], "image/png");
        form.Add(new StringContent(await intake.FormTokenAsync($"/cases/{number}")), "__RequestVerificationToken");
        var response = await intake.Http.PostAsync($"/cases/{number}?handler=Upload", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Only PDF files and plain text files are accepted", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_upload_larger_than_the_server_reads_on_the_case_page_names_the_limit()
    {
        var (number, _) = await _flow.CreateAsync();
        using var intake = await factory.SignedInAsync("intake");
        var form = ImrClient.File("scan.pdf", new byte[DocumentUploads.RequestLimit + 1], "application/pdf");
        form.Add(new StringContent(await intake.FormTokenAsync($"/cases/{number}")), "__RequestVerificationToken");
        var response = await intake.Http.PostAsync($"/cases/{number}?handler=Upload", form);
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, page);
        Assert.Contains("The upload is too large", page);
        Assert.Contains("at most 20 MB", page);
    }

    [Fact]
    public async Task A_PDF_is_recognised_by_its_signature_and_served_with_its_type_and_file_name_and_text_is_shown_inline()
    {
        var (number, _) = await _flow.CreateAsync();
        using var intake = await factory.SignedInAsync("intake");
        var pdf = await intake.Http.PostAsync($"/api/cases/{number}/documents", ImrClient.File("records", Pdf, "application/octet-stream"));
        await ImrClient.ExpectAsync(pdf, HttpStatusCode.Created);
        var pdfInfo = await pdf.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("application/pdf", pdfInfo.GetProperty("contentType").GetString());
        var text = await intake.Http.PostAsync($"/api/cases/{number}/documents", ImrClient.File("progress note.txt", Encoding.UTF8.GetBytes("Pain 7/10 <b>not bold</b>."), "text/plain"));
        await ImrClient.ExpectAsync(text, HttpStatusCode.Created);
        var textId = (await text.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var served = await intake.GetAsync($"/cases/{number}/documents/{pdfInfo.GetProperty("id").GetString()}?handler=Content");
        Assert.Equal("application/pdf", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", served.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Pdf, await served.Content.ReadAsByteArrayAsync());
        var page = await (await intake.GetAsync($"/cases/{number}/documents/{textId}")).Content.ReadAsStringAsync();
        Assert.Contains("Pain 7/10 &lt;b&gt;not bold&lt;/b&gt;.", page);
        var api = await intake.GetAsync($"/api/cases/{number}/documents/{textId}");
        Assert.Equal("text/plain", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Sign_in_with_a_wrong_password_fails_and_five_in_a_row_lock_the_account_out()
    {
        using var admin = await factory.SignedInAsync("admin");
        var hash = Imr.Operations.Services.IdentityPasswordHash.Hash("right-password-1");
        // A user of its own, so the lockout touches no other test.
        var store = (Imr.Operations.Storage.ICaseStore)factory.Services.GetService(typeof(Imr.Operations.Storage.ICaseStore))!;
        var adminUser = (await store.FindUserAsync("admin"))!;
        await store.CreateUserAsync(adminUser, new NewUser("lockme", "Lock Me", Role.Intake, null, hash));

        using var client = factory.Client();
        for (var i = 0; i < SignInPolicy.MaxFailedAttempts; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/auth/sign-in", new { userName = "lockme", password = "wrong" })).StatusCode);
        var locked = await client.PostJsonAsync("/api/auth/sign-in", new { userName = "lockme", password = "right-password-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("Locked out", await locked.Content.ReadAsStringAsync());

        var form = await client.PostFormAsync("/account/sign-in", "/account/sign-in", new Dictionary<string, string> { ["UserName"] = "lockme", ["Password"] = "right-password-1" });
        Assert.Contains("locked", await form.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sign_in_through_the_form_sets_the_session_and_returns_to_the_page_asked_for()
    {
        using var client = factory.Client();
        var response = await client.PostFormAsync("/account/sign-in", "/account/sign-in",
            new Dictionary<string, string> { ["UserName"] = "coordinator", ["Password"] = Imr.Operations.Demo.DemoData.Password, ["ReturnUrl"] = "/roster" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/roster", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/roster")).StatusCode);

        var wrong = await factory.Client().PostFormAsync("/account/sign-in", "/account/sign-in", new Dictionary<string, string> { ["UserName"] = "coordinator", ["Password"] = "nope" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("Unknown user name or wrong password", await wrong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_offsite_return_address_is_ignored_after_sign_in()
    {
        using var client = factory.Client();
        var response = await client.PostFormAsync("/account/sign-in", "/account/sign-in",
            new Dictionary<string, string> { ["UserName"] = "qa", ["Password"] = Imr.Operations.Demo.DemoData.Password, ["ReturnUrl"] = "https://evil.example/" });
        Assert.Equal("/dashboard", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Reads_and_writes_of_a_case_are_in_the_audit_log_with_who_and_what()
    {
        var (number, _) = await _flow.CreateAsync();
        using (var coordinator = await factory.SignedInAsync("coordinator"))
        {
            await ImrClient.ExpectAsync(await coordinator.GetAsync($"/cases/{number}"), HttpStatusCode.OK);
            await WebFlow.StepAsync(coordinator, $"/api/cases/{number}/eligibility-check", null);
        }
        using (var reviewer = await factory.SignedInAsync("reviewer"))
            Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync($"/api/cases/{number}")).StatusCode);

        using var admin = await factory.SignedInAsync("admin");
        var entries = await admin.GetJsonAsync<List<JsonElement>>($"/api/audit?caseNumber={number}");
        bool Has(string user, string action) => entries.Exists(e => e.GetProperty("userName").GetString() == user && e.GetProperty("action").GetString() == action);
        Assert.True(Has("intake", "Create"), "creation by intake");
        Assert.True(Has("coordinator", "Read"), "read by the coordinator");
        Assert.True(Has("coordinator", "Update"), "eligibility decided by the coordinator");
        Assert.True(Has("reviewer", "AccessDenied"), "the reviewer's refused read");

        var page = await (await admin.GetAsync($"/admin/audit?caseNumber={number}")).Content.ReadAsStringAsync();
        Assert.Contains("eligibility: eligible", page);
    }

    [Fact]
    public async Task Public_pages_and_routes_show_only_the_redacted_letter_without_the_parties_names()
    {
        var (number, employee) = await _flow.IssuedAsync();
        string[] names = [employee, employee.Split(' ')[1], WebFlow.Employer, WebFlow.Physician, WebFlow.ClaimsAdministrator];
        using var visitor = factory.Client();
        var pages = new[]
        {
            $"/archive/letters/{number}", $"/api/archive/letters/{number}", "/archive?q=epidural", "/api/archive/search?q=epidural&limit=200", "/archive?q=warehouse",
        };
        foreach (var url in pages)
        {
            var response = await visitor.GetAsync(url);
            await ImrClient.ExpectAsync(response, HttpStatusCode.OK);
            var body = await response.Content.ReadAsStringAsync();
            foreach (var name in names) Assert.False(body.Contains(name, StringComparison.OrdinalIgnoreCase), $"{url} shows '{name}'");
        }
        Assert.Contains(number, await (await visitor.GetAsync("/archive?q=epidural")).Content.ReadAsStringAsync());

        // Staff see the letter as issued, with the names.
        using var qa = await factory.SignedInAsync("qa");
        Assert.Contains(employee, await (await qa.GetAsync($"/cases/{number}/letter")).Content.ReadAsStringAsync());
        var text = await qa.GetAsync($"/api/cases/{number}/letter?format=text");
        Assert.Equal("text/plain", text.Content.Headers.ContentType?.MediaType);
        Assert.Contains("IMR ISSUES, DECISIONS AND RATIONALES", await text.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_reviewer_workspace_shows_the_engine_panel_and_similar_determinations()
    {
        var (number, _) = await _flow.AssignedAsync();
        using var reviewer = await factory.SignedInAsync("reviewer");
        var page = await (await reviewer.GetAsync($"/cases/{number}/review")).Content.ReadAsStringAsync();
        Assert.Contains("Engine draft", page);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(EngineDrafter.NoSummary), page);
        Assert.Contains("Similar past determinations", page);
        Assert.Contains("id=\"item-1-undecided\" value=\"\" checked=\"checked\"", page);
    }
}
