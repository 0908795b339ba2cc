-- GET requests rotating over the paths in the file BENCH_PATHS (one per line). Used for
-- /healthz, a customer and its contacts (alternating), the list pages, the searches, the
-- sales summaries and the today list. Each thread starts at a different line.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
common.install()

local requests_ = {}
local i = 0

function init(args)
  common.init()
  for line in io.lines(os.getenv("BENCH_PATHS")) do
    if line ~= "" then requests_[#requests_ + 1] = wrk.format("GET", line) end
  end
  -- Spread the threads over the list (pairs stay together: customer, then its contacts).
  i = ((tid - 1) * 2 * math.floor(#requests_ / 4)) % #requests_
end

function request()
  i = i % #requests_ + 1
  return requests_[i]
end
