-- The impact index (src/Imr.Archive/Search/Impact): segments of postings, each term's postings in a
-- segment ordered by impact and cut into blocks, one row a block. The key leads with the segment:
-- a query seeks each live segment's block of a term, a merge reads a segment in term order, and a
-- merged segment's rows are deleted as one range. Rows are mostly small: no rowid table.
CREATE TABLE impact_segments (
    id              INTEGER PRIMARY KEY,
    level           INTEGER NOT NULL,
    letters         INTEGER NOT NULL,
    avg_length      REAL    NOT NULL,
    first_letter_id INTEGER NOT NULL,
    last_letter_id  INTEGER NOT NULL
);
CREATE TABLE impact_postings (
    segment_id INTEGER NOT NULL,
    term       TEXT    NOT NULL,
    block      INTEGER NOT NULL,
    df         INTEGER NOT NULL,
    top_impact INTEGER NOT NULL,
    postings   BLOB    NOT NULL,
    PRIMARY KEY (segment_id, term, block)
) WITHOUT ROWID;
-- The letters stored before the index existed (ids up to letters_through), indexed by the archive
-- when it next migrates; done_through records how far it got.
CREATE TABLE impact_backlog (
    letters_through INTEGER NOT NULL,
    done_through    INTEGER NOT NULL
);
INSERT INTO impact_backlog (letters_through, done_through) SELECT COALESCE(MAX(id), 0), 0 FROM letters;
