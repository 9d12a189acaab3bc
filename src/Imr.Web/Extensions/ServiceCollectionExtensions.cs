using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Imr.Archive.Storage;
using Imr.Letters.Writing;
using Imr.Operations.Storage;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Imr.Web.Extensions;

public static class ServiceCollectionExtensions
{
    /// <summary>Everything the application needs: storage, sign-in and policies, limits, pages, the API.</summary>
    public static WebApplicationBuilder AddImrWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ImrOptions>().Bind(builder.Configuration.GetSection(ImrOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddStorage();
        services.AddSecurity();

        services.TryAddSingleton<IDeterminationDrafter, EngineDrafter>();
        services.AddSingleton(new LetterPdfWriter());
        services.AddSingleton<DeterminationLetters>();
        services.AddSingleton<SimilarDeterminations>();
        services.AddSingleton<CorpusImportStatus>();
        services.AddHostedService<CorpusImport>();

        services.AddRazorPages(options =>
        {
            // Staff only unless a page says otherwise: the public pages are listed here.
            options.Conventions.AuthorizeFolder("/", Policies.Staff);
            options.Conventions.AllowAnonymousToPage("/Index");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AllowAnonymousToFolder("/Account");
            options.Conventions.AllowAnonymousToFolder("/Archive");
        }).AddMvcOptions(options => options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddExceptionHandler<OperationsExceptionHandler>();
        services.AddOpenApi(options => options.AddSchemaTransformer(OpenApiSchemas.TransformAsync).AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "IMR platform API";
            document.Info.Description =
                "Cases of a review organization from application to issued final determination, and the public archive of determinations. " +
                "Staff routes need the session cookie of POST /api/auth/sign-in; their POST, PUT and DELETE requests need the antiforgery token " +
                "that sign-in returns (or GET /api/auth/antiforgery) in the X-CSRF-TOKEN header. Errors are problem details (RFC 9457).";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.Configure<FormOptions>(options => options.MultipartBodyLengthLimit = DocumentUploads.RequestLimit);
        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = DocumentUploads.RequestLimit);
        return builder;
    }

    /// <summary>The operations store and the public archive over one database (SQLite file or PostgreSQL),
    /// opened lazily and migrated by <see cref="WebApplicationExtensions.PrepareDatabaseAsync"/>.</summary>
    private static void AddStorage(this IServiceCollection services)
    {
        services.AddSingleton<ICaseStore>(sp =>
        {
            var db = sp.GetRequiredService<IOptions<ImrOptions>>().Value.DatabaseOrDefault;
            var clock = sp.GetRequiredService<TimeProvider>();
            return ArchiveDatabase.IsPostgres(db) ? new PostgresCaseStore(db, clock) : new SqliteCaseStore(db, clock);
        });
        services.AddSingleton<IArchive>(sp =>
        {
            var db = sp.GetRequiredService<IOptions<ImrOptions>>().Value.DatabaseOrDefault;
            return new SharedArchive(ArchiveDatabase.IsPostgres(db) ? new PostgresArchive(db) : new SqliteArchive(db));
        });
    }

    private static void AddSecurity(this IServiceCollection services)
    {
        services.AddSingleton<Passwords>();
        services.AddSingleton<UserAdministration>();
        services.AddScoped<SignInService>();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.Cookie.Name = "imr.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = SignedInUser.ValidateAsync;
            options.Events.OnRedirectToLogin = context =>
            {
                // The API answers 401; a page sends people to the sign-in form.
                if (context.Request.IsApi()) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
            options.Events.OnRedirectToAccessDenied = context =>
            {
                // 403 for both; a page then shows the error page with the status.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorization(Policies.Add);
        services.AddAntiforgery(options =>
        {
            options.HeaderName = ApiAntiforgery.HeaderName;
            options.Cookie.Name = "imr.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ImrOptions>>((options, imr) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimits.SignIn, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = imr.Value.SignInPermitLimit,
                    Window = TimeSpan.FromSeconds(imr.Value.SignInWindowSeconds),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("form"));
            options.OnRejected = RateLimits.RejectAsync;
        });
    }
}
