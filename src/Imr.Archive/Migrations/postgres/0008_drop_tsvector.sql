-- The letters' weighted tsvector and its GIN index go: the impact index answers every search,
-- quoted phrases included (their stems ranked, the phrase checked on the candidates' texts), and
-- computing a tsvector and its GIN entries was most of the import's time (measured: 20,000 letters
-- copied in 4.4 s into a plain table, 34.5 s with them). The engine's full-text ranking, kept for
-- an index not yet complete, computes the tsvector of each letter as it reads it.
DROP INDEX IF EXISTS letters_search;
ALTER TABLE letters DROP COLUMN IF EXISTS search;
