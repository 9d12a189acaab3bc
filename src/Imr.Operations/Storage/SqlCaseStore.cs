using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Dapper;
using Imr.Letters.Model;
using Imr.Operations.Model;
using Imr.Operations.Services;
using static Imr.Operations.Storage.DbValues;

namespace Imr.Operations.Storage;

/// <summary>
/// What the two engines share: every query and every rule of the store, in SQL both run. Engines supply
/// connections and the row-lock clause.
/// </summary>
public abstract class SqlCaseStore : ICaseStore
{
    /// <summary>The most cases one list returns.</summary>
    public const int MaxListLimit = 500;

    protected SqlCaseStore(TimeProvider? clock)
    {
        Clock = clock ?? TimeProvider.System;
    }

    /// <summary>The clock of every timestamp the store writes.</summary>
    public TimeProvider Clock { get; }

    public abstract string Engine { get; }

    public abstract Task MigrateAsync(CancellationToken cancellationToken = default);

    public abstract ValueTask DisposeAsync();

    /// <summary>An open connection of its own for one call.</summary>
    internal abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Begins the transaction of one call; <paramref name="readOnly"/> when it writes nothing (not
    /// even an audit entry), so that SQLite need not take its write lock.</summary>
    protected virtual async Task<DbTransaction> BeginAsync(DbConnection db, bool readOnly, CancellationToken cancellationToken) =>
        await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Appended to a SELECT of the row to change: PostgreSQL's FOR UPDATE (SQLite's write
    /// transactions are exclusive already).</summary>
    protected abstract string ForUpdate { get; }

    /// <summary>"<paramref name="column"/> is one of the list <paramref name="parameter"/>": Dapper expands a
    /// list into IN (...) for SQLite; Npgsql takes it whole as an array, for = ANY.</summary>
    protected abstract string InList(string column, string parameter);

    private DateTimeOffset Now => Clock.GetUtcNow().ToUniversalTime();

    // ----- Cases -----

    public Task<ImrCase> CreateCaseAsync(User actor, CaseApplication application, CancellationToken cancellationToken = default)
    {
        var normalized = application.Normalized();
        var errors = normalized.Validate();
        if (errors.Count > 0) throw new ValidationException(errors);
        var now = Now;
        if (normalized.ReceivedOn > Deadlines.DateIn(now)) throw new ValidationException(nameof(CaseApplication.ReceivedOn), "is in the future.");
        return InTransactionAsync(async (db, tx) =>
        {
            await RequireAsync(db, tx, actor, Permission.CreateCase, null, cancellationToken).ConfigureAwait(false);
            var year = normalized.ReceivedOn.Year % 100;
            var next = await db.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO case_number_sequences (year, last_number) VALUES (@year, 1)
                ON CONFLICT (year) DO UPDATE SET last_number = case_number_sequences.last_number + 1
                RETURNING last_number
                """,
                new { year }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (next > 9_999_999) throw new RuleViolationException($"The case numbers of 20{year:00} are used up.");
            var number = CaseNumber.Parse(string.Create(CultureInfo.InvariantCulture, $"CM{year:00}-{next:0000000}"));
            var @case = ImrCase.Open(CaseId.New(), number, normalized, now);
            await db.ExecuteAsync(new CommandDefinition(Rows.InsertCaseSql, Rows.CaseParameters(@case), tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await InsertItemsAsync(db, tx, @case, cancellationToken).ConfigureAwait(false);
            await AuditAsync(db, tx, actor, AuditAction.Create, @case.Id, $"case {number} created ({normalized.Treatments.Count} item(s), {normalized.Priority})", cancellationToken).ConfigureAwait(false);
            return @case;
        }, cancellationToken);
    }

    public Task<ImrCase> GetCaseAsync(User actor, CaseId id, CancellationToken cancellationToken = default) =>
        GetCaseAsync(actor, "id = @key", id.ToString(), id.ToString(), cancellationToken);

    public Task<ImrCase> GetCaseAsync(User actor, CaseNumber number, CancellationToken cancellationToken = default) =>
        GetCaseAsync(actor, "case_number = @key", number.Value, number.Value, cancellationToken);

    private Task<ImrCase> GetCaseAsync(User actor, string where, string key, string shown, CancellationToken cancellationToken) =>
        InTransactionAsync(async (db, tx) =>
        {
            var @case = (await LoadCasesAsync(db, tx, where, new { key }, "", cancellationToken).ConfigureAwait(false)).SingleOrDefault()
                ?? throw new NotFoundException($"No case {shown}.");
            await RequireAsync(db, tx, actor, Permission.ReadCase, @case, cancellationToken).ConfigureAwait(false);
            await AuditAsync(db, tx, actor, AuditAction.Read, @case.Id, $"case {@case.Number} read", cancellationToken).ConfigureAwait(false);
            return @case;
        }, cancellationToken);

    public Task<IReadOnlyList<ImrCase>> ListCasesAsync(User actor, CaseQuery query, CancellationToken cancellationToken = default) =>
        InTransactionAsync<IReadOnlyList<ImrCase>>(async (db, tx) =>
        {
            await RequireAsync(db, tx, actor, Permission.ReadCase, null, cancellationToken).ConfigureAwait(false);
            var where = new List<string>();
            var parameters = new DynamicParameters();
            // A reviewer sees their own cases and no others, whatever the query asks.
            var reviewer = actor.Role == Role.Reviewer ? actor.ExpertReviewerId : query.AssignedReviewer;
            if (reviewer is { } r)
            {
                where.Add("assigned_reviewer_id = @reviewer");
                parameters.Add("reviewer", r.ToString());
            }
            if (query.Statuses is { Count: > 0 } statuses)
            {
                where.Add(InList("status", "statuses"));
                parameters.Add("statuses", statuses.Select(s => s.ToString()).ToList());
            }
            if (!string.IsNullOrWhiteSpace(query.EmployeeName))
            {
                where.Add("employee_key = @employeeKey");
                parameters.Add("employeeKey", PartyNames.Key(query.EmployeeName));
            }
            parameters.Add("limit", Math.Clamp(query.Limit, 1, MaxListLimit));
            parameters.Add("offset", Math.Max(0, query.Offset));
            var cases = await LoadCasesAsync(db, tx, where.Count == 0 ? "1 = 1" : string.Join(" AND ", where), parameters,
                " ORDER BY received_on, case_number LIMIT @limit OFFSET @offset", cancellationToken).ConfigureAwait(false);
            foreach (var @case in cases)
                await AuditAsync(db, tx, actor, AuditAction.Read, @case.Id, $"case {@case.Number} listed", cancellationToken).ConfigureAwait(false);
            return cases;
        }, cancellationToken);

    public Task<ImrCase> ApplyAsync(User actor, CaseId id, CaseChange change, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (db, tx) =>
        {
            var before = (await LoadCasesAsync(db, tx, "id = @id", new { id = id.ToString() }, ForUpdate, cancellationToken).ConfigureAwait(false)).SingleOrDefault()
                ?? throw new NotFoundException($"No case {id}.");
            await RequireAsync(db, tx, actor, change.Permission, before, cancellationToken).ConfigureAwait(false);
            if (expectedVersion is { } expected && expected != before.Version)
                throw new ConcurrencyConflictException($"Case {before.Number} changed since it was read (version {before.Version}, not {expected}).");

            IReadOnlyList<ImrCase> others = [];
            if (change.NeedsOtherCases)
            {
                others = await LoadCasesAsync(db, tx, "employee_key = @employeeKey AND date_of_injury = @dateOfInjury AND id <> @id",
                    new { employeeKey = PartyNames.Key(before.Application.EmployeeName), dateOfInjury = before.Application.DateOfInjury, id = id.ToString() },
                    "", cancellationToken).ConfigureAwait(false);
            }
            ExpertReviewer? reviewer = null;
            if (change.ReviewerNeeded(before) is { } reviewerId)
                reviewer = await LoadReviewerAsync(db, tx, reviewerId, cancellationToken).ConfigureAwait(false);

            var now = Now;
            var after = change.Apply(before, new CaseChangeContext(actor, now, others, reviewer)).WithVersion(before.Version + 1);
            var updated = await db.ExecuteAsync(new CommandDefinition(Rows.UpdateCaseSql, Rows.CaseParameters(after, before.Version), tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (updated != 1) throw new ConcurrencyConflictException($"Case {before.Number} changed while it was being updated.");
            await db.ExecuteAsync(new CommandDefinition("DELETE FROM case_items WHERE case_id = @id", new { id = id.ToString() }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await InsertItemsAsync(db, tx, after, cancellationToken).ConfigureAwait(false);
            await AuditAsync(db, tx, actor, change.AuditAction, after.Id, $"case {after.Number}: {change.Describe(before, after)}", cancellationToken).ConfigureAwait(false);
            // The duplicates an eligibility finding names were read on the actor's behalf.
            foreach (var duplicate in others.Where(o => after.Eligibility?.Reasons.Any(r => r.Code == EligibilityCode.Duplicate && r.Explanation.Contains(o.Number.Value, StringComparison.Ordinal)) == true))
                await AuditAsync(db, tx, actor, AuditAction.Read, duplicate.Id, $"case {duplicate.Number} matched as a duplicate of {after.Number}", cancellationToken).ConfigureAwait(false);
            return after;
        }, cancellationToken);

    public Task<IReadOnlyList<ReviewerMatch>> RankReviewersAsync(User actor, CaseId id, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (db, tx) =>
        {
            var @case = (await LoadCasesAsync(db, tx, "id = @id", new { id = id.ToString() }, "", cancellationToken).ConfigureAwait(false)).SingleOrDefault()
                ?? throw new NotFoundException($"No case {id}.");
            await RequireAsync(db, tx, actor, Permission.AssignReviewer, @case, cancellationToken).ConfigureAwait(false);
            var roster = await LoadReviewersAsync(db, tx, cancellationToken).ConfigureAwait(false);
            await AuditAsync(db, tx, actor, AuditAction.Read, @case.Id, $"case {@case.Number}: reviewers ranked", cancellationToken).ConfigureAwait(false);
            return ReviewerMatching.Rank(@case, roster);
        }, cancellationToken);

    // ----- Documents -----

    public Task<CaseDocumentInfo> AddDocumentAsync(User actor, CaseId caseId, NewDocument document, CancellationToken cancellationToken = default)
    {
        var errors = document.Validate();
        if (errors.Count > 0) throw new ValidationException(errors);
        return InTransactionAsync(async (db, tx) =>
        {
            var @case = await LoadCaseAsync(db, tx, caseId, cancellationToken).ConfigureAwait(false);
            await RequireAsync(db, tx, actor, Permission.UploadDocument, @case, cancellationToken).ConfigureAwait(false);
            var info = new CaseDocumentInfo(
                DocumentId.New(),
                caseId,
                Path.GetFileName(document.FileName.Trim()),
                NewDocument.BaseType(document.ContentType),
                document.Content.Length,
                Convert.ToHexStringLower(SHA256.HashData(document.Content.Span)),
                actor.Id,
                Now);
            await db.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO case_documents ({Rows.DocumentInfoColumns}, content) VALUES (@id, @caseId, @fileName, @contentType, @size, @sha256, @uploadedBy, @uploadedAt, @content)",
                new
                {
                    id = info.Id.ToString(),
                    caseId = caseId.ToString(),
                    fileName = info.FileName,
                    contentType = info.ContentType,
                    size = info.Size,
                    sha256 = info.Sha256,
                    uploadedBy = info.UploadedBy.ToString(),
                    uploadedAt = info.UploadedAt,
                    content = document.Content.ToArray(),
                },
                tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await AuditAsync(db, tx, actor, AuditAction.Upload, caseId, $"case {@case.Number}: document {info.Id} uploaded ({info.FileName}, {info.ContentType}, {info.Size} bytes)", cancellationToken).ConfigureAwait(false);
            return info;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<CaseDocumentInfo>> ListDocumentsAsync(User actor, CaseId caseId, CancellationToken cancellationToken = default) =>
        InTransactionAsync<IReadOnlyList<CaseDocumentInfo>>(async (db, tx) =>
        {
            var @case = await LoadCaseAsync(db, tx, caseId, cancellationToken).ConfigureAwait(false);
            await RequireAsync(db, tx, actor, Permission.ReadCase, @case, cancellationToken).ConfigureAwait(false);
            var rows = await QueryRowsAsync(db, tx, $"SELECT {Rows.DocumentInfoColumns} FROM case_documents WHERE case_id = @caseId ORDER BY uploaded_at, id",
                new { caseId = caseId.ToString() }, cancellationToken).ConfigureAwait(false);
            await AuditAsync(db, tx, actor, AuditAction.Read, caseId, $"case {@case.Number}: documents listed", cancellationToken).ConfigureAwait(false);
            return rows.Select(Rows.ReadDocumentInfo).ToList();
        }, cancellationToken);

    public Task<CaseDocument> GetDocumentAsync(User actor, DocumentId id, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (db, tx) =>
        {
            var row = (await QueryRowsAsync(db, tx, $"SELECT {Rows.DocumentInfoColumns}, content FROM case_documents WHERE id = @id",
                new { id = id.ToString() }, cancellationToken).ConfigureAwait(false)).SingleOrDefault()
                ?? throw new NotFoundException($"No document {id}.");
            var info = Rows.ReadDocumentInfo(row);
            var @case = await LoadCaseAsync(db, tx, info.CaseId, cancellationToken).ConfigureAwait(false);
            await RequireAsync(db, tx, actor, Permission.ReadCase, @case, cancellationToken).ConfigureAwait(false);
            await AuditAsync(db, tx, actor, AuditAction.Read, info.CaseId, $"case {@case.Number}: document {id} read ({info.FileName})", cancellationToken).ConfigureAwait(false);
            return new CaseDocument(info, Bytes(row["content"]));
        }, cancellationToken);

    // ----- Roster -----

    public Task<IReadOnlyList<ExpertReviewer>> ListReviewersAsync(User actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (db, tx) =>
        {
            await RequireAsync(db, tx, actor, Permission.ReadRoster, null, cancellationToken).ConfigureAwait(false);
            return await LoadReviewersAsync(db, tx, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<ExpertReviewer> GetReviewerAsync(User actor, ExpertReviewerId id, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (db, tx) =>
        {
            if (actor.ExpertReviewerId != id) await RequireAsync(db, tx, actor, Permission.ReadRoster, null, cancellationToken).ConfigureAwait(false);
            return await LoadReviewerAsync(db, tx, id, cancellationToken).ConfigureAwait(false)
                ?? throw new NotFoundException($"No reviewer {id} on the roster.");
        }, cancellationToken);

    public Task<ExpertReviewer> SaveReviewerAsync(User actor, ExpertReviewer reviewer, CancellationToken cancellationToken = default)
    {
        var errors = reviewer.Validate();
        if (errors.Count > 0) throw new ValidationException(errors);
        return InTransactionAsync(async (db, tx) =>
        {
            await RequireAsync(db, tx, actor, Permission.ManageRoster, null, cancellationToken).ConfigureAwait(false);
            var exists = await LoadReviewerAsync(db, tx, reviewer.Id, cancellationToken).ConfigureAwait(false) is not null;
            var parameters = Rows.ReviewerParameters(reviewer, Now);
            var sql = exists
                ? """
                  UPDATE expert_reviewers SET name = @name, board_certifications = @boardCertifications, subspecialties = @subspecialties,
                      licensure_states = @licensureStates, years_in_active_practice = @yearsInActivePractice,
                      weekly_practice_hours = @weeklyPracticeHours, affiliations = @affiliations, active = @active, updated_at = @updatedAt
                  WHERE id = @id
                  """
                : """
                  INSERT INTO expert_reviewers (id, name, board_certifications, subspecialties, licensure_states, years_in_active_practice,
                      weekly_practice_hours, affiliations, active, updated_at)
                  VALUES (@id, @name, @boardCertifications, @subspecialties, @licensureStates, @yearsInActivePractice,
                      @weeklyPracticeHours, @affiliations, @active, @updatedAt)
                  """;
            await db.ExecuteAsync(new CommandDefinition(sql, parameters, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await AuditAsync(db, tx, actor, exists ? AuditAction.Update : AuditAction.Create, null, $"roster: reviewer {reviewer.Id} {(exists ? "updated" : "added")}", cancellationToken).ConfigureAwait(false);
            return (await LoadReviewerAsync(db, tx, reviewer.Id, cancellationToken).ConfigureAwait(false))!;
        }, cancellationToken);
    }

    // ----- Users -----

    public Task<User> CreateUserAsync(User actor, NewUser user, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (db, tx) =>
        {
            await RequireAsync(db, tx, actor, Permission.ManageUsers, null, cancellationToken).ConfigureAwait(false);
            return await InsertUserAsync(db, tx, actor, user, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<User> CreateFirstAdminAsync(NewUser user, CancellationToken cancellationToken = default)
    {
        if (user.Role != Role.Admin) throw new ValidationException(nameof(NewUser.Role), "the first user must be an administrator.");
        return InTransactionAsync(async (db, tx) =>
        {
            if (await db.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM users", transaction: tx, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0)
                throw new RuleViolationException("Users exist already: an administrator creates the others.");
            return await InsertUserAsync(db, tx, User.System, user, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    private async Task<User> InsertUserAsync(DbConnection db, DbTransaction tx, User actor, NewUser user, CancellationToken cancellationToken)
    {
        var created = new User(UserId.New(), user.UserName, user.DisplayName, user.Role, user.ExpertReviewerId, user.PasswordHash);
        if (await LoadUserAsync(db, tx, "normalized_user_name = @key", User.NormalizeUserName(created.UserName), cancellationToken).ConfigureAwait(false) is not null)
            throw new ValidationException(nameof(NewUser.UserName), $"'{created.UserName}' is taken.");
        if (created.ExpertReviewerId is { } reviewer && await LoadReviewerAsync(db, tx, reviewer, cancellationToken).ConfigureAwait(false) is null)
            throw new ValidationException(nameof(NewUser.ExpertReviewerId), $"No reviewer {reviewer} on the roster.");
        await db.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO users (id, user_name, normalized_user_name, display_name, role, expert_reviewer_id, password_hash, active, failed_sign_ins, lockout_until, created_at)
            VALUES (@id, @userName, @normalized, @displayName, @role, @reviewer, @hash, @active, @failed, @lockout, @createdAt)
            """,
            new
            {
                id = created.Id.ToString(),
                userName = created.UserName,
                normalized = User.NormalizeUserName(created.UserName),
                displayName = created.DisplayName,
                role = created.Role.ToString(),
                reviewer = created.ExpertReviewerId?.ToString(),
                hash = created.PasswordHash,
                active = created.Active,
                failed = created.FailedSignIns,
                lockout = created.LockoutUntil,
                createdAt = Now,
            },
            tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AuditAsync(db, tx, actor, AuditAction.Create, null, $"user {created.UserName} ({created.Role}) created", cancellationToken).ConfigureAwait(false);
        return created;
    }

    public Task<User?> FindUserAsync(string userName, CancellationToken cancellationToken = default) =>
        InTransactionAsync((db, tx) => LoadUserAsync(db, tx, "normalized_user_name = @key", User.NormalizeUserName(userName), cancellationToken), cancellationToken, readOnly: true);

    public Task<User?> FindUserAsync(UserId id, CancellationToken cancellationToken = default) =>
        InTransactionAsync((db, tx) => LoadUserAsync(db, tx, "id = @key", id.ToString(), cancellationToken), cancellationToken, readOnly: true);

    public Task<IReadOnlyList<User>> ListUsersAsync(User actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync<IReadOnlyList<User>>(async (db, tx) =>
        {
            await RequireAsync(db, tx, actor, Permission.ManageUsers, null, cancellationToken).ConfigureAwait(false);
            var rows = await QueryRowsAsync(db, tx, $"SELECT {Rows.UserColumns} FROM users ORDER BY user_name", null, cancellationToken).ConfigureAwait(false);
            return rows.Select(Rows.ReadUser).ToList();
        }, cancellationToken);

    public Task<User> SetPasswordHashAsync(User actor, UserId id, string passwordHash, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(passwordHash)) throw new ValidationException(nameof(passwordHash), "is required.");
        return InTransactionAsync(async (db, tx) =>
        {
            if (actor.Id != id || !actor.Active) await RequireAsync(db, tx, actor, Permission.ManageUsers, null, cancellationToken).ConfigureAwait(false);
            var user = await LoadUserAsync(db, tx, "id = @key", id.ToString(), cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException($"No user {id}.");
            var changed = user.WithPasswordHash(passwordHash);
            await UpdateUserStateAsync(db, tx, changed, cancellationToken).ConfigureAwait(false);
            await AuditAsync(db, tx, actor, AuditAction.Update, null, $"user {user.UserName}: password changed", cancellationToken).ConfigureAwait(false);
            return changed;
        }, cancellationToken);
    }

    public Task<User> SetUserActiveAsync(User actor, UserId id, bool active, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (db, tx) =>
        {
            await RequireAsync(db, tx, actor, Permission.ManageUsers, null, cancellationToken).ConfigureAwait(false);
            var user = await LoadUserAsync(db, tx, "id = @key", id.ToString(), cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException($"No user {id}.");
            var changed = user.WithActive(active);
            await UpdateUserStateAsync(db, tx, changed, cancellationToken).ConfigureAwait(false);
            await AuditAsync(db, tx, actor, AuditAction.Update, null, $"user {user.UserName}: {(active ? "activated" : "deactivated")}", cancellationToken).ConfigureAwait(false);
            return changed;
        }, cancellationToken);

    public async Task<SignInResult> SignInAsync(string userName, Func<User, bool> verifyPassword, CancellationToken cancellationToken = default)
    {
        var key = User.NormalizeUserName(userName ?? "");
        // Refusals before any password check; the check itself (deliberately slow) runs outside a transaction.
        var (user, refused) = await InTransactionAsync<(User?, SignInResult?)>(async (db, tx) =>
        {
            var found = await LoadUserAsync(db, tx, "normalized_user_name = @key", key, cancellationToken).ConfigureAwait(false);
            string? reason = found is null ? "unknown user name"
                : !found.Active ? "user inactive"
                : found.IsLockedOut(Now) ? $"locked out until {found.LockoutUntil:O}"
                : null;
            if (reason is null) return (found, null);
            await AuditAsync(db, tx, found?.Id, found?.UserName ?? userName ?? "", AuditAction.SignInFailed, null, reason, cancellationToken).ConfigureAwait(false);
            return (null, new SignInResult(found is not null && found.Active ? SignInOutcome.LockedOut : SignInOutcome.Failed, null));
        }, cancellationToken).ConfigureAwait(false);
        if (refused is not null) return refused;

        var succeeded = verifyPassword(user!);
        return await InTransactionAsync(async (db, tx) =>
        {
            // Counted on the row as it is now: attempts in parallel all count.
            var current = await LoadUserAsync(db, tx, "id = @key", user!.Id.ToString(), cancellationToken).ConfigureAwait(false) ?? user!;
            var now = Now;
            var after = current.AfterSignIn(succeeded, now);
            await UpdateUserStateAsync(db, tx, after, cancellationToken).ConfigureAwait(false);
            if (succeeded)
            {
                await AuditAsync(db, tx, after, AuditAction.SignIn, null, "signed in", cancellationToken).ConfigureAwait(false);
                return new SignInResult(SignInOutcome.Succeeded, after);
            }
            var locked = after.IsLockedOut(now);
            await AuditAsync(db, tx, after, AuditAction.SignInFailed, null,
                locked ? $"wrong password; locked out until {after.LockoutUntil:O}" : $"wrong password ({after.FailedSignIns} of {SignInPolicy.MaxFailedAttempts})",
                cancellationToken).ConfigureAwait(false);
            return new SignInResult(locked ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static Task UpdateUserStateAsync(DbConnection db, DbTransaction tx, User user, CancellationToken cancellationToken) =>
        db.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET password_hash = @hash, active = @active, failed_sign_ins = @failed, lockout_until = @lockout WHERE id = @id",
            new { id = user.Id.ToString(), hash = user.PasswordHash, active = user.Active, failed = user.FailedSignIns, lockout = user.LockoutUntil },
            tx, cancellationToken: cancellationToken));

    // ----- Audit -----

    public Task AppendAuditAsync(User actor, AuditAction action, CaseId? caseId, string detail, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (db, tx) =>
        {
            await AuditAsync(db, tx, actor, action, caseId, detail ?? "", cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(User actor, AuditQuery query, CancellationToken cancellationToken = default) =>
        InTransactionAsync<IReadOnlyList<AuditEntry>>(async (db, tx) =>
        {
            await RequireAsync(db, tx, actor, Permission.ReadAudit, null, cancellationToken).ConfigureAwait(false);
            var where = new List<string>();
            var parameters = new DynamicParameters();
            if (query.CaseId is { } caseId)
            {
                where.Add("case_id = @caseId");
                parameters.Add("caseId", caseId.ToString());
            }
            if (query.UserId is { } userId)
            {
                where.Add("user_id = @userId");
                parameters.Add("userId", userId.ToString());
            }
            if (query.Action is { } action)
            {
                where.Add("action = @action");
                parameters.Add("action", action.ToText());
            }
            if (query.From is { } from)
            {
                where.Add("at >= @from");
                parameters.Add("from", from.ToUniversalTime());
            }
            if (query.To is { } to)
            {
                where.Add("at < @to");
                parameters.Add("to", to.ToUniversalTime());
            }
            parameters.Add("limit", Math.Clamp(query.Limit, 1, 10_000));
            var rows = await QueryRowsAsync(db, tx,
                $"SELECT {Rows.AuditColumns} FROM audit_entries {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")} ORDER BY id DESC LIMIT @limit",
                parameters, cancellationToken).ConfigureAwait(false);
            await AuditAsync(db, tx, actor, AuditAction.Read, query.CaseId, "audit log read", cancellationToken).ConfigureAwait(false);
            return rows.Select(Rows.ReadAudit).ToList();
        }, cancellationToken);

    // ----- Plumbing -----

    /// <summary>Runs <paramref name="work"/> in one transaction on a connection of its own. A refusal
    /// commits (its audit entry) before it propagates; any other failure rolls everything back.</summary>
    private async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken, bool readOnly = false)
    {
        await using var db = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginAsync(db, readOnly, cancellationToken).ConfigureAwait(false);
        T result;
        try
        {
            result = await work(db, tx).ConfigureAwait(false);
        }
        catch (AccessDeniedException)
        {
            await tx.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Checks a permission; a refusal is audited and thrown as <see cref="AccessDeniedException"/>.</summary>
    private async Task RequireAsync(DbConnection db, DbTransaction tx, User actor, Permission permission, ImrCase? @case, CancellationToken cancellationToken)
    {
        if (actor.IsSystem) return;
        if (Permissions.Check(actor, permission, @case, out var reason)) return;
        await AuditAsync(db, tx, actor, AuditAction.AccessDenied, @case?.Id, $"{permission} refused: {reason}", cancellationToken).ConfigureAwait(false);
        throw new AccessDeniedException(reason);
    }

    private Task AuditAsync(DbConnection db, DbTransaction tx, User actor, AuditAction action, CaseId? caseId, string detail, CancellationToken cancellationToken) =>
        AuditAsync(db, tx, actor.IsSystem ? null : actor.Id, actor.UserName, action, caseId, detail, cancellationToken);

    private Task AuditAsync(DbConnection db, DbTransaction tx, UserId? userId, string userName, AuditAction action, CaseId? caseId, string detail, CancellationToken cancellationToken) =>
        db.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_entries (at, user_id, user_name, action, case_id, detail) VALUES (@at, @userId, @userName, @action, @caseId, @detail)",
            new { at = Now, userId = userId?.ToString(), userName, action = action.ToText(), caseId = caseId?.ToString(), detail },
            tx, cancellationToken: cancellationToken));

    private static async Task<List<IDictionary<string, object?>>> QueryRowsAsync(DbConnection db, DbTransaction tx, string sql, object? parameters, CancellationToken cancellationToken) =>
        (await db.QueryAsync(new CommandDefinition(sql, parameters, tx, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .Cast<IDictionary<string, object?>>()
            .ToList();

    private async Task<ImrCase> LoadCaseAsync(DbConnection db, DbTransaction tx, CaseId id, CancellationToken cancellationToken) =>
        (await LoadCasesAsync(db, tx, "id = @id", new { id = id.ToString() }, "", cancellationToken).ConfigureAwait(false)).SingleOrDefault()
        ?? throw new NotFoundException($"No case {id}.");

    /// <summary>Cases with their items: one query for the cases, one for all their items.</summary>
    private async Task<IReadOnlyList<ImrCase>> LoadCasesAsync(DbConnection db, DbTransaction tx, string where, object parameters, string suffix, CancellationToken cancellationToken)
    {
        var rows = await QueryRowsAsync(db, tx, $"SELECT {Rows.CaseColumns} FROM cases WHERE {where}{suffix}", parameters, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => Text(r["id"])).ToList();
        var items = (await QueryRowsAsync(db, tx, $"SELECT {Rows.ItemColumns} FROM case_items WHERE {InList("case_id", "ids")}", new { ids }, cancellationToken).ConfigureAwait(false))
            .ToLookup(r => Text(r["case_id"]));
        return rows.Select(r => Rows.ReadCase(r, items[Text(r["id"])])).ToList();
    }

    private static async Task InsertItemsAsync(DbConnection db, DbTransaction tx, ImrCase @case, CancellationToken cancellationToken)
    {
        foreach (var item in Rows.ItemParameters(@case))
            await db.ExecuteAsync(new CommandDefinition(Rows.InsertItemSql, item, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private static async Task<ExpertReviewer?> LoadReviewerAsync(DbConnection db, DbTransaction tx, ExpertReviewerId id, CancellationToken cancellationToken) =>
        (await QueryRowsAsync(db, tx, $"SELECT {Rows.ReviewerColumns} FROM expert_reviewers WHERE id = @id", new { id = id.ToString() }, cancellationToken).ConfigureAwait(false))
            .Select(Rows.ReadReviewer)
            .SingleOrDefault();

    private static async Task<IReadOnlyList<ExpertReviewer>> LoadReviewersAsync(DbConnection db, DbTransaction tx, CancellationToken cancellationToken) =>
        (await QueryRowsAsync(db, tx, $"SELECT {Rows.ReviewerColumns} FROM expert_reviewers ORDER BY name, id", null, cancellationToken).ConfigureAwait(false))
            .Select(Rows.ReadReviewer)
            .ToList();

    private static async Task<User?> LoadUserAsync(DbConnection db, DbTransaction tx, string where, string key, CancellationToken cancellationToken) =>
        (await QueryRowsAsync(db, tx, $"SELECT {Rows.UserColumns} FROM users WHERE {where}", new { key }, cancellationToken).ConfigureAwait(false))
            .Select(Rows.ReadUser)
            .SingleOrDefault();
}
