-- Satisfaction surveys (满意度调查): templates of questions, invitations sent to a customer as a
-- one-time link (only the token's digest is stored) or answered by phone through staff, and the
-- answers, one row per answered question. Times are UTC ISO 8601.

-- A template's questions are a JSON array [{key, text, type, required, options?}] (types score5,
-- nps, single, multiple, text). Once a template has been sent (it has invitations) its questions
-- are frozen: it can be renamed, deactivated or copied, never re-asked differently.
CREATE TABLE survey_templates (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),  -- the one asked after a closed complaint
  questions TEXT NOT NULL CHECK (json_valid(questions) AND json_type(questions) = 'array'),
  copied_from INTEGER REFERENCES survey_templates(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES users(id),  -- null for the seeded template
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (is_default = 0 OR active = 1)
) STRICT;
CREATE UNIQUE INDEX survey_templates_default ON survey_templates(is_default) WHERE is_default = 1;

INSERT INTO survey_templates(name, description, active, is_default, questions, created_at, updated_at) VALUES (
  '客户满意度调查',
  '感谢您与我们合作！请花一分钟告诉我们您的感受，我们会认真改进。',
  1, 1,
  '[{"key":"overall","text":"您对我们的整体服务是否满意？","type":"score5","required":true},'
  || '{"key":"product_quality","text":"您对产品质量是否满意？","type":"score5","required":true},'
  || '{"key":"delivery","text":"您对交货及时性是否满意？","type":"score5","required":true},'
  || '{"key":"service","text":"您对客户经理及售后服务是否满意？","type":"score5","required":true},'
  || '{"key":"nps","text":"您有多大可能把我们推荐给朋友或同行？（0–10 分）","type":"nps","required":true},'
  || '{"key":"suggestions","text":"您对我们还有哪些意见或建议？","type":"text","required":false}]',
  '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z');

-- One survey sent to (or taken from) a customer. `status` is stored as pending, answered or
-- expired; a pending link past expires_at reads as expired everywhere even before the hourly
-- job writes it. owner_id / team_id are the customer's account manager and that manager's team
-- when the answers came in: the results per manager and team credit them.
CREATE TABLE survey_invitations (
  id INTEGER PRIMARY KEY,
  template_id INTEGER NOT NULL REFERENCES survey_templates(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  contact_id INTEGER REFERENCES contacts(id),
  complaint_id INTEGER REFERENCES complaints(id),
  channel TEXT NOT NULL CHECK (channel IN ('link', 'phone')),
  token_digest TEXT UNIQUE,  -- link only: BLAKE2b of the one-time token
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'answered', 'expired')),
  expires_at TEXT,           -- link only: 30 days after it was sent
  answered_at TEXT,
  answered_day TEXT,         -- the company date of answered_at, for the period filters
  answered_via TEXT CHECK (answered_via IN ('link', 'staff')),
  answered_by INTEGER REFERENCES users(id),  -- staff who recorded phone answers
  owner_id INTEGER REFERENCES users(id),
  team_id INTEGER REFERENCES teams(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES users(id),   -- null when the complaint flow sent it without a user
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((channel = 'link') = (token_digest IS NOT NULL AND expires_at IS NOT NULL)),
  CHECK ((status = 'answered') = (answered_at IS NOT NULL AND answered_day IS NOT NULL AND answered_via IS NOT NULL))
) STRICT;
CREATE INDEX survey_invitations_customer ON survey_invitations(customer_id, id);
CREATE INDEX survey_invitations_complaint ON survey_invitations(complaint_id) WHERE complaint_id IS NOT NULL;
CREATE INDEX survey_invitations_pending ON survey_invitations(expires_at) WHERE status = 'pending';
CREATE INDEX survey_invitations_answered ON survey_invitations(answered_day) WHERE status = 'answered';

-- One answered question. score: score5 (1–5) and nps (0–10); choices: single and multiple (a
-- JSON array of the chosen options); text: text answers, stored verbatim.
CREATE TABLE survey_answers (
  invitation_id INTEGER NOT NULL REFERENCES survey_invitations(id),
  question_key TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('score5', 'nps', 'single', 'multiple', 'text')),
  score INTEGER CHECK ((type = 'score5' AND score BETWEEN 1 AND 5) OR (type = 'nps' AND score BETWEEN 0 AND 10)
                       OR (type NOT IN ('score5', 'nps') AND score IS NULL)),
  choices TEXT CHECK (choices IS NULL OR (json_valid(choices) AND json_type(choices) = 'array')),
  text TEXT,
  PRIMARY KEY (invitation_id, question_key)
) STRICT;
