-- Pre-computed contact due dates (issue 6). The overdue rule (care settings: the grade's
-- longest gap since the last contact or since the customer was created, a planned next
-- contact, a new customer's first follow-up after the first order) is written once, as the
-- view care_due_rule; triggers keep care_due equal to it on every write that can change a
-- customer's due date, so the today and overdue lists read an index range of due rows
-- instead of computing the rule over every customer of the caller. The defaults (A 30,
-- B 60, C 90 days, 7 days after a first order) match modules/care/settings.hpp.
CREATE VIEW care_due_rule AS
WITH k AS (SELECT coalesce(json_extract(settings, '$.contact_gap_days.A'), 30) AS gap_a,
                  coalesce(json_extract(settings, '$.contact_gap_days.B'), 60) AS gap_b,
                  coalesce(json_extract(settings, '$.contact_gap_days.C'), 90) AS gap_c,
                  coalesce(json_extract(settings, '$.new_customer_days'), 7) AS new_days
           FROM care_settings WHERE id = 1),
base AS (
  SELECT c.id AS customer_id, c.owner_id, s.next_contact_date,
         date(coalesce(s.last_contact_day, substr(c.created_at, 1, 10)),
              '+' || (CASE coalesce(c.grade, 'C') WHEN 'A' THEN k.gap_a WHEN 'B' THEN k.gap_b ELSE k.gap_c END) || ' days') AS gap_due,
         CASE WHEN f.first_order_date IS NOT NULL AND (s.last_contact_day IS NULL OR s.last_contact_day < f.first_order_date)
              THEN date(f.first_order_date, '+' || k.new_days || ' days') END AS new_due
  FROM customers c CROSS JOIN k LEFT JOIN care_state s ON s.customer_id = c.id
  LEFT JOIN customer_figures f ON f.customer_id = c.id
  WHERE c.deleted_at IS NULL AND c.status IN ('active', 'dormant'))
SELECT customer_id, owner_id,
       min(gap_due, coalesce(next_contact_date, gap_due), coalesce(new_due, gap_due)) AS due_date,
       CASE WHEN new_due IS NOT NULL AND new_due <= gap_due AND new_due <= coalesce(next_contact_date, gap_due) THEN 'new_customer'
            WHEN next_contact_date IS NOT NULL AND next_contact_date <= gap_due THEN 'next_contact'
            ELSE 'no_contact' END AS reason
FROM base;

CREATE TABLE care_due (
  customer_id INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
  owner_id INTEGER NOT NULL,
  due_date TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('new_customer', 'next_contact', 'no_contact'))
) STRICT;
CREATE INDEX care_due_owner ON care_due(owner_id, due_date);
CREATE INDEX care_due_date ON care_due(due_date);
INSERT INTO care_due(customer_id, owner_id, due_date, reason) SELECT customer_id, owner_id, due_date, reason FROM care_due_rule;

CREATE TRIGGER care_due_customer_insert AFTER INSERT ON customers BEGIN
  INSERT OR REPLACE INTO care_due SELECT customer_id, owner_id, due_date, reason FROM care_due_rule WHERE customer_id = new.id;
END;
CREATE TRIGGER care_due_customer_update AFTER UPDATE OF grade, status, owner_id, deleted_at, created_at ON customers BEGIN
  DELETE FROM care_due WHERE customer_id = new.id;
  INSERT INTO care_due SELECT customer_id, owner_id, due_date, reason FROM care_due_rule WHERE customer_id = new.id;
END;
CREATE TRIGGER care_due_state_insert AFTER INSERT ON care_state BEGIN
  DELETE FROM care_due WHERE customer_id = new.customer_id;
  INSERT INTO care_due SELECT customer_id, owner_id, due_date, reason FROM care_due_rule WHERE customer_id = new.customer_id;
END;
CREATE TRIGGER care_due_state_update AFTER UPDATE ON care_state BEGIN
  DELETE FROM care_due WHERE customer_id = new.customer_id;
  INSERT INTO care_due SELECT customer_id, owner_id, due_date, reason FROM care_due_rule WHERE customer_id = new.customer_id;
END;
CREATE TRIGGER care_due_state_delete AFTER DELETE ON care_state BEGIN
  DELETE FROM care_due WHERE customer_id = old.customer_id;
  INSERT INTO care_due SELECT customer_id, owner_id, due_date, reason FROM care_due_rule WHERE customer_id = old.customer_id;
END;
CREATE TRIGGER care_due_figures_insert AFTER INSERT ON customer_figures BEGIN
  DELETE FROM care_due WHERE customer_id = new.customer_id;
  INSERT INTO care_due SELECT customer_id, owner_id, due_date, reason FROM care_due_rule WHERE customer_id = new.customer_id;
END;
CREATE TRIGGER care_due_figures_update AFTER UPDATE OF first_order_date ON customer_figures
WHEN old.first_order_date IS NOT new.first_order_date BEGIN
  DELETE FROM care_due WHERE customer_id = new.customer_id;
  INSERT INTO care_due SELECT customer_id, owner_id, due_date, reason FROM care_due_rule WHERE customer_id = new.customer_id;
END;
CREATE TRIGGER care_due_settings_update AFTER UPDATE OF settings ON care_settings BEGIN
  DELETE FROM care_due;
  INSERT INTO care_due SELECT customer_id, owner_id, due_date, reason FROM care_due_rule;
END;

-- The reminder sweep's change counter per owner (replaces summing the versions of every
-- customer, contact and care event of the user on each /today): bumped by any write to them.
CREATE TABLE care_reminder_versions (
  user_id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TRIGGER care_versions_customer_insert AFTER INSERT ON customers BEGIN
  INSERT INTO care_reminder_versions(user_id, version) VALUES (new.owner_id, 1)
    ON CONFLICT(user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER care_versions_customer_update AFTER UPDATE ON customers BEGIN
  INSERT INTO care_reminder_versions(user_id, version) VALUES (old.owner_id, 1)
    ON CONFLICT(user_id) DO UPDATE SET version = version + 1;
  INSERT INTO care_reminder_versions(user_id, version) SELECT new.owner_id, 1 WHERE new.owner_id IS NOT old.owner_id
    ON CONFLICT(user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER care_versions_customer_delete AFTER DELETE ON customers BEGIN
  INSERT INTO care_reminder_versions(user_id, version) VALUES (old.owner_id, 1)
    ON CONFLICT(user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER care_versions_contact_insert AFTER INSERT ON contacts BEGIN
  INSERT INTO care_reminder_versions(user_id, version) SELECT owner_id, 1 FROM customers WHERE id = new.customer_id
    ON CONFLICT(user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER care_versions_contact_update AFTER UPDATE ON contacts BEGIN
  INSERT INTO care_reminder_versions(user_id, version) SELECT owner_id, 1 FROM customers WHERE id IN (old.customer_id, new.customer_id)
    ON CONFLICT(user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER care_versions_contact_delete AFTER DELETE ON contacts BEGIN
  INSERT INTO care_reminder_versions(user_id, version) SELECT owner_id, 1 FROM customers WHERE id = old.customer_id
    ON CONFLICT(user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER care_versions_event_insert AFTER INSERT ON care_events BEGIN
  INSERT INTO care_reminder_versions(user_id, version) SELECT owner_id, 1 FROM customers WHERE id = new.customer_id
    ON CONFLICT(user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER care_versions_event_update AFTER UPDATE ON care_events BEGIN
  INSERT INTO care_reminder_versions(user_id, version) SELECT owner_id, 1 FROM customers WHERE id IN (old.customer_id, new.customer_id)
    ON CONFLICT(user_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER care_versions_event_delete AFTER DELETE ON care_events BEGIN
  INSERT INTO care_reminder_versions(user_id, version) SELECT owner_id, 1 FROM customers WHERE id = old.customer_id
    ON CONFLICT(user_id) DO UPDATE SET version = version + 1;
END;
