using System.Globalization;
using Imr.Operations.Model;

namespace Imr.Operations.Services;

/// <summary>
/// Whether an application is eligible for independent medical review (8 CCR 9792.10.3: timeliness,
/// previous applications, liability, other reasons). Pure: the caller supplies the other cases of the
/// same employee and the date of the finding.
/// </summary>
public static class Eligibility
{
    /// <summary>Days after service of the utilization review decision to file (Labor Code 4610.5(h)(1)).</summary>
    public const int FilingDays = 30;

    /// <summary>
    /// Days added for service by mail. Assumption: the UR decision is served by mail from within
    /// California, so service completes five calendar days after the decision date (the mail extension
    /// of Code of Civil Procedure 1013(a)). The application does
    /// not record how the decision was served, so every decision is treated as mailed: the most
    /// generous reading for the employee.
    /// </summary>
    public const int MailServiceDays = 5;

    /// <summary>
    /// The last day to file: UR decision date + 5 days of mail service + 30 days, moved to the next
    /// Monday when it falls on a weekend (Code of Civil Procedure 12a). Court holidays are not modelled.
    /// </summary>
    public static DateOnly FilingDeadline(DateOnly urDecisionDate)
    {
        var last = urDecisionDate.AddDays(MailServiceDays + FilingDays);
        return last.DayOfWeek switch
        {
            DayOfWeek.Saturday => last.AddDays(2),
            DayOfWeek.Sunday => last.AddDays(1),
            _ => last,
        };
    }

    /// <summary>
    /// The finding for <paramref name="application"/>: each reason against it, or none (eligible).
    /// A duplicate is the same treatment (the same words, ignoring case, spacing and punctuation) for
    /// the same employee (the same name, normalised) and date of injury in another case that is open or
    /// decided, that is neither withdrawn nor ineligible. Cases with the same id as nothing else are
    /// ignored, so the case itself may be among <paramref name="otherCases"/>.
    /// </summary>
    /// <param name="today">The date of the finding (<see cref="EligibilityResult.CheckedOn"/>).</param>
    public static EligibilityResult Check(CaseApplication application, IEnumerable<ImrCase> otherCases, DateOnly today, CaseId? self = null)
    {
        var reasons = new List<EligibilityReason>();
        if (application.UrDecisionDate is not { } urDate)
        {
            reasons.Add(new(EligibilityCode.NoUrDecision,
                "The application names no utilization review decision: there is no decision on medical necessity to review."));
        }
        else
        {
            var deadline = FilingDeadline(urDate);
            if (application.ReceivedOn > deadline)
            {
                reasons.Add(new(EligibilityCode.Untimely,
                    $"The application was received on {Format(application.ReceivedOn)}, after the last day to file, {Format(deadline)} " +
                    $"(30 days after service of the utilization review decision of {Format(urDate)}, served by mail: 5 more days)."));
            }
        }

        var employee = PartyNames.Key(application.EmployeeName);
        var treatments = application.Treatments.Select(t => Text.Key(t.Treatment)).ToHashSet();
        foreach (var other in otherCases)
        {
            if (other.Id == self || other.Status is CaseStatus.Withdrawn or CaseStatus.Ineligible) continue;
            if (other.Application.DateOfInjury != application.DateOfInjury) continue;
            if (PartyNames.Key(other.Application.EmployeeName) != employee) continue;
            var same = other.Application.Treatments.Where(t => treatments.Contains(Text.Key(t.Treatment))).Select(t => t.Treatment).ToList();
            if (same.Count == 0) continue;
            var state = other.Status == CaseStatus.Issued ? "was decided" : "is open";
            reasons.Add(new(EligibilityCode.Duplicate,
                $"Case {other.Number} {state} for the same employee, date of injury and treatment: {string.Join("; ", same)}."));
        }

        if (application.LiabilityDisputed)
        {
            reasons.Add(new(EligibilityCode.LiabilityDispute,
                "The claims administrator disputes liability for the injury or body part; that is for the Workers' Compensation Appeals Board, not for a review of medical necessity."));
        }
        if (application.TreatmentAlreadyAuthorized)
        {
            reasons.Add(new(EligibilityCode.AlreadyAuthorized,
                "The claims administrator has authorized the treatment: nothing remains in dispute."));
        }
        return new EligibilityResult(today, reasons);
    }

    private static string Format(DateOnly date) => date.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);
}
