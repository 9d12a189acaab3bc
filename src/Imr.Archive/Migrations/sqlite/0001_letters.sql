-- The archive of final determinations. A letter is stored once per content; a changed letter under
-- the same key (its case number, or its file name when it has none) becomes a new version.
CREATE TABLE letters (
    id                   INTEGER PRIMARY KEY,
    letter_key           TEXT    NOT NULL,
    version              INTEGER NOT NULL,
    is_current           INTEGER NOT NULL,
    content_hash         TEXT    NOT NULL,
    source               TEXT    NOT NULL,
    case_number          TEXT,
    date_assigned        TEXT,
    date_of_injury       TEXT,
    decision_date        TEXT,
    decision_month       TEXT,
    ur_denial_date       TEXT,
    application_received TEXT,
    days_to_assignment   INTEGER,
    days_to_decision     INTEGER,
    priority             TEXT,
    case_summary         TEXT    NOT NULL,
    determination        TEXT    NOT NULL,
    imported_at          TEXT    NOT NULL,
    UNIQUE (letter_key, version),
    UNIQUE (letter_key, content_hash)
);
CREATE INDEX letters_current_decided ON letters (is_current, decision_date);

CREATE TABLE letter_licensure (
    letter_id INTEGER NOT NULL REFERENCES letters (id),
    state     TEXT    NOT NULL
);
CREATE INDEX letter_licensure_state ON letter_licensure (state, letter_id);
CREATE INDEX letter_licensure_letter ON letter_licensure (letter_id);

CREATE TABLE letter_specialties (
    letter_id INTEGER NOT NULL REFERENCES letters (id),
    specialty TEXT    NOT NULL
);
CREATE INDEX letter_specialties_specialty ON letter_specialties (specialty, letter_id);
CREATE INDEX letter_specialties_letter ON letter_specialties (letter_id);

CREATE TABLE items (
    id                             INTEGER PRIMARY KEY,
    letter_id                      INTEGER NOT NULL REFERENCES letters (id),
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

-- What the reviewer relied on, one row per MTUS part or non-MTUS source cited.
CREATE TABLE item_guidelines (
    item_id   INTEGER NOT NULL REFERENCES items (id),
    guideline TEXT    NOT NULL
);
CREATE INDEX item_guidelines_item ON item_guidelines (item_id);
CREATE INDEX item_guidelines_guideline ON item_guidelines (guideline, item_id);

-- Full text, one entry per letter: its case summary, its treatments and its rationales. The index
-- keeps no copy of the text (external content): snippets read it through the view.
CREATE VIEW letters_search (id, case_summary, treatments, rationales) AS
    SELECT l.id, l.case_summary,
           (SELECT group_concat(i.treatment, ' | ') FROM items i WHERE i.letter_id = l.id),
           (SELECT group_concat(i.rationale, ' | ') FROM items i WHERE i.letter_id = l.id)
    FROM letters l;
CREATE VIRTUAL TABLE letters_fts USING fts5 (
    case_summary, treatments, rationales,
    content = 'letters_search', content_rowid = 'id', tokenize = 'porter unicode61'
);
