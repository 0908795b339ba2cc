-- The calendar: public holidays and make-up working days (调休) per region — Chinese
-- holidays follow the State Council's yearly notice, not a formula, so they are data that
-- an admin keeps (/api/v1/calendar/holidays). A date without a row follows the week:
-- Monday–Friday work. Lunar dates, solar terms and festivals are computed
-- (platform/calendar), not stored.
CREATE TABLE holidays (
  id INTEGER PRIMARY KEY AUTOINCREMENT,  -- rows are deleted for good: never reuse an id the audit trail names
  region TEXT NOT NULL CHECK (region IN ('CN','TW','HK')),
  date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  kind TEXT NOT NULL CHECK (kind IN ('holiday','workday')),  -- 放假 / 调休上班
  name TEXT NOT NULL,  -- the holiday; on a make-up working day the holiday it makes up for
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (region, date)
) STRICT;

-- The mainland's notices for 2024–2026 (国务院办公厅关于 YYYY 年部分节假日安排的通知).
-- Every day of a holiday block is listed, weekends included, as the notices count them
-- ("共 8 天"); the days to work are listed as 'workday'. Taiwan and Hong Kong start empty.
-- 2024: 国办发明电〔2023〕7号, 2023-10-25
INSERT INTO holidays(region, date, kind, name, created_at, updated_at)
SELECT 'CN', column1, column2, column3, strftime('%Y-%m-%dT%H:%M:%SZ','now'), strftime('%Y-%m-%dT%H:%M:%SZ','now') FROM (VALUES
  ('2023-12-30','holiday','元旦'),
  ('2023-12-31','holiday','元旦'),
  ('2024-01-01','holiday','元旦'),
  ('2024-02-04','workday','春节'),
  ('2024-02-10','holiday','春节'),
  ('2024-02-11','holiday','春节'),
  ('2024-02-12','holiday','春节'),
  ('2024-02-13','holiday','春节'),
  ('2024-02-14','holiday','春节'),
  ('2024-02-15','holiday','春节'),
  ('2024-02-16','holiday','春节'),
  ('2024-02-17','holiday','春节'),
  ('2024-02-18','workday','春节'),
  ('2024-04-04','holiday','清明节'),
  ('2024-04-05','holiday','清明节'),
  ('2024-04-06','holiday','清明节'),
  ('2024-04-07','workday','清明节'),
  ('2024-04-28','workday','劳动节'),
  ('2024-05-01','holiday','劳动节'),
  ('2024-05-02','holiday','劳动节'),
  ('2024-05-03','holiday','劳动节'),
  ('2024-05-04','holiday','劳动节'),
  ('2024-05-05','holiday','劳动节'),
  ('2024-05-11','workday','劳动节'),
  ('2024-06-08','holiday','端午节'),
  ('2024-06-09','holiday','端午节'),
  ('2024-06-10','holiday','端午节'),
  ('2024-09-14','workday','中秋节'),
  ('2024-09-15','holiday','中秋节'),
  ('2024-09-16','holiday','中秋节'),
  ('2024-09-17','holiday','中秋节'),
  ('2024-09-29','workday','国庆节'),
  ('2024-10-01','holiday','国庆节'),
  ('2024-10-02','holiday','国庆节'),
  ('2024-10-03','holiday','国庆节'),
  ('2024-10-04','holiday','国庆节'),
  ('2024-10-05','holiday','国庆节'),
  ('2024-10-06','holiday','国庆节'),
  ('2024-10-07','holiday','国庆节'),
  ('2024-10-12','workday','国庆节'));

-- 2025: 国办发明电〔2024〕12号, 2024-11-12
INSERT INTO holidays(region, date, kind, name, created_at, updated_at)
SELECT 'CN', column1, column2, column3, strftime('%Y-%m-%dT%H:%M:%SZ','now'), strftime('%Y-%m-%dT%H:%M:%SZ','now') FROM (VALUES
  ('2025-01-01','holiday','元旦'),
  ('2025-01-26','workday','春节'),
  ('2025-01-28','holiday','春节'),
  ('2025-01-29','holiday','春节'),
  ('2025-01-30','holiday','春节'),
  ('2025-01-31','holiday','春节'),
  ('2025-02-01','holiday','春节'),
  ('2025-02-02','holiday','春节'),
  ('2025-02-03','holiday','春节'),
  ('2025-02-04','holiday','春节'),
  ('2025-02-08','workday','春节'),
  ('2025-04-04','holiday','清明节'),
  ('2025-04-05','holiday','清明节'),
  ('2025-04-06','holiday','清明节'),
  ('2025-04-27','workday','劳动节'),
  ('2025-05-01','holiday','劳动节'),
  ('2025-05-02','holiday','劳动节'),
  ('2025-05-03','holiday','劳动节'),
  ('2025-05-04','holiday','劳动节'),
  ('2025-05-05','holiday','劳动节'),
  ('2025-05-31','holiday','端午节'),
  ('2025-06-01','holiday','端午节'),
  ('2025-06-02','holiday','端午节'),
  ('2025-09-28','workday','国庆节、中秋节'),
  ('2025-10-01','holiday','国庆节、中秋节'),
  ('2025-10-02','holiday','国庆节、中秋节'),
  ('2025-10-03','holiday','国庆节、中秋节'),
  ('2025-10-04','holiday','国庆节、中秋节'),
  ('2025-10-05','holiday','国庆节、中秋节'),
  ('2025-10-06','holiday','国庆节、中秋节'),
  ('2025-10-07','holiday','国庆节、中秋节'),
  ('2025-10-08','holiday','国庆节、中秋节'),
  ('2025-10-11','workday','国庆节、中秋节'));

-- 2026: 国务院办公厅 2025-11-04
INSERT INTO holidays(region, date, kind, name, created_at, updated_at)
SELECT 'CN', column1, column2, column3, strftime('%Y-%m-%dT%H:%M:%SZ','now'), strftime('%Y-%m-%dT%H:%M:%SZ','now') FROM (VALUES
  ('2026-01-01','holiday','元旦'),
  ('2026-01-02','holiday','元旦'),
  ('2026-01-03','holiday','元旦'),
  ('2026-01-04','workday','元旦'),
  ('2026-02-14','workday','春节'),
  ('2026-02-15','holiday','春节'),
  ('2026-02-16','holiday','春节'),
  ('2026-02-17','holiday','春节'),
  ('2026-02-18','holiday','春节'),
  ('2026-02-19','holiday','春节'),
  ('2026-02-20','holiday','春节'),
  ('2026-02-21','holiday','春节'),
  ('2026-02-22','holiday','春节'),
  ('2026-02-23','holiday','春节'),
  ('2026-02-28','workday','春节'),
  ('2026-04-04','holiday','清明节'),
  ('2026-04-05','holiday','清明节'),
  ('2026-04-06','holiday','清明节'),
  ('2026-05-01','holiday','劳动节'),
  ('2026-05-02','holiday','劳动节'),
  ('2026-05-03','holiday','劳动节'),
  ('2026-05-04','holiday','劳动节'),
  ('2026-05-05','holiday','劳动节'),
  ('2026-05-09','workday','劳动节'),
  ('2026-06-19','holiday','端午节'),
  ('2026-06-20','holiday','端午节'),
  ('2026-06-21','holiday','端午节'),
  ('2026-09-20','workday','国庆节'),
  ('2026-09-25','holiday','中秋节'),
  ('2026-09-26','holiday','中秋节'),
  ('2026-09-27','holiday','中秋节'),
  ('2026-10-01','holiday','国庆节'),
  ('2026-10-02','holiday','国庆节'),
  ('2026-10-03','holiday','国庆节'),
  ('2026-10-04','holiday','国庆节'),
  ('2026-10-05','holiday','国庆节'),
  ('2026-10-06','holiday','国庆节'),
  ('2026-10-07','holiday','国庆节'),
  ('2026-10-10','workday','国庆节'));
