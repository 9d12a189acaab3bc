-- The letters of each segment holding a facet (an item's decision, its category, or both of one
-- item), so that a search checks its common filters in memory, not by asking the database about
-- each letter it would return (at a million letters those rows are not in memory). Indexes built
-- before hold no facets: they are emptied and every letter is put back in the backlog, which the
-- archive indexes when it migrates. The versions no longer current, which a search reads whole,
-- get an index of their own.
CREATE TABLE impact_facets (
    segment_id BIGINT NOT NULL,
    facet      TEXT COLLATE "C" NOT NULL,
    letters    BYTEA  NOT NULL,
    PRIMARY KEY (segment_id, facet)
);
ALTER TABLE impact_facets ALTER COLUMN letters SET STORAGE EXTERNAL;
CREATE INDEX letters_retired ON letters (id) WHERE is_current = FALSE;
TRUNCATE impact_postings, impact_lookup, impact_segments;
UPDATE impact_backlog SET letters_through = (SELECT COALESCE(MAX(id), 0) FROM letters), done_through = 0;
