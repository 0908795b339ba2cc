-- Service requests (服务请求): the fourteen kinds of after-sales service of seed 002 (上门服务,
-- 定点服务, 委托服务, 咨询服务, 促销服务, 市场调研服务, 技术指导服务, 货运服务, 货款服务,
-- 订货服务, 沟通服务, 接待服务, 检验服务, 访谈服务), per customer, with a schedule, the staff,
-- the outcome and the cost (fen; the customer's business expense). planned → done | cancelled.
-- An inspection may repeat every N months: marking it done creates the next one, linked by
-- previous_id (at most one successor per request).
CREATE TABLE service_requests (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  type TEXT NOT NULL CHECK (type IN ('on_site','fixed_point','delegated','consulting','promotion_support',
                                     'market_research','technical_guidance','delivery','payment','ordering',
                                     'change_notice','reception','inspection','senior_interview')),
  title TEXT NOT NULL,
  description TEXT,
  scheduled_on TEXT NOT NULL,          -- YYYY-MM-DD, the company's date
  scheduled_time TEXT,                 -- HH:MM company time, optional
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','done','cancelled')),
  outcome TEXT,
  cost INTEGER CHECK (cost IS NULL OR cost >= 0),
  done_on TEXT,
  cancel_reason TEXT,
  repeat_every_months INTEGER CHECK (repeat_every_months IS NULL OR
                                     (repeat_every_months BETWEEN 1 AND 24 AND type = 'inspection')),
  previous_id INTEGER UNIQUE REFERENCES service_requests(id),
  created_by INTEGER REFERENCES users(id),
  closed_by INTEGER REFERENCES users(id),
  closed_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (status <> 'done' OR (outcome IS NOT NULL AND cost IS NOT NULL AND done_on IS NOT NULL)),
  CHECK (status <> 'cancelled' OR cancel_reason IS NOT NULL)
) STRICT;
CREATE INDEX service_requests_customer ON service_requests(customer_id, scheduled_on);
CREATE INDEX service_requests_status ON service_requests(status, scheduled_on);

-- Who does the service (at least one active user per request), in the order given.
CREATE TABLE service_request_staff (
  request_id INTEGER NOT NULL REFERENCES service_requests(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (request_id, user_id)
) STRICT;
CREATE INDEX service_request_staff_user ON service_request_staff(user_id);

-- One row: how many days after an order, and after a closed complaint, the customer's owner
-- gets a return-visit task (回访).
CREATE TABLE return_visit_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  after_order_days INTEGER NOT NULL CHECK (after_order_days BETWEEN 1 AND 90),
  after_complaint_days INTEGER NOT NULL CHECK (after_complaint_days BETWEEN 1 AND 90),
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
) STRICT;
INSERT INTO return_visit_settings(id, after_order_days, after_complaint_days, updated_at)
  VALUES (1, 7, 3, '2026-11-23T00:00:00Z');
