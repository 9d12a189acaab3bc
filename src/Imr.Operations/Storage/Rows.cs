using Dapper;
using Imr.Letters.Model;
using Imr.Operations.Model;
using Imr.Operations.Services;
using static Imr.Operations.Storage.DbValues;

namespace Imr.Operations.Storage;

/// <summary>The mapping between the model and the rows of the operations tables, shared by both engines.</summary>
internal static class Rows
{
    public const string CaseColumns = """
        id, case_number, version, status, employee_name, employer, claims_administrator, requesting_physician,
        date_of_injury, ur_decision_date, received_on, priority, liability_disputed, treatment_already_authorized,
        eligibility_checked_on, eligibility_reasons, records_requested_at, records_notice_delivery, records_received,
        assigned_reviewer_id, assigned_at, assigned_by, review_case_summary, qa_outcome, qa_notes, qa_by, qa_at,
        issued_at, issued_by, determination, redacted_determination, redactions,
        withdrawn_reason, withdrawn_at, withdrawn_by, created_at, updated_at
        """;

    public const string InsertCaseSql = """
        INSERT INTO cases (id, case_number, version, status, employee_name, employee_key, employer, claims_administrator,
            requesting_physician, date_of_injury, ur_decision_date, received_on, priority, liability_disputed,
            treatment_already_authorized, eligibility_checked_on, eligibility_reasons, records_requested_at,
            records_notice_delivery, records_received, assigned_reviewer_id, assigned_at, assigned_by, review_case_summary,
            qa_outcome, qa_notes, qa_by, qa_at, issued_at, issued_by, determination, redacted_determination, redactions,
            withdrawn_reason, withdrawn_at, withdrawn_by, created_at, updated_at)
        VALUES (@id, @caseNumber, @version, @status, @employeeName, @employeeKey, @employer, @claimsAdministrator,
            @requestingPhysician, @dateOfInjury, @urDecisionDate, @receivedOn, @priority, @liabilityDisputed,
            @treatmentAlreadyAuthorized, @eligibilityCheckedOn, @eligibilityReasons, @recordsRequestedAt,
            @recordsNoticeDelivery, @recordsReceived, @assignedReviewerId, @assignedAt, @assignedBy, @reviewCaseSummary,
            @qaOutcome, @qaNotes, @qaBy, @qaAt, @issuedAt, @issuedBy, @determination, @redactedDetermination, @redactions,
            @withdrawnReason, @withdrawnAt, @withdrawnBy, @createdAt, @updatedAt)
        """;

    // The case number and the creation moment never change.
    public const string UpdateCaseSql = """
        UPDATE cases SET version = @version, status = @status, employee_name = @employeeName, employee_key = @employeeKey,
            employer = @employer, claims_administrator = @claimsAdministrator, requesting_physician = @requestingPhysician,
            date_of_injury = @dateOfInjury, ur_decision_date = @urDecisionDate, received_on = @receivedOn, priority = @priority,
            liability_disputed = @liabilityDisputed, treatment_already_authorized = @treatmentAlreadyAuthorized,
            eligibility_checked_on = @eligibilityCheckedOn, eligibility_reasons = @eligibilityReasons,
            records_requested_at = @recordsRequestedAt, records_notice_delivery = @recordsNoticeDelivery,
            records_received = @recordsReceived, assigned_reviewer_id = @assignedReviewerId, assigned_at = @assignedAt,
            assigned_by = @assignedBy, review_case_summary = @reviewCaseSummary, qa_outcome = @qaOutcome, qa_notes = @qaNotes,
            qa_by = @qaBy, qa_at = @qaAt, issued_at = @issuedAt, issued_by = @issuedBy, determination = @determination,
            redacted_determination = @redactedDetermination, redactions = @redactions, withdrawn_reason = @withdrawnReason,
            withdrawn_at = @withdrawnAt, withdrawn_by = @withdrawnBy, updated_at = @updatedAt
        WHERE id = @id AND version = @previousVersion
        """;

    public const string ItemColumns = "case_id, ordinal, treatment, category, claims_administrator_guideline, decision, reviewer_guideline, rationale";

    public const string InsertItemSql = """
        INSERT INTO case_items (case_id, ordinal, treatment, category, claims_administrator_guideline, decision, reviewer_guideline, rationale)
        VALUES (@caseId, @ordinal, @treatment, @category, @claimsAdministratorGuideline, @decision, @reviewerGuideline, @rationale)
        """;

    public static DynamicParameters CaseParameters(ImrCase c, long? previousVersion = null)
    {
        var a = c.Application;
        var p = new DynamicParameters();
        p.AddDynamicParams(new
        {
            id = c.Id.ToString(),
            caseNumber = c.Number.Value,
            version = c.Version,
            previousVersion = previousVersion ?? 0,
            status = c.Status.ToString(),
            employeeName = a.EmployeeName,
            employeeKey = PartyNames.Key(a.EmployeeName),
            employer = a.Employer,
            claimsAdministrator = a.ClaimsAdministrator,
            requestingPhysician = a.RequestingPhysician,
            dateOfInjury = a.DateOfInjury,
            urDecisionDate = a.UrDecisionDate,
            receivedOn = a.ReceivedOn,
            priority = a.Priority.ToString(),
            liabilityDisputed = a.LiabilityDisputed,
            treatmentAlreadyAuthorized = a.TreatmentAlreadyAuthorized,
            eligibilityCheckedOn = c.Eligibility?.CheckedOn,
            eligibilityReasons = c.Eligibility is null ? null : ToJson(c.Eligibility.Reasons),
            recordsRequestedAt = c.RecordsRequest?.SentAt,
            recordsNoticeDelivery = c.RecordsRequest?.Delivery.ToString(),
            recordsReceived = ToJson(c.RecordsReceived),
            assignedReviewerId = c.Assignment?.Reviewer.ToString(),
            assignedAt = c.Assignment?.AssignedAt,
            assignedBy = c.Assignment?.AssignedBy.ToString(),
            reviewCaseSummary = c.Review?.CaseSummary,
            qaOutcome = c.Qa?.Outcome.ToString(),
            qaNotes = c.Qa?.Notes,
            qaBy = c.Qa?.By.ToString(),
            qaAt = c.Qa?.At,
            issuedAt = c.Issued?.IssuedAt,
            issuedBy = c.Issued?.IssuedBy.ToString(),
            determination = c.Issued is null ? null : ToJson(c.Issued.Determination),
            redactedDetermination = c.Issued is null ? null : ToJson(c.Issued.Redacted),
            redactions = c.Issued is null ? null : ToJson(c.Issued.Redactions),
            withdrawnReason = c.Withdrawal?.Reason,
            withdrawnAt = c.Withdrawal?.At,
            withdrawnBy = c.Withdrawal?.By.ToString(),
            createdAt = c.CreatedAt,
            updatedAt = c.UpdatedAt,
        });
        return p;
    }

    public static IEnumerable<object> ItemParameters(ImrCase c) =>
        c.Application.Treatments.Select((t, i) =>
        {
            var review = c.Review is { } r && i < r.Items.Count ? r.Items[i] : null;
            return (object)new
            {
                caseId = c.Id.ToString(),
                ordinal = i + 1,
                treatment = t.Treatment,
                category = t.Category,
                claimsAdministratorGuideline = t.ClaimsAdministratorGuideline,
                decision = review?.Decision?.ToString(),
                reviewerGuideline = review?.ReviewerGuideline,
                rationale = review?.Rationale,
            };
        });

    /// <summary>A case from its row and its item rows (in ordinal order).</summary>
    public static ImrCase ReadCase(IDictionary<string, object?> row, IEnumerable<IDictionary<string, object?>> itemRows)
    {
        var items = itemRows.OrderBy(r => Int(r["ordinal"])).ToList();
        var application = new CaseApplication
        {
            EmployeeName = Text(row["employee_name"]),
            Employer = Text(row["employer"]),
            ClaimsAdministrator = Text(row["claims_administrator"]),
            RequestingPhysician = Text(row["requesting_physician"]),
            DateOfInjury = Date(row["date_of_injury"]),
            UrDecisionDate = DateOrNull(row["ur_decision_date"]),
            ReceivedOn = Date(row["received_on"]),
            Priority = Enum<Priority>(row["priority"]),
            LiabilityDisputed = Bool(row["liability_disputed"]),
            TreatmentAlreadyAuthorized = Bool(row["treatment_already_authorized"]),
            Treatments = items.Select(i => new DisputedTreatment(Text(i["treatment"]), TextOrNull(i["claims_administrator_guideline"]))).ToList(),
        };

        var checkedOn = DateOrNull(row["eligibility_checked_on"]);
        var eligibility = checkedOn is { } on
            ? new EligibilityResult(on, FromJson<ValueList<EligibilityReason>>(row["eligibility_reasons"]))
            : null;
        var requestedAt = MomentOrNull(row["records_requested_at"]);
        var recordsRequest = requestedAt is { } sent ? new RecordsRequest(sent, Enum<NoticeDelivery>(row["records_notice_delivery"])) : null;
        var assignment = TextOrNull(row["assigned_reviewer_id"]) is { } reviewerId
            ? new ReviewerAssignment(ExpertReviewerId.Parse(reviewerId), Moment(row["assigned_at"]), UserId.Parse(Text(row["assigned_by"])))
            : null;
        var review = TextOrNull(row["review_case_summary"]) is { } summary
            ? new ReviewerWork(summary, items.Select(i => new ItemReview(
                EnumOrNull<Decision>(i["decision"]),
                TextOrNull(i["reviewer_guideline"]) ?? "",
                TextOrNull(i["rationale"]) ?? "")).ToList())
            : null;
        var qa = EnumOrNull<QaOutcome>(row["qa_outcome"]) is { } outcome
            ? new QaResult(outcome, TextOrNull(row["qa_notes"]) ?? "", UserId.Parse(Text(row["qa_by"])), Moment(row["qa_at"]))
            : null;
        var issued = MomentOrNull(row["issued_at"]) is { } issuedAt
            ? new IssuedDetermination(
                FromJson<Determination>(row["determination"]),
                FromJson<Determination>(row["redacted_determination"]),
                FromJson<ValueList<RedactionCount>>(row["redactions"]),
                issuedAt,
                UserId.Parse(Text(row["issued_by"])))
            : null;
        var withdrawal = MomentOrNull(row["withdrawn_at"]) is { } withdrawnAt
            ? new Withdrawal(Text(row["withdrawn_reason"]), withdrawnAt, UserId.Parse(Text(row["withdrawn_by"])))
            : null;

        return ImrCase.Restore(
            CaseId.Parse(Text(row["id"])),
            CaseNumber.Parse(Text(row["case_number"])),
            Long(row["version"]),
            application,
            Enum<CaseStatus>(row["status"]),
            eligibility,
            recordsRequest,
            FromJson<ValueList<DateOnly>>(row["records_received"]),
            assignment,
            review,
            qa,
            issued,
            withdrawal,
            Moment(row["created_at"]),
            Moment(row["updated_at"]));
    }

    public const string ReviewerColumns =
        "id, name, board_certifications, subspecialties, licensure_states, years_in_active_practice, weekly_practice_hours, affiliations, active";

    public static ExpertReviewer ReadReviewer(IDictionary<string, object?> row) => new()
    {
        Id = ExpertReviewerId.Parse(Text(row["id"])),
        Name = Text(row["name"]),
        BoardCertifications = FromJson<ValueList<string>>(row["board_certifications"]),
        Subspecialties = FromJson<ValueList<string>>(row["subspecialties"]),
        LicensureStates = FromJson<ValueList<string>>(row["licensure_states"]),
        YearsInActivePractice = Int(row["years_in_active_practice"]),
        WeeklyPracticeHours = Int(row["weekly_practice_hours"]),
        Affiliations = FromJson<ValueList<Affiliation>>(row["affiliations"]),
        Active = Bool(row["active"]),
    };

    public static object ReviewerParameters(ExpertReviewer r, DateTimeOffset now) => new
    {
        id = r.Id.ToString(),
        name = r.Name.Trim(),
        boardCertifications = ToJson(r.BoardCertifications.Select(Model.Text.Collapse).ToList()),
        subspecialties = ToJson(r.Subspecialties.Select(Model.Text.Collapse).ToList()),
        licensureStates = ToJson(r.LicensureStates.Select(Model.Text.Collapse).ToList()),
        yearsInActivePractice = r.YearsInActivePractice,
        weeklyPracticeHours = r.WeeklyPracticeHours,
        affiliations = ToJson(r.Affiliations.Select(a => a with { Name = Model.Text.Collapse(a.Name) }).ToList()),
        active = r.Active,
        updatedAt = now,
    };

    public const string UserColumns =
        "id, user_name, display_name, role, expert_reviewer_id, password_hash, active, failed_sign_ins, lockout_until";

    public static User ReadUser(IDictionary<string, object?> row) => new(
        UserId.Parse(Text(row["id"])),
        Text(row["user_name"]),
        Text(row["display_name"]),
        Enum<Role>(row["role"]),
        TextOrNull(row["expert_reviewer_id"]) is { } reviewer ? ExpertReviewerId.Parse(reviewer) : null,
        Text(row["password_hash"]),
        Bool(row["active"]),
        Int(row["failed_sign_ins"]),
        MomentOrNull(row["lockout_until"]));

    public const string DocumentInfoColumns = "id, case_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at";

    public static CaseDocumentInfo ReadDocumentInfo(IDictionary<string, object?> row) => new(
        DocumentId.Parse(Text(row["id"])),
        CaseId.Parse(Text(row["case_id"])),
        Text(row["file_name"]),
        Text(row["content_type"]),
        Long(row["size_bytes"]),
        Text(row["sha256"]),
        UserId.Parse(Text(row["uploaded_by"])),
        Moment(row["uploaded_at"]));

    public const string AuditColumns = "id, at, user_id, user_name, action, case_id, detail";

    public static AuditEntry ReadAudit(IDictionary<string, object?> row) => new(
        Long(row["id"]),
        Moment(row["at"]),
        TextOrNull(row["user_id"]) is { } user ? UserId.Parse(user) : null,
        Text(row["user_name"]),
        AuditActions.Parse(Text(row["action"])),
        TextOrNull(row["case_id"]) is { } @case ? CaseId.Parse(@case) : null,
        Text(row["detail"]));
}
