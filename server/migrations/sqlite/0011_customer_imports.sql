-- Customer imports from CSV (modules/customers/import*): one row per stored import, the
-- customers each created or updated (for undo), and the rejected rows (for errors.csv).
CREATE TABLE customer_imports (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),     -- who imported
  owner_id INTEGER NOT NULL REFERENCES users(id),    -- default owner of the new customers
  at TEXT NOT NULL,
  encoding TEXT NOT NULL CHECK (encoding IN ('utf-8','gb18030','big5')),
  duplicate_key TEXT NOT NULL CHECK (duplicate_key IN ('credit_code','name','mobile','email')),
  mode TEXT NOT NULL CHECK (mode IN ('skip','fill_empty','overwrite','create')),
  header TEXT NOT NULL DEFAULT '[]',                 -- the file's header cells, JSON
  rows INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  invalid INTEGER NOT NULL DEFAULT 0,
  seconds REAL NOT NULL DEFAULT 0,
  undone_at TEXT,
  undone_by INTEGER REFERENCES users(id),
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX customer_imports_user ON customer_imports(user_id, id);

-- kind 'created': undo moves the customer to the recycle bin. kind 'updated': `before`
-- holds the customer's previous column values and those of the contact the row changed
-- or added (JSON); undo writes them back when the customer is still at version_after.
CREATE TABLE customer_import_rows (
  import_id INTEGER NOT NULL REFERENCES customer_imports(id) ON DELETE CASCADE,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('created','updated')),
  before TEXT,
  version_after INTEGER NOT NULL,
  PRIMARY KEY (import_id, customer_id)
) STRICT, WITHOUT ROWID;

-- Rows of a stored import that were not imported: the cells as read and the problems
-- ([{"c":file column or -1,"f":field,"k":message key}]).
CREATE TABLE customer_import_rejects (
  import_id INTEGER NOT NULL REFERENCES customer_imports(id) ON DELETE CASCADE,
  row INTEGER NOT NULL,
  cells TEXT NOT NULL,
  errors TEXT NOT NULL,
  PRIMARY KEY (import_id, row)
) STRICT, WITHOUT ROWID;

-- Duplicate checks by e-mail (the import's duplicate_key=email).
CREATE INDEX contacts_email ON contacts(email COLLATE NOCASE) WHERE email IS NOT NULL;
