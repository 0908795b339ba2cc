-- Sales records: products, orders with lines, payments. Money is integer fen.
CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  brand TEXT NOT NULL,
  name TEXT NOT NULL,
  spec TEXT NOT NULL,
  unit TEXT NOT NULL,
  category TEXT,
  price INTEGER NOT NULL CHECK (price >= 0),
  unit_cost INTEGER CHECK (unit_cost >= 0),
  active INTEGER NOT NULL DEFAULT 1,
  sort_key TEXT NOT NULL,
  search_keys TEXT NOT NULL,  -- pinyin, initials and CJK pairs (platform/text/search_keys), matched with LIKE
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (brand, name, spec)
) STRICT;

CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  date TEXT NOT NULL,
  subtotal INTEGER NOT NULL CHECK (subtotal >= 0),
  discount INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0 AND discount <= subtotal),
  total INTEGER NOT NULL CHECK (total = subtotal - discount),
  paid INTEGER NOT NULL DEFAULT 0 CHECK (paid >= 0),
  credited INTEGER NOT NULL DEFAULT 0 CHECK (credited >= 0),
  note TEXT,
  credit_override_reason TEXT,
  credit_override_by INTEGER REFERENCES users(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (paid + credited <= total)
) STRICT;
CREATE INDEX orders_customer_date ON orders(customer_id, date);
CREATE INDEX orders_date ON orders(date);

CREATE TABLE order_lines (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  line_no INTEGER NOT NULL,
  product_id INTEGER NOT NULL REFERENCES products(id),
  product_name TEXT NOT NULL,  -- as sold: renaming a product does not rewrite old orders
  brand TEXT NOT NULL,
  spec TEXT NOT NULL,
  unit TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
  amount INTEGER NOT NULL CHECK (amount = quantity * unit_price),
  UNIQUE (order_id, line_no)
) STRICT;
CREATE INDEX order_lines_product ON order_lines(product_id);

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  date TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount > 0),
  method TEXT NOT NULL CHECK (method IN ('bank_transfer','cash','acceptance_bill','wechat','alipay','cheque','other')),
  reference TEXT,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX payments_order ON payments(order_id);
CREATE INDEX payments_customer_date ON payments(customer_id, date);

-- Monthly business plans per dealer: targets per product (quantity and amount), the
-- schedule and the support promised (业务计划).
CREATE TABLE plans (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  month TEXT NOT NULL,  -- YYYY-MM
  schedule TEXT,
  support TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (customer_id, month)
) STRICT;

CREATE TABLE plan_lines (
  plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  product_id INTEGER NOT NULL REFERENCES products(id),
  quantity INTEGER NOT NULL CHECK (quantity >= 0),
  amount INTEGER NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (plan_id, product_id)
) STRICT;

-- Returns and exchanges (退换货) against order lines, and repairs; an approved return
-- becomes a credit note that lowers the order's debt (never a negative order).
CREATE TABLE returns (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  order_id INTEGER NOT NULL REFERENCES orders(id),
  kind TEXT NOT NULL CHECK (kind IN ('return','exchange','damaged_package','repair')),
  reason TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('requested','approved','rejected')),
  request_date TEXT NOT NULL,
  within_window INTEGER NOT NULL,
  amount INTEGER NOT NULL CHECK (amount >= 0),  -- value of the returned goods at the order's prices
  credited INTEGER NOT NULL DEFAULT 0 CHECK (credited >= 0),  -- applied to the order's debt
  refund_due INTEGER NOT NULL DEFAULT 0 CHECK (refund_due >= 0),  -- the part already paid
  decision_note TEXT,
  decided_by INTEGER REFERENCES users(id),
  decided_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX returns_customer ON returns(customer_id, id);
CREATE INDEX returns_status ON returns(status, id);

CREATE TABLE return_lines (
  return_id INTEGER NOT NULL REFERENCES returns(id) ON DELETE CASCADE,
  line_no INTEGER NOT NULL,  -- the order line
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  amount INTEGER NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (return_id, line_no)
) STRICT;
