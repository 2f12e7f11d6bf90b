-- wrk script: POSTs one body, read from $BODY_FILE, with Content-Type $CONTENT_TYPE (none when empty),
-- and counts answers that are not the expected $EXPECT (default 204), so that a run of refusals is not
-- mistaken for speed. GET when $BODY_FILE is empty. With $PAUSE_MS, each connection waits that long
-- before each request: a steady trickle instead of a flood.
local threads = {}

local pause = tonumber(os.getenv("PAUSE_MS") or "0")
if pause > 0 then
   function delay()
      return pause
   end
end

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   unexpected = 0
   local file = os.getenv("BODY_FILE") or ""
   if file == "" then
      wrk.method = "GET"
      return
   end
   local f = assert(io.open(file, "rb"))
   wrk.body = f:read("*a")
   f:close()
   wrk.method = "POST"
   local contentType = os.getenv("CONTENT_TYPE") or ""
   if contentType ~= "" then
      wrk.headers["Content-Type"] = contentType
   end
   expected = tonumber(os.getenv("EXPECT") or "204")
end

function response(status, headers, body)
   if status ~= (expected or 200) then
      unexpected = unexpected + 1
   end
end

function done(summary, latency, requests)
   local total = 0
   for _, thread in ipairs(threads) do
      total = total + thread:get("unexpected")
   end
   io.write(string.format("unexpected %d\n", total))
   io.write(string.format("requests %d\n", summary.requests))
   io.write(string.format("p99 %.3f\n", latency:percentile(99) / 1000))
end
