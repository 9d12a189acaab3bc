-- FTS5 writes each committed batch as a new segment of its index and merges segments as they
-- accumulate: by default four of a level at a time, so that at a million letters every posting is
-- rewritten five or six times. Sixteen at a time rewrites it about half as often (the import of
-- 100,000 letters went from 1,867 to 2,196 letters a second) and leaves more segments for a query
-- to read; FTS5 answers only the searches the impact index cannot (quoted phrases). The setting
-- is kept in the index's own config table.
INSERT INTO letters_fts (letters_fts, rank) VALUES ('automerge', 16);
