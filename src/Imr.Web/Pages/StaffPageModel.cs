using Imr.Operations.Model;
using Imr.Operations.Storage;
using Imr.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Imr.Web.Pages;

/// <summary>
/// A page for staff: the signed-in user acts through the store. A refusal the person can correct
/// (invalid input, a step the case's status does not allow, a concurrent change) is shown on the page
/// with its status code; access denied and not found go to the error page.
/// </summary>
public abstract class StaffPageModel(ICaseStore store) : PageModel
{
    protected ICaseStore Store { get; } = store;

    /// <summary>The signed-in user.</summary>
    public User Actor => HttpContext.ImrUser();

    public bool Can(Permission permission) => Permissions.Allows(Actor.Role, permission);

    protected CancellationToken Cancel => HttpContext.RequestAborted;

    /// <summary>Runs a step; on success redirects to <paramref name="then"/> with a message, on a correctable
    /// refusal shows the page again with the reasons.</summary>
    protected async Task<IActionResult> StepAsync(Func<Task> step, string message, Func<Task<IActionResult>> showAgain, string? then = null)
    {
        try
        {
            await step();
        }
        catch (Exception e) when (e is ValidationException or RuleViolationException or ConcurrencyConflictException)
        {
            AddErrors(e);
            Response.StatusCode = OperationsProblems.StatusOf(e);
            return await showAgain();
        }
        TempData["Message"] = message;
        return then is null ? RedirectToPage() : Redirect(then);
    }

    /// <summary>Fields named as their forms label them, where the words of the name differ.</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["UrDecisionDate"] = "UR decision date",
        ["Treatments"] = "Disputed items:",
    };

    /// <summary>"EmployeeName" → "Employee name"; "UrDecisionDate" → "UR decision date"; "Treatments[1]" → "Item 2:".</summary>
    private static string Humanize(string field)
    {
        if (Labels.TryGetValue(field, out var label)) return label;
        var item = System.Text.RegularExpressions.Regex.Match(field, @"\[(\d+)\]$");
        if (item.Success) return $"Item {int.Parse(item.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}:";
        var words = System.Text.RegularExpressions.Regex.Replace(field, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    protected void AddErrors(Exception e, string prefix = "")
    {
        switch (e)
        {
            case ValidationException v:
                foreach (var (field, messages) in v.Errors)
                    foreach (var message in messages) ModelState.AddModelError(prefix + field, char.IsUpper(message[0]) ? message : $"{Humanize(field)} {message}");
                break;
            case RuleViolationException r:
                // The message ends with the reasons; list them apart.
                var reasons = string.Join(" ", r.Reasons);
                ModelState.AddModelError("", r.Reasons.Count > 0 && r.Message.EndsWith(reasons, StringComparison.Ordinal) ? r.Message[..^reasons.Length].TrimEnd() : r.Message);
                foreach (var reason in r.Reasons) ModelState.AddModelError("", reason);
                break;
            default:
                ModelState.AddModelError("", e.Message);
                break;
        }
    }
}
