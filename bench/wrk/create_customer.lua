-- POST /api/v1/customers: a new company each time, named
--   压测客户-<BENCH_ROLE>-<BENCH_TAG><thread>-<counter>有限公司
-- (BENCH_TAG tells the warm-up "w" from the measured run "m", so every name is unique in a
-- run). No credit code; "confirm_duplicate" in case a name looks like another. For a lead
-- (BENCH_OWNER_ID set) the customer goes to the account manager, as a director would do.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
common.install()

local role = os.getenv("BENCH_ROLE") or "role"
local tag = os.getenv("BENCH_TAG") or "m"
local owner = os.getenv("BENCH_OWNER_ID") or ""
local provinces = common.list("BENCH_PROVINCES")
local headers = { ["Content-Type"] = "application/json" }
local counter = 0

function init(args)
  common.init()
  for k, v in pairs(wrk.headers) do headers[k] = v end
end

function request()
  counter = counter + 1
  local owner_field = ""
  if owner ~= "" then owner_field = ',"owner_id":' .. owner end
  local province = provinces[(counter % #provinces) + 1]
  local body = string.format(
    '{"type":"company","name":"压测客户-%s-%s%d-%d有限公司","status":"prospect",' ..
    '"province_code":"%s","source":"web","confirm_duplicate":true%s}',
    role, tag, tid, counter, province, owner_field)
  return wrk.format("POST", "/api/v1/customers", headers, body)
end
