using Imr.Letters.Model;
using Imr.Operations.Model;
using Imr.Operations.Storage;

namespace Imr.Web.Infrastructure;

/// <summary>Cases by the number people use in addresses (<c>/cases/CM26-0000001</c>).</summary>
public static class CaseLookup
{
    /// <summary>The case with that number, read (and audited) as <paramref name="actor"/>.</summary>
    /// <exception cref="NotFoundException">The text is no case number, or no case has it.</exception>
    public static Task<ImrCase> GetCaseAsync(this ICaseStore store, User actor, string number, CancellationToken cancellationToken = default) =>
        CaseNumber.TryParse(number, out var parsed)
            ? store.GetCaseAsync(actor, parsed.Value, cancellationToken)
            : throw new NotFoundException($"'{number}' is not a case number (CMyy-nnnnnnn).");
}
