-- The impact index's postings in letter order too, cut into blocks keyed by their last letter id, so
-- that a query can look up a letter's impact for a term (random access beside the impact-ordered
-- lists); a term's first block row carries the directory of its lookup blocks (their last letter
-- ids), so that a query knows which block would hold a letter. Indexes built before hold no such
-- rows: they are emptied and every letter is put back in the backlog, which the archive indexes
-- when it migrates.
CREATE TABLE impact_lookup (
    segment_id INTEGER NOT NULL,
    term       TEXT    NOT NULL,
    last_id    INTEGER NOT NULL,
    postings   BLOB    NOT NULL,
    PRIMARY KEY (segment_id, term, last_id)
) WITHOUT ROWID;
ALTER TABLE impact_postings ADD COLUMN directory BLOB;
DELETE FROM impact_postings;
DELETE FROM impact_segments;
UPDATE impact_backlog SET letters_through = (SELECT COALESCE(MAX(id), 0) FROM letters), done_through = 0;
