using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Imr.DecisionSupport;
using Imr.Letters.Model;
using Imr.Web.Infrastructure;

namespace Imr.Tests.Web;

/// <summary>The guideline engine's draft in the reviewer workspace and through the API: what it shows, who
/// may read it, that reading it is audited, and that using it fills the form without saving.</summary>
public sealed class WebDraftTests(ImrWebFactory factory) : IClassFixture<ImrWebFactory>
{
    private readonly WebFlow _flow = new(factory);

    private const string Summary =
        "The patient is a 52 year old warehouse worker with chronic low back pain radiating to the left leg since a lifting injury. " +
        "Examination shows decreased sensation in the L5 dermatome and a positive straight leg raise on the left. " +
        "MRI of the lumbar spine shows an L4-5 disc protrusion contacting the left L5 nerve root. " +
        "She completed eight weeks of physical therapy and NSAIDs without lasting relief.";

    /// <summary>What the engine itself drafts for the case file the web layer gives it: the summary, the
    /// application's items, dates and priority (as <see cref="WebFlow.Application"/> registers them).</summary>
    private static DraftItem EngineItem() => DraftEngine.Draft(new CaseFile
    {
        CaseSummary = Summary,
        Items = [new CaseFileItem("Lumbar epidural steroid injection L4-5")],
        DateOfInjury = WebFlow.Today.AddYears(-1),
        UrDenialDate = WebFlow.Today.AddDays(-10),
        Priority = Priority.Standard,
    }).Items[0];

    private async Task<(string Number, ImrClient Reviewer)> SummarisedAsync()
    {
        var (number, _) = await _flow.AssignedAsync();
        var reviewer = await factory.SignedInAsync("reviewer");
        await ImrClient.ExpectAsync(await reviewer.PutJsonAsync($"/api/cases/{number}/review", new
        {
            caseSummary = Summary,
            items = new[] { new { decision = (string?)null, reviewerGuideline = "", rationale = "" } },
        }), HttpStatusCode.OK);
        return (number, reviewer);
    }

    [Fact]
    public async Task The_draft_api_gives_the_engines_proposal_criteria_evidence_missing_documentation_and_rationale()
    {
        var (number, reviewer) = await SummarisedAsync();
        using var _ = reviewer;
        var draft = await reviewer.GetJsonAsync<JsonElement>($"/api/cases/{number}/draft");
        Assert.True(draft.GetProperty("available").GetBoolean());
        var item = Assert.Single(draft.GetProperty("items").EnumerateArray());
        var engine = EngineItem();
        Assert.Equal(1, item.GetProperty("item").GetInt32());
        Assert.Equal(engine.Decision.ToString(), item.GetProperty("proposedDecision").GetString());
        Assert.Equal(engine.Confidence, item.GetProperty("confidence").GetDouble());
        Assert.Equal(engine.Category, item.GetProperty("category").GetString());
        Assert.Equal(engine.Rationale, item.GetProperty("rationale").GetString());
        Assert.Equal(engine.Missing.Count, item.GetProperty("missing").GetArrayLength());
        Assert.Equal(engine.Citations.Count, item.GetProperty("citations").GetArrayLength());
        if (engine.Citations.Count > 0) Assert.StartsWith("Decision based on", item.GetProperty("citedGuideline").GetString());
        var criteria = item.GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal(engine.Criteria.Count, criteria.Count);
        foreach (var (json, expected) in criteria.Zip(engine.Criteria))
        {
            Assert.Equal(expected.Id, json.GetProperty("id").GetString());
            Assert.Equal(expected.Description, json.GetProperty("text").GetString());
            Assert.Equal(JsonSerializer.Serialize(expected.Status).Trim('"'), json.GetProperty("status").GetString());
            var spans = json.GetProperty("evidenceSpans").EnumerateArray().ToList();
            Assert.Equal(expected.Evidence.Count, spans.Count);
            // Each evidence span points at its words in the saved summary.
            foreach (var span in spans)
                Assert.Equal(span.GetProperty("text").GetString(), Summary.Substring(span.GetProperty("start").GetInt32(), span.GetProperty("length").GetInt32()));
        }
    }

    [Fact]
    public async Task Without_a_saved_summary_the_draft_says_what_it_needs()
    {
        var (number, _) = await _flow.AssignedAsync();
        using var reviewer = await factory.SignedInAsync("reviewer");
        var draft = await reviewer.GetJsonAsync<JsonElement>($"/api/cases/{number}/draft");
        Assert.False(draft.GetProperty("available").GetBoolean());
        Assert.Equal(EngineDrafter.NoSummary, draft.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("reviewer2", HttpStatusCode.Forbidden)]
    [InlineData("coordinator", HttpStatusCode.Forbidden)]
    [InlineData("qa", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.Forbidden)]
    [InlineData("intake", HttpStatusCode.Forbidden)]
    public async Task Only_the_assigned_reviewer_reads_the_draft(string user, HttpStatusCode expected)
    {
        var (number, reviewer) = await SummarisedAsync();
        reviewer.Dispose();
        using var other = await factory.SignedInAsync(user);
        var response = await other.GetAsync($"/api/cases/{number}/draft");
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(EngineItem().Rationale, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signed_out_the_draft_is_401()
    {
        var (number, _) = await _flow.AssignedAsync();
        using var client = factory.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/cases/{number}/draft")).StatusCode);
    }

    [Fact]
    public async Task Reading_the_draft_is_audited_and_so_is_another_reviewers_attempt()
    {
        var (number, reviewer) = await SummarisedAsync();
        using (reviewer) await ImrClient.ExpectAsync(await reviewer.GetAsync($"/api/cases/{number}/draft"), HttpStatusCode.OK);
        using (var okafor = await factory.SignedInAsync("reviewer2"))
            Assert.Equal(HttpStatusCode.Forbidden, (await okafor.GetAsync($"/api/cases/{number}/draft")).StatusCode);
        using var admin = await factory.SignedInAsync("admin");
        var entries = await admin.GetJsonAsync<List<JsonElement>>($"/api/audit?caseNumber={number}");
        Assert.Contains(entries, e => e.GetProperty("userName").GetString() == "reviewer" && e.GetProperty("action").GetString() == "Read"
            && e.GetProperty("detail").GetString() == "engine draft");
        Assert.Contains(entries, e => e.GetProperty("userName").GetString() == "reviewer2" && e.GetProperty("action").GetString() == "AccessDenied");
    }

    [Fact]
    public async Task The_workspace_shows_the_draft_beside_each_item_with_a_button_to_use_it()
    {
        var (number, reviewer) = await SummarisedAsync();
        using var _ = reviewer;
        var page = WebUtility.HtmlDecode(await (await reviewer.GetAsync($"/cases/{number}/review")).Content.ReadAsStringAsync());
        var engine = EngineItem();
        Assert.Contains("id=\"draft-item-1\"", page);
        Assert.Contains($"<span class=\"badge {engine.Decision}\">{engine.Decision}</span>", page);
        Assert.Contains($"confidence {engine.Confidence:0.00}", page);
        Assert.Contains(engine.Rationale, page);
        foreach (var criterion in engine.Criteria)
        {
            Assert.Contains(criterion.Description, page);
            foreach (var evidence in criterion.Evidence) Assert.Contains($">{evidence.Text}</q>", page);
        }
        foreach (var missing in engine.Missing) Assert.Contains($"<li>{missing}</li>", page);
        if (engine.Missing.Count > 0) Assert.Contains("Missing documentation", page);
        Assert.Contains("href=\"#draft-item-1\"", page);
        Assert.Contains("form=\"review-form\"", page);
        Assert.Contains("id=\"use-draft-1\"", page);
    }

    [Fact]
    public async Task Using_the_draft_fills_the_items_citation_and_rationale_without_saving()
    {
        var (number, reviewer) = await SummarisedAsync();
        using var _ = reviewer;
        var before = await reviewer.GetJsonAsync<JsonElement>($"/api/cases/{number}");
        var version = before.GetProperty("case").GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await reviewer.PostFormAsync($"/cases/{number}/review", $"/cases/{number}/review?handler=UseDraft", new Dictionary<string, string>
        {
            ["Version"] = version,
            ["Form.CaseSummary"] = Summary,
            ["Form.Items[0].Decision"] = "",
            ["Form.Items[0].Guideline"] = "",
            ["Form.Items[0].Rationale"] = "",
            ["item"] = "1",
        });
        await ImrClient.ExpectAsync(response, HttpStatusCode.OK);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var engine = EngineItem();
        Assert.Matches($"<textarea[^>]*name=\"Form.Items\\[0\\].Rationale\"[^>]*>\\s*{System.Text.RegularExpressions.Regex.Escape(engine.Rationale)}</textarea>", page);
        if (engine.Citations.Count > 0)
            Assert.Matches($"<textarea[^>]*name=\"Form.Items\\[0\\].Guideline\"[^>]*>\\s*{System.Text.RegularExpressions.Regex.Escape(Imr.Letters.Citations.CitationWriter.Write(engine.Citations))}</textarea>", page);
        Assert.Contains("draft citation and rationale copied", page);
        var after = await reviewer.GetJsonAsync<JsonElement>($"/api/cases/{number}");
        Assert.Equal(before.GetProperty("case").GetProperty("version").GetInt64(), after.GetProperty("case").GetProperty("version").GetInt64());
        Assert.Equal("", after.GetProperty("case").GetProperty("review").GetProperty("items")[0].GetProperty("rationale").GetString());
    }

    [Fact]
    public async Task Drafting_from_the_summary_in_the_form_saves_nothing_and_says_so()
    {
        var (number, _) = await _flow.AssignedAsync();
        using var reviewer = await factory.SignedInAsync("reviewer");
        var response = await reviewer.PostFormAsync($"/cases/{number}/review", $"/cases/{number}/review?handler=Redraft", new Dictionary<string, string>
        {
            ["Version"] = "0",
            ["Form.CaseSummary"] = Summary,
            ["Form.Items[0].Decision"] = "",
        });
        await ImrClient.ExpectAsync(response, HttpStatusCode.OK);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(EngineItem().Rationale, page);
        Assert.Contains("not yet saved", page);
        var saved = await reviewer.GetJsonAsync<JsonElement>($"/api/cases/{number}");
        Assert.Equal(JsonValueKind.Null, saved.GetProperty("case").GetProperty("review").ValueKind);
    }

    [Fact]
    public async Task The_draft_forms_need_the_antiforgery_token()
    {
        var (number, _) = await _flow.AssignedAsync();
        using var reviewer = await factory.SignedInAsync("reviewer");
        reviewer.Http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN"); // a browser's form sends none
        var response = await reviewer.PostFormAsync($"/cases/{number}/review", $"/cases/{number}/review?handler=UseDraft",
            new Dictionary<string, string> { ["Form.CaseSummary"] = Summary, ["item"] = "1" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Another_reviewer_cannot_use_or_redraft_by_posting_the_form()
    {
        var (number, _) = await _flow.AssignedAsync(WebFlow.Okafor);
        using var marsh = await factory.SignedInAsync("reviewer");
        var token = await marsh.FormTokenAsync("/dashboard");
        var response = await marsh.Http.PostAsync($"/cases/{number}/review?handler=Redraft", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Form.CaseSummary"] = Summary,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
