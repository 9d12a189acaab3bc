-- The impact index's blocks stay in their table's pages: a block over about 2 KB had been moved to the
-- TOAST table (PostgreSQL's default target), so that reading it took a second index seek and more
-- pages, which from a cold cache doubled the reads of a search. Rows up to 8160 bytes (the most a
-- heap page holds) now stay inline; larger blocks, few, still go to TOAST. Rewriting the columns
-- moves the blocks stored before back into the table (a rewrite, no re-indexing); the blocks remain
-- uncompressed (STORAGE EXTERNAL), as they are compact already.
ALTER TABLE impact_lookup SET (toast_tuple_target = 8160);
ALTER TABLE impact_postings SET (toast_tuple_target = 8160);
ALTER TABLE impact_lookup ALTER COLUMN postings TYPE BYTEA USING postings || ''::BYTEA;
ALTER TABLE impact_postings ALTER COLUMN postings TYPE BYTEA USING postings || ''::BYTEA;
ALTER TABLE impact_lookup ALTER COLUMN postings SET STORAGE EXTERNAL;
ALTER TABLE impact_postings ALTER COLUMN postings SET STORAGE EXTERNAL;
