-- The operations tables (PostgreSQL): the same shape as the SQLite schema. Ids are GUIDs in canonical
-- text so that both engines share their SQL and row mapping; lists of values are JSON text.
CREATE TABLE expert_reviewers (
    id                       TEXT        PRIMARY KEY,
    name                     TEXT        NOT NULL,
    board_certifications     TEXT        NOT NULL,
    subspecialties           TEXT        NOT NULL,
    licensure_states         TEXT        NOT NULL,
    years_in_active_practice INTEGER     NOT NULL,
    weekly_practice_hours    INTEGER     NOT NULL,
    affiliations             TEXT        NOT NULL,
    active                   BOOLEAN     NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL
);

CREATE TABLE users (
    id                   TEXT        PRIMARY KEY,
    user_name            TEXT        NOT NULL,
    normalized_user_name TEXT        NOT NULL UNIQUE,
    display_name         TEXT        NOT NULL,
    role                 TEXT        NOT NULL CHECK (role IN ('Intake', 'Coordinator', 'Reviewer', 'Qa', 'Admin')),
    expert_reviewer_id   TEXT        REFERENCES expert_reviewers (id),
    password_hash        TEXT        NOT NULL,
    active               BOOLEAN     NOT NULL,
    failed_sign_ins      INTEGER     NOT NULL,
    lockout_until        TIMESTAMPTZ,
    created_at           TIMESTAMPTZ NOT NULL,
    CHECK ((role = 'Reviewer') = (expert_reviewer_id IS NOT NULL))
);

CREATE TABLE case_number_sequences (
    year        INTEGER PRIMARY KEY,
    last_number INTEGER NOT NULL
);

CREATE TABLE cases (
    id                           TEXT        PRIMARY KEY,
    case_number                  TEXT        NOT NULL UNIQUE,
    version                      BIGINT      NOT NULL,
    status                       TEXT        NOT NULL,
    employee_name                TEXT        NOT NULL,
    employee_key                 TEXT        NOT NULL,
    employer                     TEXT        NOT NULL,
    claims_administrator         TEXT        NOT NULL,
    requesting_physician         TEXT        NOT NULL,
    date_of_injury               DATE        NOT NULL,
    ur_decision_date             DATE,
    received_on                  DATE        NOT NULL,
    priority                     TEXT        NOT NULL,
    liability_disputed           BOOLEAN     NOT NULL,
    treatment_already_authorized BOOLEAN     NOT NULL,
    eligibility_checked_on       DATE,
    eligibility_reasons          TEXT,
    records_requested_at         TIMESTAMPTZ,
    records_notice_delivery      TEXT,
    records_received             TEXT        NOT NULL,
    assigned_reviewer_id         TEXT        REFERENCES expert_reviewers (id),
    assigned_at                  TIMESTAMPTZ,
    assigned_by                  TEXT,
    review_case_summary          TEXT,
    qa_outcome                   TEXT,
    qa_notes                     TEXT,
    qa_by                        TEXT,
    qa_at                        TIMESTAMPTZ,
    issued_at                    TIMESTAMPTZ,
    issued_by                    TEXT,
    determination                TEXT,
    redacted_determination       TEXT,
    redactions                   TEXT,
    withdrawn_reason             TEXT,
    withdrawn_at                 TIMESTAMPTZ,
    withdrawn_by                 TEXT,
    created_at                   TIMESTAMPTZ NOT NULL,
    updated_at                   TIMESTAMPTZ NOT NULL
);
CREATE INDEX cases_employee ON cases (employee_key, date_of_injury);
CREATE INDEX cases_status ON cases (status, received_on);
CREATE INDEX cases_reviewer ON cases (assigned_reviewer_id, status);

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
    id           TEXT        PRIMARY KEY,
    case_id      TEXT        NOT NULL REFERENCES cases (id),
    file_name    TEXT        NOT NULL,
    content_type TEXT        NOT NULL CHECK (content_type IN ('application/pdf', 'text/plain')),
    size_bytes   BIGINT      NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 20971520),
    sha256       TEXT        NOT NULL,
    uploaded_by  TEXT        NOT NULL,
    uploaded_at  TIMESTAMPTZ NOT NULL,
    content      BYTEA       NOT NULL
);
CREATE INDEX case_documents_case ON case_documents (case_id, uploaded_at);

CREATE TABLE audit_entries (
    id        BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        TIMESTAMPTZ NOT NULL,
    user_id   TEXT,
    user_name TEXT        NOT NULL,
    action    TEXT        NOT NULL,
    case_id   TEXT,
    detail    TEXT        NOT NULL
);
CREATE INDEX audit_entries_case ON audit_entries (case_id, id);
CREATE INDEX audit_entries_user ON audit_entries (user_id, id);

-- Append-only: no row of the audit log may change or go, whoever asks (TRUNCATE included).
CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entries is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER audit_entries_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
