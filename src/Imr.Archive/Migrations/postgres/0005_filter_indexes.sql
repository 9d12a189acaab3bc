-- A search through the impact index asks which of a few hundred letters pass its filters. These
-- indexes hold what the common filters read (current version, decision date; an item's decision and
-- category), so that the check can read small index pages (an index-only scan), not the letters'
-- and items' rows, which hold the text and JSON and at a million letters do not stay in memory.
CREATE INDEX letters_filter ON letters (id) INCLUDE (is_current, decision_date);
DROP INDEX items_letter;
CREATE INDEX items_letter ON items (letter_id) INCLUDE (decision, category);
