-- Posts beacons as Chromium sends a string, and counts the answers by status in each thread.
wrk.method = "POST"
wrk.body = "soak beacon"
wrk.headers["Content-Type"] = "text/plain;charset=UTF-8"

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    ok, busy, other = 0, 0, 0
end

function response(status, headers, body)
    if status == 204 then ok = ok + 1 elseif status == 503 then busy = busy + 1 else other = other + 1 end
end

function done(summary, latency, requests)
    local total_ok, total_busy, total_other = 0, 0, 0
    for _, thread in ipairs(threads) do
        total_ok = total_ok + thread:get("ok")
        total_busy = total_busy + thread:get("busy")
        total_other = total_other + thread:get("other")
    end
    io.write(string.format("wrk: sent %d, 204 %d, 503 %d, other %d, socket errors %d\n", summary.requests,
        total_ok, total_busy, total_other,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
