-- Indexes for the customer list at a million customers (issue 6), on live rows only (the
-- recycle bin is small and listed separately). A manager's list starts from the owner and
-- checks status, region and grade in the index; a lead's or director's list by region and
-- status walks the matches already in name order, so a page of 50 and the capped count
-- (customer_store.hpp kCountCap) read index entries, not whole rows.
CREATE INDEX customers_list_owner ON customers(owner_id, status, province_code, grade, sort_key) WHERE deleted_at IS NULL;
CREATE INDEX customers_list_region ON customers(province_code, status, sort_key) WHERE deleted_at IS NULL;
CREATE INDEX customers_list_status ON customers(status, sort_key) WHERE deleted_at IS NULL;
ANALYZE customers;

-- The today list's "waiting for a lead" sections look visits up by status across teams.
CREATE INDEX visits_status ON visits(status, date);
ANALYZE visits;
