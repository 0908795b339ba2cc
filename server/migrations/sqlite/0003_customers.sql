-- The customer archive: customers, contacts, responsibility, handovers, custom fields,
-- and the search index (unigrams + bigrams + pinyin, built in C++: platform/text/search_keys).
CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('company','person')),
  name TEXT NOT NULL,
  short_name TEXT,
  name_key TEXT NOT NULL,
  sort_key TEXT NOT NULL,
  credit_code TEXT,
  industry TEXT,
  size TEXT CHECK (size IN ('large','medium','small')),
  province_code TEXT REFERENCES regions(code),
  city_code TEXT REFERENCES regions(code),
  district_code TEXT REFERENCES regions(code),
  address TEXT,
  lat REAL,
  lng REAL,
  source TEXT,
  status TEXT NOT NULL CHECK (status IN ('prospect','active','dormant','lost')),
  grade TEXT CHECK (grade IN ('A','B','C')),
  tags TEXT NOT NULL DEFAULT '[]',
  cooperation_start TEXT,
  credit_limit INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),
  return_window_days INTEGER NOT NULL DEFAULT 30 CHECK (return_window_days BETWEEN 0 AND 365),
  bank_name TEXT,
  bank_account TEXT,
  tax_number TEXT,
  website TEXT,
  notes TEXT,
  custom TEXT NOT NULL DEFAULT '{}',
  owner_id INTEGER NOT NULL REFERENCES users(id),
  department TEXT,
  leader_id INTEGER REFERENCES users(id),
  parent_id INTEGER REFERENCES customers(id),  -- the dealer above in the distribution tree
  dealer_level TEXT CHECK (dealer_level IN ('general','second','third','retail')),
  version INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX customers_owner ON customers(owner_id, updated_at);
CREATE INDEX customers_updated ON customers(updated_at);
CREATE INDEX customers_credit_code ON customers(credit_code) WHERE credit_code IS NOT NULL;
CREATE INDEX customers_name_key ON customers(name_key);
CREATE INDEX customers_sort_key ON customers(sort_key);
CREATE INDEX customers_deleted ON customers(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX customers_parent ON customers(parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE customer_members (
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  access TEXT NOT NULL CHECK (access IN ('write','read')),
  PRIMARY KEY (customer_id, user_id)
) STRICT;
CREATE INDEX customer_members_user ON customer_members(user_id, customer_id);

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  title TEXT,
  mobile TEXT,
  landline TEXT,
  email TEXT,
  wechat TEXT,
  birthday TEXT,
  hobbies TEXT,
  family TEXT,
  personality TEXT,
  left_company INTEGER NOT NULL DEFAULT 0,
  left_on TEXT,
  is_primary INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX contacts_customer ON contacts(customer_id);
CREATE INDEX contacts_mobile ON contacts(mobile) WHERE mobile IS NOT NULL;

CREATE TABLE customer_handovers (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  from_user_id INTEGER NOT NULL REFERENCES users(id),
  to_user_id INTEGER NOT NULL REFERENCES users(id),
  reason TEXT,
  by_user_id INTEGER REFERENCES users(id),
  at TEXT NOT NULL
) STRICT;
CREATE INDEX customer_handovers_customer ON customer_handovers(customer_id, id);

CREATE TABLE customer_fields (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('text','number','date','select')),
  options TEXT NOT NULL DEFAULT '[]',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
) STRICT;

-- rowid = customers.id
CREATE VIRTUAL TABLE customer_search USING fts5(keys, tokenize = 'unicode61');
