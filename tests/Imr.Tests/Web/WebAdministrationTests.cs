using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace Imr.Tests.Web;

/// <summary>The roster's credentials and the users: who may change them, through the pages and the API,
/// that passwords are stored as PasswordHasher hashes, and that every change is audited.</summary>
public sealed class WebAdministrationTests(ImrWebFactory factory) : IClassFixture<ImrWebFactory>
{
    private static object Reviewer(string name, int years = 12) => new
    {
        name,
        boardCertifications = new[] { "Orthopaedic Surgery" },
        subspecialties = new[] { "Spine Surgery" },
        licensureStates = new[] { "CA", "NV" },
        yearsInActivePractice = years,
        weeklyPracticeHours = 32,
        affiliations = new[] { new { kind = "ProviderGroup", name = "Bayview Orthopedic Medical Group" } },
        active = true,
    };

    private static string UniqueName(string stem) => stem + Guid.NewGuid().ToString("N")[..6];

    [Theory]
    [InlineData("admin", HttpStatusCode.Created)]
    [InlineData("coordinator", HttpStatusCode.Created)]
    [InlineData("qa", HttpStatusCode.Forbidden)]
    [InlineData("intake", HttpStatusCode.Forbidden)]
    [InlineData("reviewer", HttpStatusCode.Forbidden)]
    public async Task Administrators_and_coordinators_add_reviewers_to_the_roster_through_the_api(string user, HttpStatusCode expected)
    {
        using var client = await factory.SignedInAsync(user);
        await ImrClient.ExpectAsync(await client.PostJsonAsync("/api/reviewers", Reviewer(UniqueName("Dr. Ines Calloway "))), expected);
    }

    [Fact]
    public async Task A_roster_entry_is_added_then_its_credentials_changed_and_read_back()
    {
        using var admin = await factory.SignedInAsync("admin");
        var name = UniqueName("Dr. Ines Calloway ");
        var created = await admin.PostJsonAsync("/api/reviewers", Reviewer(name));
        await ImrClient.ExpectAsync(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal($"/api/reviewers/{id}", created.Headers.Location!.OriginalString);

        await ImrClient.ExpectAsync(await admin.PutJsonAsync($"/api/reviewers/{id}", Reviewer(name, years: 20)), HttpStatusCode.OK);
        var read = await admin.GetJsonAsync<JsonElement>($"/api/reviewers/{id}");
        Assert.Equal(20, read.GetProperty("yearsInActivePractice").GetInt32());
        Assert.Equal("Spine Surgery", read.GetProperty("subspecialties")[0].GetString());
        Assert.Equal("NV", read.GetProperty("licensureStates")[1].GetString());
        Assert.Equal("Bayview Orthopedic Medical Group", read.GetProperty("affiliations")[0].GetProperty("name").GetString());

        var entries = await admin.GetJsonAsync<List<JsonElement>>("/api/audit?userName=admin&limit=1000");
        Assert.Contains(entries, e => e.GetProperty("detail").GetString() == $"roster: reviewer {id} updated");
    }

    [Fact]
    public async Task Invalid_roster_input_is_a_validation_problem_and_an_unknown_entry_is_404()
    {
        using var admin = await factory.SignedInAsync("admin");
        var response = await admin.PostJsonAsync("/api/reviewers", new { name = "", yearsInActivePractice = 200, weeklyPracticeHours = 10 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("Name", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("YearsInActivePractice", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutJsonAsync($"/api/reviewers/{Guid.NewGuid()}", Reviewer("Dr. Nobody"))).StatusCode);
    }

    [Fact]
    public async Task The_roster_form_adds_a_reviewer_with_credentials_and_affiliations()
    {
        using var coordinator = await factory.SignedInAsync("coordinator");
        var name = UniqueName("Dr. Marguerite Ashdown ");
        var response = await coordinator.PostFormAsync("/roster/edit", "/roster/edit", new Dictionary<string, string>
        {
            ["Form.Name"] = name,
            ["Form.BoardCertifications"] = "Physical Medicine & Rehabilitation\nPain Medicine",
            ["Form.Subspecialties"] = "",
            ["Form.LicensureStates"] = "CA, OR",
            ["Form.YearsInActivePractice"] = "14",
            ["Form.WeeklyPracticeHours"] = "30",
            ["Form.Affiliations"] = "Claims administrator: Golden State Indemnity\nPerson: Dr. Felix Orme",
            ["Form.Active"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/roster", response.Headers.Location!.OriginalString);
        var roster = WebUtility.HtmlDecode(await (await coordinator.GetAsync("/roster")).Content.ReadAsStringAsync());
        Assert.Contains(name, roster);
        Assert.Contains("Physical Medicine & Rehabilitation, Pain Medicine", roster);
        Assert.Contains("Golden State Indemnity (ClaimsAdministrator); Dr. Felix Orme (Person)", roster);
    }

    [Fact]
    public async Task The_roster_form_names_an_affiliation_it_cannot_read_and_keeps_the_input()
    {
        using var admin = await factory.SignedInAsync("admin");
        var response = await admin.PostFormAsync("/roster/edit", "/roster/edit", new Dictionary<string, string>
        {
            ["Form.Name"] = "Dr. Halden Voss",
            ["Form.BoardCertifications"] = "Neurology",
            ["Form.YearsInActivePractice"] = "9",
            ["Form.WeeklyPracticeHours"] = "40",
            ["Form.Affiliations"] = "Cousin of the employer",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("'Cousin of the employer' is not \"Kind: Name\"", page);
        Assert.Contains("value=\"Dr. Halden Voss\"", page);
    }

    [Fact]
    public async Task The_roster_form_edits_an_entry_and_a_malformed_or_unknown_id_is_not_found()
    {
        using var admin = await factory.SignedInAsync("admin");
        var page = WebUtility.HtmlDecode(await (await admin.GetAsync($"/roster/edit/{WebFlow.Okafor}")).Content.ReadAsStringAsync());
        Assert.Contains("Edit ", page);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/roster/edit/not-an-id")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/roster/edit/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_creates_a_user_who_signs_in_with_the_role_and_a_hashed_password()
    {
        using var admin = await factory.SignedInAsync("admin");
        var userName = UniqueName("intake-");
        var created = await admin.PostJsonAsync("/api/users", new { userName, displayName = "Priya Lindqvist", role = "Intake", password = "correct horse battery" });
        await ImrClient.ExpectAsync(created, HttpStatusCode.Created);
        var body = await created.Content.ReadAsStringAsync();
        Assert.DoesNotContain("correct horse", body);
        Assert.DoesNotContain("passwordHash", body);

        using var newcomer = factory.Client();
        await newcomer.SignInAsync(userName, "correct horse battery");
        var me = await newcomer.GetJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal("Intake", me.GetProperty("role").GetString());

        // Stored as Identity's PasswordHasher format (version 3: a 0x01 first byte), never in clear.
        await using var store = new Imr.Operations.Storage.SqliteCaseStore(factory.DatabasePath, TimeProvider.System);
        var stored = await store.FindUserAsync(userName);
        Assert.Equal(1, Convert.FromBase64String(stored!.PasswordHash)[0]);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<object>().VerifyHashedPassword(new object(), stored.PasswordHash, "correct horse battery"));
    }

    [Fact]
    public async Task A_reviewer_user_needs_a_roster_entry_and_a_short_password_is_refused()
    {
        using var admin = await factory.SignedInAsync("admin");
        var noEntry = await admin.PostJsonAsync("/api/users", new { userName = UniqueName("rev-"), role = "Reviewer", password = "long enough password" });
        Assert.Equal(HttpStatusCode.BadRequest, noEntry.StatusCode);
        Assert.True((await noEntry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("ExpertReviewerId", out _));
        var shortPassword = await admin.PostJsonAsync("/api/users", new { userName = UniqueName("qa-"), role = "Qa", password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        Assert.True((await shortPassword.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Password", out _));
        var linked = await admin.PostJsonAsync("/api/users", new { userName = UniqueName("rev-"), role = "Reviewer", expertReviewerId = WebFlow.Okafor, password = "long enough password" });
        await ImrClient.ExpectAsync(linked, HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_users_page_creates_a_user_deactivates_them_and_they_can_no_longer_sign_in()
    {
        using var admin = await factory.SignedInAsync("admin");
        var userName = UniqueName("coord-");
        var created = await admin.PostFormAsync("/admin/users", "/admin/users?handler=Create", new Dictionary<string, string>
        {
            ["Form.UserName"] = userName,
            ["Form.DisplayName"] = "Tomasz Wiercinski",
            ["Form.Role"] = "1",
            ["Form.ExpertReviewerId"] = "",
            ["Form.Password"] = "another long password",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var users = await admin.GetJsonAsync<List<JsonElement>>("/api/users");
        var user = users.Single(u => u.GetProperty("userName").GetString() == userName);
        Assert.Equal("Coordinator", user.GetProperty("role").GetString());
        var id = user.GetProperty("id").GetString();

        var deactivated = await admin.PostFormAsync("/admin/users", $"/admin/users?handler=Active&id={id}&active=false", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        using var client = factory.Client();
        var signIn = await client.Http.PostAsJsonAsync("/api/auth/sign-in", new { userName, password = "another long password" });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);

        var entries = await admin.GetJsonAsync<List<JsonElement>>("/api/audit?userName=admin&limit=1000");
        Assert.Contains(entries, e => e.GetProperty("detail").GetString() == $"user {userName}: deactivated");
    }

    [Fact]
    public async Task An_administrator_sets_a_password_and_cannot_deactivate_themself()
    {
        using var admin = await factory.SignedInAsync("admin");
        var userName = UniqueName("qa-");
        var created = await admin.PostJsonAsync("/api/users", new { userName, role = "Qa", password = "first long password" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await ImrClient.ExpectAsync(await admin.PutJsonAsync($"/api/users/{id}/password", new { password = "second long password" }), HttpStatusCode.OK);
        using (var qa = factory.Client()) await qa.SignInAsync(userName, "second long password");

        var me = await admin.GetJsonAsync<JsonElement>("/api/auth/me");
        var self = await admin.PutJsonAsync($"/api/users/{me.GetProperty("id").GetString()}/active", new { active = false });
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutJsonAsync($"/api/users/{Guid.NewGuid()}/active", new { active = false })).StatusCode);
    }

    [Fact]
    public async Task The_administration_forms_need_the_antiforgery_token()
    {
        using var admin = await factory.SignedInAsync("admin");
        admin.Http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN"); // a browser's form sends none
        var users = await admin.PostFormAsync("/admin/users", "/admin/users?handler=Create",
            new Dictionary<string, string> { ["Form.UserName"] = "forged", ["Form.Role"] = "4", ["Form.Password"] = "forged password 123" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, users.StatusCode);
        var roster = await admin.PostFormAsync("/roster/edit", "/roster/edit", new Dictionary<string, string> { ["Form.Name"] = "Forged" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, roster.StatusCode);
        Assert.DoesNotContain(await admin.GetJsonAsync<List<JsonElement>>("/api/users"), u => u.GetProperty("userName").GetString() == "forged");
    }
}
