-- Relationship care (客情维护): the contact log with promises and gifts, visit plans and
-- reports with a lead's approval, care settings, customer milestones and personal events,
-- care tasks (reminders made concrete), regional events, staff changes at a customer, and
-- each user's calendar-feed secret.

-- Every contact with a customer. `day` is the company date of `at`, for per-day queries.
CREATE TABLE contact_logs (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  kind TEXT NOT NULL CHECK (kind IN ('call','visit','sms','email','wechat','meeting','gift','event','other')),
  at TEXT NOT NULL,
  day TEXT NOT NULL,
  summary TEXT NOT NULL,
  outcome TEXT,
  next_contact_date TEXT,
  gift_item TEXT,
  gift_cost INTEGER CHECK (gift_cost IS NULL OR gift_cost >= 0),  -- fen: a business expense of the customer
  gift_reason TEXT,
  visit_id INTEGER,
  user_id INTEGER NOT NULL REFERENCES users(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX contact_logs_customer ON contact_logs(customer_id, at);
CREATE INDEX contact_logs_user ON contact_logs(user_id, at);

-- Which of the customer's contacts took part (or received the gift).
CREATE TABLE contact_log_contacts (
  log_id INTEGER NOT NULL REFERENCES contact_logs(id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contacts(id),
  PRIMARY KEY (log_id, contact_id)
) STRICT;
CREATE INDEX contact_log_contacts_contact ON contact_log_contacts(contact_id);

-- The last contact per customer, kept current on every log write (the overdue rule reads it).
CREATE TABLE care_state (
  customer_id INTEGER PRIMARY KEY REFERENCES customers(id),
  last_contact_at TEXT,
  last_contact_day TEXT,
  next_contact_date TEXT
) STRICT;
CREATE INDEX care_state_next ON care_state(next_contact_date) WHERE next_contact_date IS NOT NULL;

-- Promises made to a customer (承诺), tracked until kept.
CREATE TABLE promises (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  log_id INTEGER REFERENCES contact_logs(id),
  text TEXT NOT NULL,
  due_date TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','kept','dropped')),
  closed_note TEXT,
  closed_by INTEGER REFERENCES users(id),
  closed_at TEXT,
  user_id INTEGER NOT NULL REFERENCES users(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX promises_customer ON promises(customer_id, status);
CREATE INDEX promises_open ON promises(status, due_date);

-- Visit plans (拜访计划) submitted to the team lead, and the report after the visit.
CREATE TABLE visits (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  date TEXT NOT NULL,
  purpose TEXT NOT NULL,
  participants TEXT NOT NULL DEFAULT '[]',  -- JSON list of names
  leader_visit INTEGER NOT NULL DEFAULT 0,  -- a leader joins (领导拜访)
  status TEXT NOT NULL CHECK (status IN ('submitted','approved','rejected','reported','reviewed')),
  decision_comment TEXT,
  decided_by INTEGER REFERENCES users(id),
  decided_at TEXT,
  findings TEXT,
  needs TEXT,
  problems TEXT,
  follow_ups TEXT,
  next_visit_date TEXT,
  reported_at TEXT,
  review_comment TEXT,
  reviewed_by INTEGER REFERENCES users(id),
  reviewed_at TEXT,
  user_id INTEGER NOT NULL REFERENCES users(id),
  team_id INTEGER REFERENCES teams(id),  -- the planner's team when submitted: its lead decides
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX visits_user ON visits(user_id, date);
CREATE INDEX visits_team_status ON visits(team_id, status);
CREATE INDEX visits_customer ON visits(customer_id, date);

-- One row: the contact rules and reminder lead times (JSON), editable by admin and director.
CREATE TABLE care_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  settings TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
) STRICT;
INSERT INTO care_settings(id, settings, updated_at) VALUES (1, '{}', '2026-11-23T00:00:00Z');

-- Customer milestones (store opening, company anniversary, project completion) and personal
-- events of a contact (wedding, illness, accident).
CREATE TABLE care_events (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  contact_id INTEGER REFERENCES contacts(id),
  kind TEXT NOT NULL CHECK (kind IN ('store_opening','company_anniversary','project_completion','wedding',
                                     'illness','accident','other')),
  date TEXT NOT NULL,
  yearly INTEGER NOT NULL DEFAULT 0,  -- remind every year on the date
  note TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX care_events_customer ON care_events(customer_id);

-- Regional events (typhoon, flood…): the customers there get care tasks in one step.
CREATE TABLE regional_events (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('typhoon','flood','earthquake','epidemic','snowstorm','heatwave','drought','other')),
  title TEXT NOT NULL,
  province_code TEXT NOT NULL,
  city_code TEXT,
  date TEXT NOT NULL,
  note TEXT,
  customers INTEGER NOT NULL DEFAULT 0,
  tasks INTEGER NOT NULL DEFAULT 0,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
) STRICT;

-- A contact who left the customer (人事变动) and the successor to build a relationship with.
CREATE TABLE staff_changes (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  contact_id INTEGER NOT NULL REFERENCES contacts(id),
  successor_id INTEGER REFERENCES contacts(id),
  left_on TEXT NOT NULL,
  note TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','rebuilt')),
  version INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX staff_changes_customer ON staff_changes(customer_id, status);

-- Care tasks on a user's list: reminders made concrete (birthday, festival, anniversary,
-- milestone, personal event), regional-event care, staff changes, follow-ups. `source_key`
-- makes the reminder sweep idempotent. Done when a contact or gift with the customer (and
-- the contact, when the task names one) is logged, or by hand.
CREATE TABLE care_tasks (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  customer_id INTEGER REFERENCES customers(id),
  contact_id INTEGER REFERENCES contacts(id),
  kind TEXT NOT NULL CHECK (kind IN ('birthday','festival','anniversary','milestone','personal_event',
                                     'regional_event','staff_change','follow_up','return_visit')),
  subject TEXT,          -- festival name, event kind, or the text of a manual follow-up
  event_date TEXT,       -- the day of the birthday / festival / event itself
  due_date TEXT NOT NULL,
  source_key TEXT UNIQUE,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','dismissed')),
  done_at TEXT,
  done_log_id INTEGER REFERENCES contact_logs(id),
  regional_event_id INTEGER REFERENCES regional_events(id),
  staff_change_id INTEGER REFERENCES staff_changes(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX care_tasks_user ON care_tasks(user_id, status, due_date);
CREATE INDEX care_tasks_customer ON care_tasks(customer_id, status);

-- When each user's reminders were last turned into tasks: again on a new day, after the
-- settings changed, or when the user's customers, contacts or care events changed since
-- (the fingerprint: their counts and the sum of their versions), or on request.
CREATE TABLE care_sweeps (
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  day TEXT NOT NULL,
  settings_version INTEGER NOT NULL,
  fingerprint TEXT NOT NULL
) STRICT;

-- The secret behind each user's calendar subscription URL (only its digest is kept).
CREATE TABLE calendar_feeds (
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  token_digest TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
) STRICT;
