-- Indexes no query uses (the search filters reach these tables by letter or item id, the report
-- groups whole tables): each cost every import a B-tree insert per row.
DROP INDEX IF EXISTS letter_licensure_state;
DROP INDEX IF EXISTS letter_specialties_specialty;
DROP INDEX IF EXISTS item_guidelines_guideline;
DROP INDEX IF EXISTS items_category;
