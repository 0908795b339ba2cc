-- Shared by the bench scripts (loaded with dofile from each of them). bench.py runs
--   wrk -s bench/wrk/<script>.lua ... with these environment variables:
--   BENCH_WRK_DIR  this folder;  BENCH_TOKEN  an API token (sent as "Authorization: Bearer");
--   BENCH_TRACE    "1" to count the error statuses and keep the first error body (costs
--                  wrk some CPU: it then parses every response, so it is off for real runs);
--   the script's own inputs (BENCH_PATHS, BENCH_IDS, ...).
-- done() prints one line "BENCH_JSON {...}" that bench.py reads instead of wrk's text.
local M = {}

local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
wrk.headers["Accept"] = "application/json"

-- Comma-separated list from an environment variable.
function M.list(name)
  local out = {}
  for item in string.gmatch(os.getenv(name) or "", "[^,]+") do
    out[#out + 1] = item
  end
  return out
end

-- setup/init: number the threads so that each one starts at a different place and
-- builds unique names.
local threads = {}
function M.setup(thread)
  threads[#threads + 1] = thread
  thread:set("tid", #threads)
end

local tracing = os.getenv("BENCH_TRACE") == "1"
function M.init()
  n4xx, n5xx, first_status, first_error = 0, 0, 0, ""
  if not tracing then response = nil end  -- wrk skips parsing the responses then
end

function M.response(status, headers, body)
  if status < 400 then return end
  if status >= 500 then n5xx = n5xx + 1 else n4xx = n4xx + 1 end
  if first_status == 0 then
    first_status = status
    first_error = string.sub(body or "", 1, 300)
  end
end

local function json_string(s)
  return '"' .. string.gsub(s or "", '[%c"\\]', function(c)
    return string.format("\\u%04x", string.byte(c))
  end) .. '"'
end

function M.done(summary, latency, requests)
  local c4, c5, status, body = 0, 0, 0, ""
  for _, t in ipairs(threads) do
    c4 = c4 + (t:get("n4xx") or 0)
    c5 = c5 + (t:get("n5xx") or 0)
    if status == 0 and (t:get("first_status") or 0) ~= 0 then
      status, body = t:get("first_status"), t:get("first_error")
    end
  end
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_s":%.3f,"rps":%.2f,"p50_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,' ..
    '"status_errors":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,' ..
    '"traced":%s,"n4xx":%d,"n5xx":%d,"first_status":%d,"first_error":%s}\n',
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect, e.read, e.write, e.timeout,
    tostring(tracing), c4, c5, status, json_string(body)))
end

-- Installs the shared globals; the script defines request().
function M.install()
  setup = M.setup
  init = M.init
  response = M.response
  done = M.done
end

return M
