-- Pre-computed sales figures (issue 6): one row per customer and one per customer-month,
-- kept current by triggers on `orders`, so every write path (orders, payments, returns,
-- date edits, the data generator) keeps them right without remembering to. The today and
-- overdue lists (a new customer's first order), the customer page's figures and a dealer's
-- subtree read these rows instead of every order. Amounts are fen, net of credit notes.
CREATE TABLE customer_figures (
  customer_id INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
  first_order_date TEXT,
  last_order_date TEXT,
  order_count INTEGER NOT NULL DEFAULT 0,
  amount INTEGER NOT NULL DEFAULT 0,       -- sum(total - credited)
  outstanding INTEGER NOT NULL DEFAULT 0   -- sum(total - paid - credited)
) STRICT;
CREATE INDEX customer_figures_first_order ON customer_figures(first_order_date);

CREATE TABLE customer_month_figures (
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  month TEXT NOT NULL,                     -- YYYY-MM
  order_count INTEGER NOT NULL DEFAULT 0,
  amount INTEGER NOT NULL DEFAULT 0,       -- sum(total - credited) of the month's orders
  PRIMARY KEY (customer_id, month)
) STRICT, WITHOUT ROWID;

INSERT INTO customer_figures(customer_id, first_order_date, last_order_date, order_count, amount, outstanding)
  SELECT customer_id, min(date), max(date), count(*), sum(total - credited), sum(total - paid - credited)
  FROM orders GROUP BY customer_id;
INSERT INTO customer_month_figures(customer_id, month, order_count, amount)
  SELECT customer_id, substr(date, 1, 7), count(*), sum(total - credited) FROM orders GROUP BY customer_id, substr(date, 1, 7);

CREATE TRIGGER orders_figures_insert AFTER INSERT ON orders BEGIN
  INSERT INTO customer_figures(customer_id, first_order_date, last_order_date, order_count, amount, outstanding)
    VALUES (new.customer_id, new.date, new.date, 1, new.total - new.credited, new.total - new.paid - new.credited)
    ON CONFLICT(customer_id) DO UPDATE SET
      first_order_date = CASE WHEN first_order_date IS NULL OR excluded.first_order_date < first_order_date
                              THEN excluded.first_order_date ELSE first_order_date END,
      last_order_date = CASE WHEN last_order_date IS NULL OR excluded.last_order_date > last_order_date
                             THEN excluded.last_order_date ELSE last_order_date END,
      order_count = order_count + 1, amount = amount + excluded.amount, outstanding = outstanding + excluded.outstanding;
  INSERT INTO customer_month_figures(customer_id, month, order_count, amount)
    VALUES (new.customer_id, substr(new.date, 1, 7), 1, new.total - new.credited)
    ON CONFLICT(customer_id, month) DO UPDATE SET order_count = order_count + 1, amount = amount + excluded.amount;
END;

CREATE TRIGGER orders_figures_update AFTER UPDATE OF customer_id, date, total, paid, credited ON orders BEGIN
  UPDATE customer_figures SET order_count = order_count - 1, amount = amount - (old.total - old.credited),
    outstanding = outstanding - (old.total - old.paid - old.credited) WHERE customer_id = old.customer_id;
  UPDATE customer_month_figures SET order_count = order_count - 1, amount = amount - (old.total - old.credited)
    WHERE customer_id = old.customer_id AND month = substr(old.date, 1, 7);
  INSERT INTO customer_figures(customer_id, order_count, amount, outstanding)
    VALUES (new.customer_id, 1, new.total - new.credited, new.total - new.paid - new.credited)
    ON CONFLICT(customer_id) DO UPDATE SET order_count = order_count + 1, amount = amount + excluded.amount,
      outstanding = outstanding + excluded.outstanding;
  INSERT INTO customer_month_figures(customer_id, month, order_count, amount)
    VALUES (new.customer_id, substr(new.date, 1, 7), 1, new.total - new.credited)
    ON CONFLICT(customer_id, month) DO UPDATE SET order_count = order_count + 1, amount = amount + excluded.amount;
  DELETE FROM customer_month_figures WHERE customer_id = old.customer_id AND month = substr(old.date, 1, 7) AND order_count = 0;
  UPDATE customer_figures SET
    first_order_date = (SELECT min(o.date) FROM orders o WHERE o.customer_id = customer_figures.customer_id),
    last_order_date = (SELECT max(o.date) FROM orders o WHERE o.customer_id = customer_figures.customer_id)
    WHERE customer_id IN (old.customer_id, new.customer_id);
END;

CREATE TRIGGER orders_figures_delete AFTER DELETE ON orders BEGIN
  UPDATE customer_figures SET order_count = order_count - 1, amount = amount - (old.total - old.credited),
    outstanding = outstanding - (old.total - old.paid - old.credited),
    first_order_date = (SELECT min(o.date) FROM orders o WHERE o.customer_id = old.customer_id),
    last_order_date = (SELECT max(o.date) FROM orders o WHERE o.customer_id = old.customer_id)
    WHERE customer_id = old.customer_id;
  UPDATE customer_month_figures SET order_count = order_count - 1, amount = amount - (old.total - old.credited)
    WHERE customer_id = old.customer_id AND month = substr(old.date, 1, 7);
  DELETE FROM customer_month_figures WHERE customer_id = old.customer_id AND month = substr(old.date, 1, 7) AND order_count = 0;
END;
