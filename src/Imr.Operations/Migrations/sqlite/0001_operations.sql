-- The operations tables: an independent review organization's cases, documents, reviewer roster,
-- users and audit log. They share the database file with the archive and migrate on their own
-- (versions in schema_migrations_operations). Ids are GUIDs in canonical text, dates ISO 'yyyy-MM-dd',
-- moments ISO 8601 UTC text, lists of values JSON arrays.
CREATE TABLE expert_reviewers (
    id                       TEXT    PRIMARY KEY,
    name                     TEXT    NOT NULL,
    board_certifications     TEXT    NOT NULL,
    subspecialties           TEXT    NOT NULL,
    licensure_states         TEXT    NOT NULL,
    years_in_active_practice INTEGER NOT NULL,
    weekly_practice_hours    INTEGER NOT NULL,
    affiliations             TEXT    NOT NULL,
    active                   INTEGER NOT NULL,
    updated_at               TEXT    NOT NULL
);

CREATE TABLE users (
    id                   TEXT    PRIMARY KEY,
    user_name            TEXT    NOT NULL,
    normalized_user_name TEXT    NOT NULL UNIQUE,
    display_name         TEXT    NOT NULL,
    role                 TEXT    NOT NULL CHECK (role IN ('Intake', 'Coordinator', 'Reviewer', 'Qa', 'Admin')),
    expert_reviewer_id   TEXT    REFERENCES expert_reviewers (id),
    password_hash        TEXT    NOT NULL,
    active               INTEGER NOT NULL,
    failed_sign_ins      INTEGER NOT NULL,
    lockout_until        TEXT,
    created_at           TEXT    NOT NULL,
    CHECK ((role = 'Reviewer') = (expert_reviewer_id IS NOT NULL))
);

-- The last case number given out per two-digit year.
CREATE TABLE case_number_sequences (
    year        INTEGER PRIMARY KEY,
    last_number INTEGER NOT NULL
);

CREATE TABLE cases (
    id                           TEXT    PRIMARY KEY,
    case_number                  TEXT    NOT NULL UNIQUE,
    version                      INTEGER NOT NULL,
    status                       TEXT    NOT NULL,
    employee_name                TEXT    NOT NULL,
    employee_key                 TEXT    NOT NULL,
    employer                     TEXT    NOT NULL,
    claims_administrator         TEXT    NOT NULL,
    requesting_physician         TEXT    NOT NULL,
    date_of_injury               TEXT    NOT NULL,
    ur_decision_date             TEXT,
    received_on                  TEXT    NOT NULL,
    priority                     TEXT    NOT NULL,
    liability_disputed           INTEGER NOT NULL,
    treatment_already_authorized INTEGER NOT NULL,
    eligibility_checked_on       TEXT,
    eligibility_reasons          TEXT,
    records_requested_at         TEXT,
    records_notice_delivery      TEXT,
    records_received             TEXT    NOT NULL,
    assigned_reviewer_id         TEXT    REFERENCES expert_reviewers (id),
    assigned_at                  TEXT,
    assigned_by                  TEXT,
    review_case_summary          TEXT,
    qa_outcome                   TEXT,
    qa_notes                     TEXT,
    qa_by                        TEXT,
    qa_at                        TEXT,
    issued_at                    TEXT,
    issued_by                    TEXT,
    determination                TEXT,
    redacted_determination       TEXT,
    redactions                   TEXT,
    withdrawn_reason             TEXT,
    withdrawn_at                 TEXT,
    withdrawn_by                 TEXT,
    created_at                   TEXT    NOT NULL,
    updated_at                   TEXT    NOT NULL
);
CREATE INDEX cases_employee ON cases (employee_key, date_of_injury);
CREATE INDEX cases_status ON cases (status, received_on);
CREATE INDEX cases_reviewer ON cases (assigned_reviewer_id, status);

-- The disputed items; the reviewer's decision columns stay null until the review is saved.
CREATE TABLE case_items (
    case_id                        TEXT    NOT NULL REFERENCES cases (id),
    ordinal                        INTEGER NOT NULL,
    treatment                      TEXT    NOT NULL,
    category                       TEXT    NOT NULL,
    claims_administrator_guideline TEXT,
    decision                       TEXT    CHECK (decision IN ('Upheld', 'Overturned')),
    reviewer_guideline             TEXT,
    rationale                      TEXT,
    PRIMARY KEY (case_id, ordinal)
);

CREATE TABLE case_documents (
    id           TEXT    PRIMARY KEY,
    case_id      TEXT    NOT NULL REFERENCES cases (id),
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL CHECK (content_type IN ('application/pdf', 'text/plain')),
    size_bytes   INTEGER NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 20971520),
    sha256       TEXT    NOT NULL,
    uploaded_by  TEXT    NOT NULL,
    uploaded_at  TEXT    NOT NULL,
    content      BLOB    NOT NULL
);
CREATE INDEX case_documents_case ON case_documents (case_id, uploaded_at);

-- Append-only: every read and write of a case leaves a row; the triggers refuse to change or remove one.
CREATE TABLE audit_entries (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT    NOT NULL,
    user_id   TEXT,
    user_name TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    case_id   TEXT,
    detail    TEXT    NOT NULL
);
CREATE INDEX audit_entries_case ON audit_entries (case_id, id);
CREATE INDEX audit_entries_user ON audit_entries (user_id, id);

CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
BEGIN
    SELECT RAISE(ABORT, 'audit_entries is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
BEGIN
    SELECT RAISE(ABORT, 'audit_entries is append-only: DELETE is not allowed');
END;
