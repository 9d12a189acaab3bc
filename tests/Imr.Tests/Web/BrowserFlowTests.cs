using System.Text.RegularExpressions;
using Imr.Operations.Demo;
using Microsoft.Playwright;

namespace Imr.Tests.Web;

/// <summary>
/// End to end in a real browser: one case from the application to the published letter, each role
/// signing in at its own desk, through the pages only. With IMR_UPDATE_SCREENSHOTS=1 the main pages are
/// saved to docs/screenshots (the README shows them); otherwise beside the test binaries.
/// </summary>
public sealed partial class BrowserFlowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string Shots = Environment.GetEnvironmentVariable("IMR_UPDATE_SCREENSHOTS") == "1"
        ? Path.Combine(RepositoryRoot(), "docs", "screenshots")
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    private const string Employee = "Rosalind Featherstonehaugh";

    [BrowserFact]
    public async Task A_case_runs_from_application_to_published_letter_with_each_role_in_turn()
    {
        Directory.CreateDirectory(Shots);

        // Intake registers the application and its records.
        var intake = await SignInAsync("intake");
        await intake.GotoAsync("/cases/new");
        await intake.FillAsync("#Form_EmployeeName", Employee);
        await intake.FillAsync("#Form_Employer", "Lakeshore Cold Storage, Inc.");
        await intake.FillAsync("#Form_ClaimsAdministrator", "Sierra Mutual Claims Services");
        await intake.FillAsync("#Form_RequestingPhysician", "Dr. Nadia Petrov");
        await intake.FillAsync("#Form_DateOfInjury", WebFlow.Today.AddYears(-1).ToString("yyyy-MM-dd"));
        await intake.FillAsync("#Form_UrDecisionDate", WebFlow.Today.AddDays(-12).ToString("yyyy-MM-dd"));
        await intake.FillAsync("#Form_ReceivedOn", WebFlow.Today.AddDays(-3).ToString("yyyy-MM-dd"));
        await intake.FillAsync("#Form_Treatments_0__Treatment", "Lumbar epidural steroid injection L4-5");
        await intake.FillAsync("#Form_Treatments_0__Guideline", "ODG Low Back, Epidural steroid injections");
        await intake.FillAsync("#Form_Treatments_1__Treatment", "Norco 10/325 mg #90");
        await ShotAsync(intake, "01-intake-form");
        await intake.ClickAsync("#intake-form button[type=submit]");
        await intake.WaitForURLAsync(CasePage());
        var number = CasePage().Match(intake.Url).Groups[1].Value;
        await Expect(intake.Locator("h1")).ToContainTextAsync("Received");

        var folder = Directory.CreateTempSubdirectory("imr-e2e-").FullName;
        var records = Path.Combine(folder, "progress-note-pain-management.txt");
        await File.WriteAllTextAsync(records, $"Progress note. {Employee} reports low back pain radiating to the left leg, 7/10. MRI shows an L4-5 disc protrusion. Six weeks of physical therapy failed.");
        await intake.SetInputFilesAsync("#file", records);
        await intake.ClickAsync("form[enctype='multipart/form-data'] button[type=submit]");
        await Expect(intake.Locator("#documents-title + table")).ToContainTextAsync("progress-note");
        Directory.Delete(folder, recursive: true);

        // The coordinator decides eligibility, asks for and records the records, and assigns a reviewer.
        var coordinator = await SignInAsync("coordinator");
        await coordinator.GotoAsync($"/cases/{number}");
        await coordinator.ClickAsync("#check-eligibility");
        await Expect(coordinator.Locator("h1")).ToContainTextAsync("Eligible");
        await coordinator.ClickAsync("#request-records");
        await Expect(coordinator.Locator("h1")).ToContainTextAsync("Records requested");
        await coordinator.ClickAsync("#records-received");
        await Expect(coordinator.Locator(".flash.ok")).ToContainTextAsync("Records received");
        await ShotAsync(coordinator, "03-case-reviewer-matches");
        await coordinator.ClickAsync("button[data-reviewer='Elena Marsh, MD']");
        await Expect(coordinator.Locator("h1")).ToContainTextAsync("Assigned");
        await coordinator.GotoAsync("/dashboard");
        await Expect(coordinator.Locator("main")).ToContainTextAsync(number);
        await ShotAsync(coordinator, "02-dashboard");

        // The reviewer sees the case, the engine panel and similar determinations, decides and submits.
        await WaitForCorpusAsync(coordinator);
        var reviewer = await SignInAsync("reviewer");
        await reviewer.GotoAsync("/dashboard");
        await reviewer.ClickAsync($"a[href='/cases/{number}']");
        await reviewer.ClickAsync($"a[href='/cases/{number}/review']");
        await Expect(reviewer.Locator("#draft-title")).ToBeVisibleAsync();
        await Expect(reviewer.Locator(".hits li").First).ToBeVisibleAsync();
        await Expect(reviewer.Locator("#draft .none")).ToContainTextAsync("drafts from the clinical case summary");
        await reviewer.FillAsync("#Form_CaseSummary",
            $"{Employee} is a 44 year old warehouse worker who injured the low back lifting on the job. She reports radiating left leg pain despite six weeks of physical therapy; MRI shows an L4-5 disc protrusion. The requesting physician asks for a lumbar epidural steroid injection and continued Norco.");
        // The engine drafts from the summary as typed; its draft of an item can be copied into the item's fields.
        await reviewer.ClickAsync("#redraft");
        await Expect(reviewer.Locator("#draft-item-1 .proposal .badge")).ToHaveTextAsync(new Regex("^(Upheld|Overturned)$"));
        await Expect(reviewer.Locator("#draft-item-2 .criteria li").First).ToBeVisibleAsync();
        await Expect(reviewer.Locator("#draft-item-2 .rationale")).ToContainTextAsync("medically necessary");
        await Expect(reviewer.Locator("#Form_CaseSummary")).ToHaveValueAsync(new Regex("^" + Employee));
        await reviewer.ClickAsync("#use-draft-2");
        await Expect(reviewer.Locator("#Form_Items_1__Rationale")).ToHaveValueAsync(new Regex("Therefore, the request for .* medically necessary\\.$"));
        await Expect(reviewer.Locator("#Form_CaseSummary")).ToHaveValueAsync(new Regex("^" + Employee));
        await reviewer.CheckAsync("#item-1-overturned");
        await reviewer.FillAsync("#Form_Items_0__Guideline", "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Epidural steroid injections (ESIs).");
        await reviewer.FillAsync("#Form_Items_0__Rationale", "Radiculopathy is documented by examination and corroborated by imaging, and conservative treatment has failed. Therefore, the requested lumbar epidural steroid injection at L4-5 is medically necessary.");
        await reviewer.CheckAsync("#item-2-upheld");
        await reviewer.FillAsync("#Form_Items_1__Guideline", "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids, criteria for use.");
        await reviewer.FillAsync("#Form_Items_1__Rationale", "There is no documented functional improvement, urine drug screen or pain agreement. Therefore, Norco 10/325 mg #90 is not medically necessary.");
        await ShotAsync(reviewer, "04-reviewer-workspace");
        await reviewer.ClickAsync("#submit-review");
        await Expect(reviewer.Locator("h1")).ToContainTextAsync("QA");

        // QA checks, approves and issues; the letter is written and its redacted copy published.
        var qa = await SignInAsync("qa");
        await qa.GotoAsync($"/cases/{number}/qa");
        await Expect(qa.Locator("#findings-title")).ToBeVisibleAsync();
        await ShotAsync(qa, "05-quality-assurance");
        await qa.ClickAsync("#approve");
        await Expect(qa.Locator(".flash.ok")).ToContainTextAsync("Approved");
        await qa.ClickAsync("#issue");
        await qa.WaitForURLAsync($"**/cases/{number}/letter");
        await Expect(qa.Locator(".imr-letter")).ToContainTextAsync("Overturned");
        await Expect(qa.Locator(".imr-letter")).ToContainTextAsync(Employee);
        await ShotAsync(qa, "06-issued-letter");
        var download = await qa.RunAndWaitForDownloadAsync(() => qa.ClickAsync("#letter-pdf"));
        Assert.EndsWith(".pdf", download.SuggestedFilename);

        // The public finds the published letter, without the parties' names.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/archive?q=epidural");
        await Expect(visitor.Locator(".hits")).ToContainTextAsync(number);
        await ShotAsync(visitor, "07-archive-search");
        await visitor.ClickAsync($".hits a[href='/archive/letters/{number}']");
        await Expect(visitor.Locator(".imr-letter")).ToContainTextAsync("lumbar epidural steroid injection");
        Assert.DoesNotContain("Featherstonehaugh", await visitor.ContentAsync());
        Assert.DoesNotContain("Petrov", await visitor.ContentAsync());
        await ShotAsync(visitor, "08-published-letter");
        await visitor.GotoAsync("/archive/reports");
        await Expect(visitor.Locator(".imr-report svg").First).ToBeVisibleAsync();
        await ShotAsync(visitor, "09-reports", fullPage: false);

        // The administrator reads who did what.
        var admin = await SignInAsync("admin");
        await admin.GotoAsync($"/admin/audit?caseNumber={number}");
        await Expect(admin.Locator("#audit")).ToContainTextAsync("determination issued");
        await ShotAsync(admin, "10-audit-log", fullPage: false);
        await admin.GotoAsync("/admin/users");
        await Expect(admin.Locator("#users")).ToContainTextAsync("reviewer2");
        await ShotAsync(admin, "11-users", fullPage: false);
        await admin.GotoAsync("/roster");
        await admin.ClickAsync("a[aria-label='Edit Elena Marsh, MD']");
        await Expect(admin.Locator("#Form_Name")).ToHaveValueAsync("Elena Marsh, MD");
        await ShotAsync(admin, "12-roster-entry");
    }

    [BrowserFact]
    public async Task Signed_out_a_staff_page_leads_to_the_sign_in_form_and_back()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/dashboard");
        await page.WaitForURLAsync("**/account/sign-in?ReturnUrl=%2Fdashboard");
        await page.FillAsync("#UserName", "qa");
        await page.FillAsync("#Password", DemoData.Password);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**/dashboard");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
    }

    private async Task<IPage> SignInAsync(string user)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", DemoData.Password);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**/dashboard");
        return page;
    }

    private static async Task WaitForCorpusAsync(IPage page)
    {
        for (var i = 0; i < 480; i++)
        {
            var status = await page.APIRequest.GetAsync("/api/archive/status");
            var json = await status.JsonAsync();
            if (json?.GetProperty("import").GetString() is "Completed" or "Skipped" or "Failed") return;
            await Task.Delay(250);
        }
    }

    private static Task ShotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name + ".png"), FullPage = fullPage });

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Imr.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("The repository (Imr.sln) was not found above the test binaries.");
    }

    [GeneratedRegex(@"/cases/(CM\d{2}-\d{7})$")]
    private static partial Regex CasePage();
}
