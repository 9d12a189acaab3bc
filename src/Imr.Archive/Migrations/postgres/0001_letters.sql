-- The archive of final determinations (PostgreSQL). Same shape as the SQLite schema; full text is a
-- weighted tsvector per letter (treatments A, rationales B, case summary C) with a GIN index.
CREATE TABLE letters (
    id                   BIGSERIAL PRIMARY KEY,
    letter_key           TEXT    NOT NULL,
    version              INTEGER NOT NULL,
    is_current           BOOLEAN NOT NULL,
    content_hash         TEXT    NOT NULL,
    source               TEXT    NOT NULL,
    case_number          TEXT,
    date_assigned        DATE,
    date_of_injury       DATE,
    decision_date        DATE,
    decision_month       TEXT,
    ur_denial_date       DATE,
    application_received DATE,
    days_to_assignment   INTEGER,
    days_to_decision     INTEGER,
    priority             TEXT,
    case_summary         TEXT    NOT NULL,
    determination        TEXT    NOT NULL,
    imported_at          TIMESTAMPTZ NOT NULL,
    search               TSVECTOR NOT NULL,
    UNIQUE (letter_key, version),
    UNIQUE (letter_key, content_hash)
);
CREATE INDEX letters_current_decided ON letters (is_current, decision_date);
CREATE INDEX letters_search ON letters USING GIN (search);

CREATE TABLE letter_licensure (
    letter_id BIGINT NOT NULL REFERENCES letters (id),
    state     TEXT   NOT NULL
);
CREATE INDEX letter_licensure_state ON letter_licensure (state, letter_id);
CREATE INDEX letter_licensure_letter ON letter_licensure (letter_id);

CREATE TABLE letter_specialties (
    letter_id BIGINT NOT NULL REFERENCES letters (id),
    specialty TEXT   NOT NULL
);
CREATE INDEX letter_specialties_specialty ON letter_specialties (specialty, letter_id);
CREATE INDEX letter_specialties_letter ON letter_specialties (letter_id);

CREATE TABLE items (
    id                             BIGSERIAL PRIMARY KEY,
    letter_id                      BIGINT  NOT NULL REFERENCES letters (id),
    ordinal                        INTEGER NOT NULL,
    treatment                      TEXT    NOT NULL,
    decision                       TEXT    NOT NULL,
    category                       TEXT    NOT NULL,
    claims_administrator_guideline TEXT    NOT NULL,
    reviewer_guideline             TEXT    NOT NULL,
    rationale                      TEXT    NOT NULL
);
CREATE INDEX items_letter ON items (letter_id);
CREATE INDEX items_category ON items (category, decision);

CREATE TABLE item_guidelines (
    item_id   BIGINT NOT NULL REFERENCES items (id),
    guideline TEXT   NOT NULL
);
CREATE INDEX item_guidelines_item ON item_guidelines (item_id);
CREATE INDEX item_guidelines_guideline ON item_guidelines (guideline, item_id);
