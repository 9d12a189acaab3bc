using Imr.Archive.Reports;
using Imr.Archive.Storage;
using Imr.Letters.Writing;
using Imr.Operations.Demo;
using Imr.Operations.Storage;
using Imr.Web.Apis;
using Imr.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Imr.Web.Extensions;

public static class WebApplicationExtensions
{
    /// <summary>Brings the archive and the operations tables up to date and seeds the demo users and
    /// roster (both idempotent and quick); the corpus import then runs in the background.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ImrOptions>>().Value;
        var store = app.Services.GetRequiredService<ICaseStore>();
        await app.Services.GetRequiredService<IArchive>().MigrateAsync();
        await store.MigrateAsync();
        app.Logger.LogInformation("Database: {Engine} {Database}", store.Engine, store is SqliteCaseStore sqlite ? sqlite.Path : "(PostgreSQL)");
        if (options.SeedDemoData)
        {
            var passwords = app.Services.GetRequiredService<Passwords>();
            var (users, reviewers) = await DemoData.SeedAsync(store, passwords.Hash);
            if (users + reviewers > 0)
                app.Logger.LogInformation("Seeded {Users} demo users (password {Password}) and {Reviewers} roster reviewers", users, DemoData.Password, reviewers);
        }
    }

    /// <summary>The request pipeline: errors as problem details (API) or the error page, security headers,
    /// static files, sign-in, policies, rate limits, antiforgery.</summary>
    public static WebApplication UseImrWeb(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : OperationsProblems.StatusOf(e),
            // A refusal of the store is an answer, not a fault: no error log for it.
            SuppressDiagnosticsCallback = c => c.Exception is Operations.Model.OperationsException or BadHttpRequestException,
        });
        app.UseWhen(c => c.Request.IsApi(), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.IsApi(), pages => pages.UseStatusCodePagesWithReExecute("/error", "?status={0}"));
        // A page's form larger than the server reads would fail while it is read (antiforgery, binding):
        // refuse it at once, so that the error page names the upload limit.
        app.Use((context, next) =>
        {
            if (!DocumentUploads.IsTooLargeForAPage(context)) return next(context);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        });
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>Health, the OpenAPI document, the letter and report styles, the pages and the API.</summary>
    public static WebApplication MapImrWeb(this WebApplication app)
    {
        app.MapHealthChecks("/healthz");
        app.MapOpenApi();
        app.MapGet("/css/letter.css", () => TypedResults.Text(LetterHtmlWriter.Stylesheet, "text/css")).ExcludeFromDescription();
        app.MapGet("/css/report.css", () => TypedResults.Text(ReportHtmlWriter.Stylesheet, "text/css")).ExcludeFromDescription();
        app.MapRazorPages();

        var api = app.MapGroup("/api").RequireAntiforgeryWhenSignedIn();
        api.MapAuthApi();
        api.MapCasesApi();
        api.MapDocumentsApi();
        api.MapReviewersApi();
        api.MapArchiveApi();
        api.MapAuditApi();
        api.MapUsersApi();
        return app;
    }
}
