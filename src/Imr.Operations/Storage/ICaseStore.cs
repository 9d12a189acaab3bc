using Imr.Operations.Model;
using Imr.Operations.Services;

namespace Imr.Operations.Storage;

/// <summary>Which cases to list, oldest receipt first.</summary>
public sealed record CaseQuery
{
    /// <summary>Only these statuses; all when null or empty.</summary>
    public IReadOnlyList<CaseStatus>? Statuses { get; init; }

    /// <summary>Only cases assigned to this reviewer (a reviewer user always sees only their own).</summary>
    public ExpertReviewerId? AssignedReviewer { get; init; }

    /// <summary>Only this employee (names compared as <see cref="PartyNames"/> does).</summary>
    public string? EmployeeName { get; init; }

    public int Limit { get; init; } = 100;

    public int Offset { get; init; }
}

/// <summary>
/// The operations store: cases and their flow, documents, the reviewer roster, users and the audit log,
/// over SQLite (the default, in the archive's database file) or PostgreSQL. Every method that touches a
/// case takes the acting user, checks <see cref="Permissions"/> (a reviewer reaches only the cases assigned
/// to them) and appends an <see cref="AuditEntry"/> in the same transaction as the read or write; a refusal
/// is audited too and throws <see cref="AccessDeniedException"/>. Safe for concurrent use: every call opens
/// its own connection and transaction, so one instance can serve a whole web application.
/// </summary>
public interface ICaseStore : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Engine { get; }

    /// <summary>Brings the operations tables up to date (idempotent); they migrate independently of the archive.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    // ----- Cases -----

    /// <summary>Opens a case for an application: numbers it CMyy-nnnnnnn (next in the year of receipt),
    /// status Received. Audited as create.</summary>
    /// <exception cref="ValidationException">The application is not valid input.</exception>
    Task<ImrCase> CreateCaseAsync(User actor, CaseApplication application, CancellationToken cancellationToken = default);

    /// <summary>A case by id. Audited as read.</summary>
    /// <exception cref="NotFoundException">No such case.</exception>
    Task<ImrCase> GetCaseAsync(User actor, CaseId id, CancellationToken cancellationToken = default);

    /// <summary>A case by its number. Audited as read.</summary>
    Task<ImrCase> GetCaseAsync(User actor, Letters.Model.CaseNumber number, CancellationToken cancellationToken = default);

    /// <summary>Cases matching <paramref name="query"/>; one read is audited per case listed.</summary>
    Task<IReadOnlyList<ImrCase>> ListCasesAsync(User actor, CaseQuery query, CancellationToken cancellationToken = default);

    /// <summary>Applies one step of the flow to a case under a row lock, checks and audits it, and returns
    /// the case as stored.</summary>
    /// <param name="expectedVersion">When given, the case's <see cref="ImrCase.Version"/> the caller read;
    /// a different stored version throws <see cref="ConcurrencyConflictException"/>.</param>
    /// <exception cref="RuleViolationException">The flow does not allow the step now.</exception>
    Task<ImrCase> ApplyAsync(User actor, CaseId id, CaseChange change, long? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>The roster ranked for a case (<see cref="ReviewerMatching.Rank(ImrCase, IEnumerable{ExpertReviewer}, SpecialtyFit?)"/>).
    /// Needs the permission to assign; audited as read.</summary>
    Task<IReadOnlyList<ReviewerMatch>> RankReviewersAsync(User actor, CaseId id, CancellationToken cancellationToken = default);

    // ----- Documents -----

    /// <summary>Stores a document of a case (PDF or text, at most 20 MB). Audited as upload.</summary>
    Task<CaseDocumentInfo> AddDocumentAsync(User actor, CaseId caseId, NewDocument document, CancellationToken cancellationToken = default);

    /// <summary>The documents of a case, without content. Audited as read.</summary>
    Task<IReadOnlyList<CaseDocumentInfo>> ListDocumentsAsync(User actor, CaseId caseId, CancellationToken cancellationToken = default);

    /// <summary>One document with its content. Audited as read.</summary>
    Task<CaseDocument> GetDocumentAsync(User actor, DocumentId id, CancellationToken cancellationToken = default);

    // ----- Roster -----

    Task<IReadOnlyList<ExpertReviewer>> ListReviewersAsync(User actor, CancellationToken cancellationToken = default);

    /// <summary>A roster entry; a reviewer user may read their own.</summary>
    Task<ExpertReviewer> GetReviewerAsync(User actor, ExpertReviewerId id, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces a roster entry. Audited as create or update.</summary>
    Task<ExpertReviewer> SaveReviewerAsync(User actor, ExpertReviewer reviewer, CancellationToken cancellationToken = default);

    // ----- Users -----

    /// <summary>Creates a user (administrators only). Audited as create.</summary>
    Task<User> CreateUserAsync(User actor, NewUser user, CancellationToken cancellationToken = default);

    /// <summary>Creates the first administrator of an empty store; refused once any user exists.</summary>
    Task<User> CreateFirstAdminAsync(NewUser user, CancellationToken cancellationToken = default);

    /// <summary>A user by sign-in name (any case); null when none. Not audited: it reads no case.</summary>
    Task<User?> FindUserAsync(string userName, CancellationToken cancellationToken = default);

    /// <summary>A user by id (to resolve the signed-in principal); null when none.</summary>
    Task<User?> FindUserAsync(UserId id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<User>> ListUsersAsync(User actor, CancellationToken cancellationToken = default);

    /// <summary>Replaces a password hash: an administrator for anyone, a user for themself. Audited as update.</summary>
    Task<User> SetPasswordHashAsync(User actor, UserId id, string passwordHash, CancellationToken cancellationToken = default);

    /// <summary>Activates or deactivates a user (administrators only). Audited as update.</summary>
    Task<User> SetUserActiveAsync(User actor, UserId id, bool active, CancellationToken cancellationToken = default);

    /// <summary>
    /// A sign-in attempt: finds the user, refuses an inactive or locked-out one, asks
    /// <paramref name="verifyPassword"/> (the web layer's hasher) otherwise, counts failures and locks out
    /// after <see cref="SignInPolicy.MaxFailedAttempts"/> (<see cref="SignInPolicy"/>). Audited as sign-in
    /// or sign-in-failed.
    /// </summary>
    Task<SignInResult> SignInAsync(string userName, Func<User, bool> verifyPassword, CancellationToken cancellationToken = default);

    // ----- Audit -----

    /// <summary>Appends an entry for an act the store does not see (a sign-out, a letter rendered and
    /// downloaded). There is no way to change or remove one.</summary>
    Task AppendAuditAsync(User actor, AuditAction action, CaseId? caseId, string detail, CancellationToken cancellationToken = default);

    /// <summary>Audit entries, newest first (administrators only; the reading is itself audited).</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(User actor, AuditQuery query, CancellationToken cancellationToken = default);
}
