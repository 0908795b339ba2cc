-- Covering indexes for the customer list and search at a million customers (issue 6).
--
-- SQLite 3.40 (Debian 12) does not treat a partial index as covering a column that only its
-- WHERE mentions: every index of 0014 was `… WHERE deleted_at IS NULL` without `deleted_at`
-- among its columns, so each index entry a list or a count touched also read the whole
-- customer row (10,001 rows for a capped count: 1.4 ms; 5,000 scattered rows for a manager's
-- search: up to 200 ms while the pages were not cached). With `deleted_at` as the first
-- column (`deleted_at IS NULL` is an equality there, so the sort order of the columns after
-- it is kept) the same queries read index entries only: the capped count 0.4 ms.
DROP INDEX customers_list_owner;
DROP INDEX customers_list_region;
DROP INDEX customers_list_status;
CREATE INDEX customers_list_owner ON customers(deleted_at, owner_id, status, province_code, grade, sort_key, updated_at)
  WHERE deleted_at IS NULL;
CREATE INDEX customers_list_region ON customers(deleted_at, province_code, status, sort_key) WHERE deleted_at IS NULL;
CREATE INDEX customers_list_status ON customers(deleted_at, status, sort_key) WHERE deleted_at IS NULL;

-- All live customers in name order or by last change: the director's list without filters
-- and a search with more matches than the count cap walk these. They replace the indexes of
-- all rows (the recycle bin is listed through customers_deleted).
DROP INDEX customers_sort_key;
DROP INDEX customers_updated;
CREATE INDEX customers_live_sort ON customers(deleted_at, sort_key) WHERE deleted_at IS NULL;
CREATE INDEX customers_live_updated ON customers(deleted_at, updated_at) WHERE deleted_at IS NULL;
ANALYZE customers;
