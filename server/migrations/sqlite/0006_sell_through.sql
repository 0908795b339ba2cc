-- Sell-through (分销 纯销) reported by a dealer: how many units of each product it sold on to
-- its own customers in a month. A dealer's subtree totals add these to the orders recorded
-- for its sub-dealers, because most of a general dealer's outlets never order from us.
CREATE TABLE sell_through_reports (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  month TEXT NOT NULL,  -- YYYY-MM
  note TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (customer_id, month)
) STRICT;

CREATE TABLE sell_through_lines (
  report_id INTEGER NOT NULL REFERENCES sell_through_reports(id) ON DELETE CASCADE,
  product_id INTEGER NOT NULL REFERENCES products(id),
  quantity INTEGER NOT NULL CHECK (quantity >= 0),
  PRIMARY KEY (report_id, product_id)
) STRICT;
