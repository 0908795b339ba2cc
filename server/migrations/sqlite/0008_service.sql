-- Scheduled jobs (platform/jobs): when each ran last.
CREATE TABLE job_runs (
  name TEXT PRIMARY KEY,
  last_run_at TEXT NOT NULL,
  last_changed INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
) STRICT;

-- In-app notifications (modules/notify): escalations and the like, per user.
CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,          -- complaint_escalated, …
  entity TEXT,                 -- complaint, …
  entity_id INTEGER,
  message TEXT NOT NULL,       -- a message key
  args TEXT NOT NULL DEFAULT '{}',  -- JSON: the message's arguments
  read_at TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (user_id, kind, entity, entity_id, message)
) STRICT;
CREATE INDEX notifications_user ON notifications(user_id, read_at, id);

-- Complaint categories, editable by admin (the five of the requirements seeded).
CREATE TABLE complaint_categories (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name_zh_cn TEXT NOT NULL,
  name_zh_tw TEXT NOT NULL,
  name_en TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  sort INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
INSERT INTO complaint_categories(key, name_zh_cn, name_zh_tw, name_en, sort) VALUES
  ('product_quality', '产品质量', '產品品質', 'Product quality', 1),
  ('delivery', '物流配送', '物流配送', 'Delivery', 2),
  ('service_attitude', '服务态度', '服務態度', 'Service attitude', 3),
  ('billing', '账务结算', '帳務結算', 'Billing', 4),
  ('other', '其他', '其他', 'Other', 9);

-- Complaints (投诉): received → accepted → investigating → resolution proposed → approved by
-- a lead → resolving → result told to the customer → satisfaction recorded → closed; also
-- rejected (with a reason) and reopened. Times are UTC ISO 8601.
CREATE TABLE complaints (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,           -- TS-20270201-0007: what the customer quotes
  public_token_digest TEXT,                 -- the status link's secret (public intake), digest only
  customer_id INTEGER REFERENCES customers(id),
  contact_id INTEGER REFERENCES contacts(id),
  reporter_name TEXT,
  reporter_phone TEXT,
  reporter_email TEXT,
  reporter_company TEXT,
  channel TEXT NOT NULL CHECK (channel IN ('phone','email','web','visit','wechat','social_media')),
  category TEXT NOT NULL REFERENCES complaint_categories(key),
  severity TEXT NOT NULL CHECK (severity IN ('low','medium','high','critical')),
  product_id INTEGER REFERENCES products(id),
  order_id INTEGER REFERENCES orders(id),
  description TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('received','accepted','investigating','proposed','approved','resolving',
                                         'informed','rated','closed','rejected','reopened')),
  assignee_id INTEGER REFERENCES users(id),
  first_response_due TEXT NOT NULL,
  first_response_at TEXT,
  director_escalation_due TEXT NOT NULL,   -- twice the first-answer target
  resolution_due TEXT NOT NULL,
  informed_at TEXT,
  closed_at TEXT,
  escalation_level INTEGER NOT NULL DEFAULT 0,
  resolution_plan TEXT,
  resolution TEXT,
  result_note TEXT,
  satisfaction INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
  satisfaction_note TEXT,
  root_cause TEXT,                          -- a category key
  root_cause_text TEXT,
  prevention_action TEXT,
  prevention_owner_id INTEGER REFERENCES users(id),
  prevention_due TEXT,
  prevention_done_at TEXT,
  reject_reason TEXT,
  reopen_count INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES users(id),  -- null for the public form
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX complaints_customer ON complaints(customer_id, created_at);
CREATE INDEX complaints_status ON complaints(status, first_response_due);
CREATE INDEX complaints_created ON complaints(created_at);

-- Every step of a complaint, with who and when.
CREATE TABLE complaint_events (
  id INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaints(id),
  at TEXT NOT NULL,
  user_id INTEGER REFERENCES users(id),
  action TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT,
  note TEXT,
  public INTEGER NOT NULL DEFAULT 1  -- shown on the customer's status page
) STRICT;
CREATE INDEX complaint_events_complaint ON complaint_events(complaint_id, id);

-- Files attached to a complaint (photos of a damaged drum, a delivery note…): stored under a
-- generated name in the storage folder, typed by their content, served only as downloads.
CREATE TABLE complaint_attachments (
  id INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaints(id),
  file_name TEXT NOT NULL,
  stored_name TEXT NOT NULL UNIQUE,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX complaint_attachments_complaint ON complaint_attachments(complaint_id);

-- One row: the response promise (SLA) settings and return-visit timing, as JSON.
CREATE TABLE service_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  settings TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
) STRICT;
INSERT INTO service_settings(id, settings, updated_at) VALUES (1, '{}', '2026-11-23T00:00:00Z');
