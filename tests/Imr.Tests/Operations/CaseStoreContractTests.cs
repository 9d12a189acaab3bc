using System.Text;
using Dapper;
using Imr.Archive.Storage;
using Imr.Letters.Model;
using Imr.Operations.Demo;
using Imr.Operations.Model;
using Imr.Operations.Services;
using Imr.Operations.Storage;
using Imr.Tests.Archive;
using static Imr.Tests.Operations.OperationsSamples;

namespace Imr.Tests.Operations;

/// <summary>What every engine of the operations store must do; run once per engine by the subclasses.</summary>
public abstract class CaseStoreContractTests
{
    /// <summary>A new, empty database: its <c>--db</c> value.</summary>
    protected abstract Task<string> NewDatabaseAsync();

    /// <summary>The people of a test: a store, its clock, a user per role and two rostered reviewers.</summary>
    private sealed record Cast(
        ICaseStore Store,
        FakeClock Clock,
        string Db,
        User Admin,
        User Intake,
        User Coordinator,
        User Qa,
        User Reviewer,
        User OtherReviewer,
        ExpertReviewer Marsh,
        ExpertReviewer Okafor) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Store.DisposeAsync();
    }

    private async Task<Cast> SetUpAsync()
    {
        var db = await NewDatabaseAsync();
        var clock = new FakeClock(NoonIn(2026, 1, 20));
        var store = await OperationsDatabase.OpenAsync(db, clock);
        var admin = await store.CreateFirstAdminAsync(new NewUser("admin", "Ada Admin", Role.Admin, null, "hash"));
        var marsh = await store.SaveReviewerAsync(admin, Reviewer("Elena Marsh, MD"));
        var okafor = await store.SaveReviewerAsync(admin, Reviewer("Samuel Okafor, MD", "Orthopedic Surgery", "Pain Medicine"));
        async Task<User> NewUser(string name, Role role, ExpertReviewerId? reviewer = null) =>
            await store.CreateUserAsync(admin, new NewUser(name, name, role, reviewer, "hash"));
        return new Cast(store, clock, db, admin,
            await NewUser("intake", Role.Intake),
            await NewUser("coordinator", Role.Coordinator),
            await NewUser("qa", Role.Qa),
            await NewUser("reviewer", Role.Reviewer, marsh.Id),
            await NewUser("reviewer2", Role.Reviewer, okafor.Id),
            marsh,
            okafor);
    }

    /// <summary>Takes a new case to the given status through the store, the clock moving a day a step.</summary>
    private static async Task<ImrCase> CaseAtAsync(Cast cast, CaseStatus until, CaseApplication? application = null)
    {
        var (store, clock) = (cast.Store, cast.Clock);
        var c = await store.CreateCaseAsync(cast.Intake, application ?? Application());
        if (until == CaseStatus.Received) return c;
        clock.Advance(TimeSpan.FromDays(1));
        c = await store.ApplyAsync(cast.Coordinator, c.Id, new CheckEligibility());
        Assert.Equal(CaseStatus.Eligible, c.Status);
        c = await store.ApplyAsync(cast.Coordinator, c.Id, new RequestRecords(NoticeDelivery.Mail));
        clock.Advance(TimeSpan.FromDays(1));
        c = await store.ApplyAsync(cast.Intake, c.Id, new RecordRecordsReceived(Deadlines.Today(clock)));
        if (until == CaseStatus.RecordsRequested) return c;
        c = await store.ApplyAsync(cast.Coordinator, c.Id, new AssignReviewer(cast.Marsh.Id));
        if (until == CaseStatus.Assigned) return c;
        clock.Advance(TimeSpan.FromDays(1));
        c = await store.ApplyAsync(cast.Reviewer, c.Id, new SaveReview(CompleteWork()));
        if (until == CaseStatus.InReview) return c;
        c = await store.ApplyAsync(cast.Reviewer, c.Id, new SubmitForQa());
        if (until == CaseStatus.QaReview) return c;
        clock.Advance(TimeSpan.FromDays(1));
        c = await store.ApplyAsync(cast.Qa, c.Id, new RecordQa(QaOutcome.Approved, "Consistent."));
        return await store.ApplyAsync(cast.Qa, c.Id, new IssueDetermination());
    }

    [Fact]
    public async Task A_case_goes_through_the_whole_flow_and_reads_back_exactly_as_it_was_written()
    {
        await using var cast = await SetUpAsync();

        var issued = await CaseAtAsync(cast, CaseStatus.Issued);
        var read = await cast.Store.GetCaseAsync(cast.Coordinator, issued.Id);

        Assert.Equal(CaseStatus.Issued, read.Status);
        Assert.Equal(issued, read);
        Assert.Equal(read, await cast.Store.GetCaseAsync(cast.Coordinator, read.Number));
        Assert.Equal(9, read.Version);
        Assert.Equal(cast.Marsh.Id, read.AssignedReviewer);
        Assert.Equal(new DateOnly(2026, 1, 24), read.Issued!.Determination.DecisionDate);
        Assert.Equal(new DateOnly(2026, 1, 21), read.Issued.Determination.DateAssigned);
        Assert.DoesNotContain("Gonzalez", read.Issued.Redacted.CaseSummary);
        Assert.Equal(DeadlineState.Met, Deadlines.Of(read, cast.Clock).Determination.State);

        // The web layer publishes the redacted copy into the archive, which shares the database.
        await using var archive = await ArchiveDatabase.OpenAsync(cast.Db);
        Assert.Equal([StoreOutcome.Imported], await archive.StoreAsync([LetterIssuer.ToArchiveRecord(read.Issued)]));
        Assert.Equal((1L, 1L), await archive.CountAsync());
    }

    [Fact]
    public async Task Case_numbers_run_in_sequence_within_each_year_of_receipt()
    {
        await using var cast = await SetUpAsync();

        var first = await cast.Store.CreateCaseAsync(cast.Intake, Application());
        var second = await cast.Store.CreateCaseAsync(cast.Intake, Application("Physical therapy 2x6"));
        var lastYear = await cast.Store.CreateCaseAsync(cast.Intake, Application() with { UrDecisionDate = new DateOnly(2025, 12, 1), ReceivedOn = new DateOnly(2025, 12, 20) });

        Assert.Equal(["CM26-0000001", "CM26-0000002", "CM25-0000001"], new[] { first, second, lastYear }.Select(c => c.Number.Value));
    }

    [Fact]
    public async Task Cases_created_at_the_same_time_get_distinct_numbers_in_sequence()
    {
        await using var cast = await SetUpAsync();

        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => cast.Store.CreateCaseAsync(cast.Intake, Application()))));

        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"CM26-{n:0000000}"), created.Select(c => c.Number.Value).Order());
    }

    [Fact]
    public async Task Every_read_and_write_of_a_case_is_audited_with_the_acting_user()
    {
        await using var cast = await SetUpAsync();
        var store = cast.Store;

        var c = await store.CreateCaseAsync(cast.Intake, Application());
        await store.GetCaseAsync(cast.Coordinator, c.Id);
        await store.ListCasesAsync(cast.Qa, new CaseQuery());
        await store.ApplyAsync(cast.Coordinator, c.Id, new CheckEligibility());
        var document = await store.AddDocumentAsync(cast.Intake, c.Id, new NewDocument("records.txt", "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("Progress note 1/5/2026.")));
        await store.GetDocumentAsync(cast.Coordinator, document.Id);

        var entries = (await store.ReadAuditAsync(cast.Admin, new AuditQuery { CaseId = c.Id })).Reverse().ToList();

        Assert.Equal(
            [
                ("intake", AuditAction.Create), ("coordinator", AuditAction.Read), ("qa", AuditAction.Read),
                ("coordinator", AuditAction.Update), ("intake", AuditAction.Upload), ("coordinator", AuditAction.Read),
            ],
            entries.Select(e => (e.UserName, e.Action)));
        Assert.All(entries, e => Assert.Equal(c.Id, e.CaseId));
        Assert.Equal(cast.Intake.Id, entries[0].UserId);
        Assert.Contains("CM26-0000001", entries[0].Detail);
        Assert.Contains("eligible", entries[3].Detail);
        Assert.Equal(cast.Clock.Now, entries[^1].At);
        // Reading the log is itself in the log.
        var latest = await store.ReadAuditAsync(cast.Admin, new AuditQuery { Limit = 1 });
        Assert.Equal(("admin", AuditAction.Read, "audit log read"), (latest[0].UserName, latest[0].Action, latest[0].Detail));
    }

    [Fact]
    public async Task Audit_rows_cannot_be_updated_or_deleted()
    {
        await using var cast = await SetUpAsync();
        await cast.Store.CreateCaseAsync(cast.Intake, Application());
        var store = (SqlCaseStore)cast.Store;
        await using var db = await store.OpenConnectionAsync(default);
        var before = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_entries");

        var update = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.ExecuteAsync("UPDATE audit_entries SET detail = 'nothing happened'"));
        var delete = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.ExecuteAsync("DELETE FROM audit_entries"));

        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
        Assert.True(before > 0);
        Assert.Equal(before, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_entries"));
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_entries WHERE detail = 'nothing happened'"));
    }

    [Fact]
    public async Task A_reviewer_reads_only_the_cases_assigned_to_them_and_each_refusal_is_audited()
    {
        await using var cast = await SetUpAsync();
        var store = cast.Store;
        var assigned = await CaseAtAsync(cast, CaseStatus.Assigned);
        var unassigned = await store.CreateCaseAsync(cast.Intake, Application("Physical therapy 2x6"));
        var document = await store.AddDocumentAsync(cast.Intake, assigned.Id, new NewDocument("note.pdf", "application/pdf", "%PDF-1.4 test"u8.ToArray()));

        Assert.Equal(assigned.Id, (await store.GetCaseAsync(cast.Reviewer, assigned.Id)).Id);
        Assert.Equal([assigned.Id], (await store.ListCasesAsync(cast.Reviewer, new CaseQuery())).Select(c => c.Id));
        Assert.Equal("note.pdf", (await store.GetDocumentAsync(cast.Reviewer, document.Id)).Info.FileName);

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => store.GetCaseAsync(cast.OtherReviewer, assigned.Id));
        Assert.Contains("not assigned to reviewer reviewer2", denied.Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => store.GetCaseAsync(cast.Reviewer, unassigned.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => store.GetCaseAsync(cast.OtherReviewer, assigned.Number));
        await Assert.ThrowsAsync<AccessDeniedException>(() => store.GetDocumentAsync(cast.OtherReviewer, document.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => store.ListDocumentsAsync(cast.OtherReviewer, assigned.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => store.ApplyAsync(cast.OtherReviewer, assigned.Id, new SaveReview(CompleteWork())));
        // A reviewer's list is their own, whatever reviewer the query names.
        Assert.Empty(await store.ListCasesAsync(cast.OtherReviewer, new CaseQuery { AssignedReviewer = cast.Marsh.Id }));

        var refusals = await store.ReadAuditAsync(cast.Admin, new AuditQuery { Action = AuditAction.AccessDenied });
        Assert.Equal(6, refusals.Count);
        Assert.All(refusals, r => Assert.Contains(r.UserName, new[] { "reviewer", "reviewer2" }));
        Assert.Equal(CaseStatus.Assigned, (await store.GetCaseAsync(cast.Coordinator, assigned.Id)).Status);
    }

    [Fact]
    public async Task Each_role_does_only_its_own_steps()
    {
        await using var cast = await SetUpAsync();
        var store = cast.Store;
        var c = await CaseAtAsync(cast, CaseStatus.RecordsRequested);

        await Assert.ThrowsAsync<AccessDeniedException>(() => store.ApplyAsync(cast.Intake, c.Id, new AssignReviewer(cast.Marsh.Id)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => store.ApplyAsync(cast.Reviewer, c.Id, new AssignReviewer(cast.Marsh.Id)));
        c = await store.ApplyAsync(cast.Coordinator, c.Id, new AssignReviewer(cast.Marsh.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => store.ApplyAsync(cast.Admin, c.Id, new SaveReview(CompleteWork())));
        await Assert.ThrowsAsync<AccessDeniedException>(() => store.ApplyAsync(cast.Coordinator, c.Id, new SaveReview(CompleteWork())));
        c = await store.ApplyAsync(cast.Reviewer, c.Id, new SaveReview(CompleteWork()));
        c = await store.ApplyAsync(cast.Reviewer, c.Id, new SubmitForQa());
        await Assert.ThrowsAsync<AccessDeniedException>(() => store.ApplyAsync(cast.Reviewer, c.Id, new RecordQa(QaOutcome.Approved, "")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => store.CreateUserAsync(cast.Coordinator, new NewUser("x", "x", Role.Admin, null, "hash")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => store.ReadAuditAsync(cast.Qa, new AuditQuery()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => store.ListReviewersAsync(cast.Intake));
        Assert.Equal(cast.Marsh.Name, (await store.GetReviewerAsync(cast.Reviewer, cast.Marsh.Id)).Name);
    }

    [Fact]
    public async Task QA_cannot_approve_work_that_fails_the_quality_check()
    {
        await using var cast = await SetUpAsync();
        var c = await CaseAtAsync(cast, CaseStatus.Assigned);
        var contradicting = CompleteWork() with { Items = [CompleteWork().Items[0] with { Rationale = "Norco is medically necessary." }, CompleteWork().Items[1]] };
        await cast.Store.ApplyAsync(cast.Reviewer, c.Id, new SaveReview(contradicting));
        await cast.Store.ApplyAsync(cast.Reviewer, c.Id, new SubmitForQa());

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => cast.Store.ApplyAsync(cast.Qa, c.Id, new RecordQa(QaOutcome.Approved, "")));
        Assert.Contains(refused.Reasons, r => r.Contains("Item 1", StringComparison.Ordinal));
        var returned = await cast.Store.ApplyAsync(cast.Qa, c.Id, new RecordQa(QaOutcome.Returned, "Item 1's rationale concludes the opposite."));
        Assert.Equal(CaseStatus.InReview, returned.Status);
        await Assert.ThrowsAsync<RuleViolationException>(() => cast.Store.ApplyAsync(cast.Qa, c.Id, new IssueDetermination()));
    }

    [Fact]
    public async Task A_reviewer_with_a_conflict_of_interest_is_ranked_out_and_cannot_be_assigned()
    {
        await using var cast = await SetUpAsync();
        var conflicted = await cast.Store.SaveReviewerAsync(cast.Coordinator, Reviewer("Priya Raman, MD", "Anesthesiology", "Pain Medicine") with
        {
            Affiliations = [new(AffiliationKind.ClaimsAdministrator, "Golden Bear Casualty Insurance Co.")],
        });
        var c = await CaseAtAsync(cast, CaseStatus.RecordsRequested);

        var ranked = await cast.Store.RankReviewersAsync(cast.Coordinator, c.Id);
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => cast.Store.ApplyAsync(cast.Coordinator, c.Id, new AssignReviewer(conflicted.Id)));

        Assert.Equal(3, ranked.Count);
        Assert.False(ranked[^1].Included);
        Assert.Equal(conflicted.Id, ranked[^1].Reviewer.Id);
        Assert.Contains(refused.Reasons, r => r.Contains("the claims administrator", StringComparison.Ordinal));
        Assert.Equal(CaseStatus.RecordsRequested, (await cast.Store.GetCaseAsync(cast.Coordinator, c.Id)).Status);
    }

    [Fact]
    public async Task A_second_application_for_the_same_treatment_is_found_a_duplicate_of_the_first()
    {
        await using var cast = await SetUpAsync();
        var first = await cast.Store.CreateCaseAsync(cast.Intake, Application());
        var second = await cast.Store.CreateCaseAsync(cast.Intake, Application("Norco 10/325mg #60") with { EmployeeName = "GONZALEZ, MARIA" });

        var checkedCase = await cast.Store.ApplyAsync(cast.Coordinator, second.Id, new CheckEligibility());

        Assert.Equal(CaseStatus.Ineligible, checkedCase.Status);
        Assert.Contains(first.Number.Value, Assert.Single(checkedCase.Eligibility!.Reasons, r => r.Code == EligibilityCode.Duplicate).Explanation);
        var onFirst = await cast.Store.ReadAuditAsync(cast.Admin, new AuditQuery { CaseId = first.Id, Action = AuditAction.Read });
        Assert.Contains(onFirst, e => e.Detail.Contains("duplicate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_change_based_on_a_stale_version_is_refused()
    {
        await using var cast = await SetUpAsync();
        var c = await cast.Store.CreateCaseAsync(cast.Intake, Application());
        await cast.Store.ApplyAsync(cast.Coordinator, c.Id, new CheckEligibility(), expectedVersion: c.Version);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => cast.Store.ApplyAsync(cast.Coordinator, c.Id, new RequestRecords(NoticeDelivery.Mail), expectedVersion: c.Version));
    }

    [Fact]
    public async Task Documents_keep_their_bytes_and_only_PDF_or_text_up_to_20_MB_is_accepted()
    {
        await using var cast = await SetUpAsync();
        var c = await cast.Store.CreateCaseAsync(cast.Intake, Application());
        var pdf = "%PDF-1.7\n% records\n"u8.ToArray();

        var info = await cast.Store.AddDocumentAsync(cast.Intake, c.Id, new NewDocument("C:\\scans\\records.pdf", "application/pdf", pdf));
        var listed = await cast.Store.ListDocumentsAsync(cast.Coordinator, c.Id);
        var read = await cast.Store.GetDocumentAsync(cast.Coordinator, info.Id);

        Assert.Equal(info, Assert.Single(listed));
        Assert.Equal(info, read.Info);
        Assert.Equal(pdf, read.Content.ToArray());
        Assert.Equal(("application/pdf", pdf.Length), (info.ContentType, (int)info.Size));
        Assert.Equal(cast.Intake.Id, info.UploadedBy);

        await Assert.ThrowsAsync<ValidationException>(() => cast.Store.AddDocumentAsync(cast.Intake, c.Id, new NewDocument("x.exe", "application/octet-stream", pdf)));
        await Assert.ThrowsAsync<ValidationException>(() => cast.Store.AddDocumentAsync(cast.Intake, c.Id, new NewDocument("fake.pdf", "application/pdf", "MZ..."u8.ToArray())));
        await Assert.ThrowsAsync<ValidationException>(() => cast.Store.AddDocumentAsync(cast.Intake, c.Id, new NewDocument("big.txt", "text/plain", new byte[NewDocument.MaxSize + 1])));
        await Assert.ThrowsAsync<AccessDeniedException>(() => cast.Store.AddDocumentAsync(cast.Qa, c.Id, new NewDocument("qa.txt", "text/plain", "x"u8.ToArray())));
    }

    [Fact]
    public async Task Sign_in_counts_failures_locks_out_after_five_and_is_audited()
    {
        await using var cast = await SetUpAsync();
        var store = cast.Store;
        await store.SetPasswordHashAsync(cast.Admin, cast.Intake.Id, IdentityPasswordHash.Hash("right"));
        bool Check(User u, string password) => IdentityPasswordHash.Verify(u.PasswordHash, password);

        var ok = await store.SignInAsync("INTAKE", u => Check(u, "right"));
        Assert.Equal((SignInOutcome.Succeeded, cast.Intake.Id), (ok.Outcome, ok.User!.Id));
        for (var i = 1; i < SignInPolicy.MaxFailedAttempts; i++)
            Assert.Equal(SignInOutcome.Failed, (await store.SignInAsync("intake", u => Check(u, "wrong"))).Outcome);
        Assert.Equal(4, (await store.FindUserAsync("intake"))!.FailedSignIns);
        Assert.Equal(SignInOutcome.LockedOut, (await store.SignInAsync("intake", u => Check(u, "wrong"))).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await store.SignInAsync("intake", u => Check(u, "right"))).Outcome);
        Assert.Equal(SignInOutcome.Failed, (await store.SignInAsync("nobody", _ => true)).Outcome);

        cast.Clock.Advance(SignInPolicy.LockoutDuration);
        Assert.Equal(SignInOutcome.Succeeded, (await store.SignInAsync("intake", u => Check(u, "right"))).Outcome);
        Assert.Equal(0, (await store.FindUserAsync(cast.Intake.Id))!.FailedSignIns);

        var log = await store.ReadAuditAsync(cast.Admin, new AuditQuery { From = NoonIn(2026, 1, 20) });
        Assert.Equal(2, log.Count(e => e.Action == AuditAction.SignIn));
        Assert.Equal(7, log.Count(e => e.Action == AuditAction.SignInFailed));
        Assert.Contains(log, e => e.Action == AuditAction.SignInFailed && e.UserId is null && e.UserName == "nobody");
    }

    [Fact]
    public async Task Only_an_empty_store_takes_a_first_administrator_and_user_names_are_unique()
    {
        await using var cast = await SetUpAsync();

        await Assert.ThrowsAsync<RuleViolationException>(() => cast.Store.CreateFirstAdminAsync(new NewUser("root", "Root", Role.Admin, null, "hash")));
        await Assert.ThrowsAsync<ValidationException>(() => cast.Store.CreateUserAsync(cast.Admin, new NewUser("Intake", "Again", Role.Intake, null, "hash")));
        await Assert.ThrowsAsync<ValidationException>(() => cast.Store.CreateUserAsync(cast.Admin, new NewUser("rev3", "Rev", Role.Reviewer, null, "hash")));
        Assert.Equal(["admin", "coordinator", "intake", "qa", "reviewer", "reviewer2"], (await cast.Store.ListUsersAsync(cast.Admin)).Select(u => u.UserName));
    }

    [Fact]
    public async Task Demo_seeding_is_idempotent_and_its_users_sign_in_with_the_demo_password()
    {
        var clock = new FakeClock(NoonIn(2026, 1, 20));
        await using var store = await OperationsDatabase.OpenAsync(await NewDatabaseAsync(), clock);

        var first = await DemoData.SeedAsync(store);
        var second = await DemoData.SeedAsync(store);

        Assert.Equal((6, 12), first);
        Assert.Equal((0, 0), second);
        var admin = (await store.FindUserAsync("admin"))!;
        Assert.Equal(12, (await store.ListReviewersAsync(admin)).Count);
        Assert.Equal(DemoData.UserNames, (await store.ListUsersAsync(admin)).OrderBy(u => u.Role).ThenBy(u => u.UserName).Select(u => u.UserName));
        foreach (var name in DemoData.UserNames)
        {
            var result = await store.SignInAsync(name, u => IdentityPasswordHash.Verify(u.PasswordHash, DemoData.Password));
            Assert.Equal(SignInOutcome.Succeeded, result.Outcome);
        }
        var reviewer = (await store.FindUserAsync("reviewer"))!;
        Assert.Equal("Elena Marsh, MD", (await store.GetReviewerAsync(reviewer, reviewer.ExpertReviewerId!.Value)).Name);
    }

    [Fact]
    public async Task The_operations_tables_migrate_on_their_own_beside_the_archive()
    {
        var db = await NewDatabaseAsync();
        await using (var archive = await ArchiveDatabase.OpenAsync(db))
        {
            Assert.Equal((0L, 0L), await archive.CountAsync());
        }
        await using var store = await OperationsDatabase.OpenAsync(db);
        await store.MigrateAsync();
        await using var again = await ArchiveDatabase.OpenAsync(db);

        await using var connection = await ((SqlCaseStore)store).OpenConnectionAsync(default);
        var operations = (await connection.QueryAsync<int>($"SELECT version FROM {OperationsDatabase.VersionTable}")).ToList();
        var archiveVersions = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations")).ToList();
        Assert.Equal(MigrationRunner.Scripts(OperationsDatabase.Migrations(store.Engine)).Select(s => s.Version), operations);
        Assert.Equal(MigrationRunner.Scripts(MigrationSet.Archive(store.Engine)).Select(s => s.Version), archiveVersions);
    }
}

public sealed class SqliteCaseStoreTests : CaseStoreContractTests, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("imr-operations-").FullName;

    protected override Task<string> NewDatabaseAsync() => Task.FromResult(Path.Combine(_dir, $"{Guid.NewGuid():N}.db"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresCaseStoreTests(PostgresServer server) : CaseStoreContractTests
{
    protected override Task<string> NewDatabaseAsync() => server.CreateDatabaseAsync();
}
