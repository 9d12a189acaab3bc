-- The impact index (src/Imr.Archive/Search/Impact): segments of postings, each term's postings in a
-- segment ordered by impact and cut into blocks, one row a block. The key leads with the segment:
-- a query seeks each live segment's block of a term, a merge reads a segment in term order, and a
-- merged segment's rows are deleted as one range. Terms compare byte by byte ("C"), as in SQLite.
CREATE TABLE impact_segments (
    id              BIGSERIAL PRIMARY KEY,
    level           BIGINT           NOT NULL,
    letters         BIGINT           NOT NULL,
    avg_length      DOUBLE PRECISION NOT NULL,
    first_letter_id BIGINT           NOT NULL,
    last_letter_id  BIGINT           NOT NULL
);
CREATE TABLE impact_postings (
    segment_id BIGINT       NOT NULL,
    term       TEXT COLLATE "C" NOT NULL,
    block      BIGINT       NOT NULL,
    df         BIGINT       NOT NULL,
    top_impact BIGINT       NOT NULL,
    postings   BYTEA        NOT NULL,
    PRIMARY KEY (segment_id, term, block)
);
-- Postings are already compact: no compression to undo on every read.
ALTER TABLE impact_postings ALTER COLUMN postings SET STORAGE EXTERNAL;
-- The letters stored before the index existed (ids up to letters_through), indexed by the archive
-- when it next migrates; done_through records how far it got.
CREATE TABLE impact_backlog (
    letters_through BIGINT NOT NULL,
    done_through    BIGINT NOT NULL
);
INSERT INTO impact_backlog (letters_through, done_through) SELECT COALESCE(MAX(id), 0), 0 FROM letters;
