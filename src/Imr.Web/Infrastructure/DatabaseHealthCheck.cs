using Imr.Operations.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Imr.Web.Infrastructure;

/// <summary>Healthy when the store answers a query (a user look-up, which reads no case and is not audited).</summary>
public sealed class DatabaseHealthCheck(ICaseStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.FindUserAsync("healthz", cancellationToken);
            return HealthCheckResult.Healthy($"{store.Engine} answers");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{store.Engine} does not answer", e);
        }
    }
}
