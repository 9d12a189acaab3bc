-- The letters of each segment holding a facet (an item's decision, its category, or both of one
-- item), so that a search checks its common filters in memory, not by asking the database about
-- each letter it would return (at a million letters those rows are not in memory). Indexes built
-- before hold no facets: they are emptied and every letter is put back in the backlog, which the
-- archive indexes when it migrates.
CREATE TABLE impact_facets (
    segment_id INTEGER NOT NULL,
    facet      TEXT    NOT NULL,
    letters    BLOB    NOT NULL,
    PRIMARY KEY (segment_id, facet)
) WITHOUT ROWID;
DELETE FROM impact_postings;
DELETE FROM impact_lookup;
DELETE FROM impact_segments;
UPDATE impact_backlog SET letters_through = (SELECT COALESCE(MAX(id), 0) FROM letters), done_through = 0;
