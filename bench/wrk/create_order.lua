-- POST /api/v1/orders: three lines (three different products from BENCH_PRODUCTS
-- "id:price,…", quantities 1–3) on one of the customers BENCH_IDS "id,…", dated BENCH_DATE
-- (the company's today). Each order is paid in full with the order ("payment"), so no order
-- needs credit and none is refused with 422 credit_limit_exceeded, whatever the customer's
-- debt: the figure measures writing an order, its lines and a payment in one transaction.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
common.install()

local ids = common.list("BENCH_IDS")
local products = {}
for _, item in ipairs(common.list("BENCH_PRODUCTS")) do
  local id, price = string.match(item, "^(%d+):(%d+)$")
  products[#products + 1] = { id = id, price = tonumber(price) }
end
local date = os.getenv("BENCH_DATE")
local headers = { ["Content-Type"] = "application/json" }
local counter = 0

function init(args)
  common.init()
  for k, v in pairs(wrk.headers) do headers[k] = v end
  counter = (tid - 1) * 1000
end

function request()
  counter = counter + 1
  local customer = ids[(counter % #ids) + 1]
  local lines, total = {}, 0
  for k = 0, 2 do
    local p = products[((counter + k) % #products) + 1]
    local quantity = (counter + k) % 3 + 1
    total = total + quantity * p.price
    lines[#lines + 1] = string.format('{"product_id":%s,"quantity":%d}', p.id, quantity)
  end
  local body = string.format(
    '{"customer_id":%s,"date":"%s","lines":[%s],"note":"压测订单",' ..
    '"payment":{"amount":%d,"method":"bank_transfer"}}',
    customer, date, table.concat(lines, ","), total)
  return wrk.format("POST", "/api/v1/orders", headers, body)
end
