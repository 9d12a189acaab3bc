using Imr.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddImrWeb();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseImrWeb();
app.MapImrWeb();
await app.RunAsync();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
