-- Drives one endpoint of the load study. Arguments after "--": the requests file (one path per line, or a path,
-- a tab and a JSON body), the HTTP method, the API key ("-" for none) and the number of wrk threads.
-- Thread n takes every line whose number modulo the thread count is n, so no two threads send the same booking.
-- Prints one line "BENCH-JSON {...}" with the totals, latency percentiles (microseconds) and status counts.

local threads = {}
local created = 0

function setup(thread)
  thread:set("thread_index", created)
  created = created + 1
  table.insert(threads, thread)
end

function init(args)
  local file, method, key, count = args[1], args[2], args[3], tonumber(args[4])
  local headers = { ["Accept"] = "application/json" }
  if key ~= "-" then
    headers["X-Api-Key"] = key
  end
  if method == "POST" then
    headers["Content-Type"] = "application/json"
  end

  requests = {}
  local line_number = 0
  for line in io.lines(file) do
    if line_number % count == thread_index then
      local tab = line:find("\t", 1, true)
      if tab then
        requests[#requests + 1] = wrk.format(method, line:sub(1, tab - 1), headers, line:sub(tab + 1))
      else
        requests[#requests + 1] = wrk.format(method, line, headers)
      end
    end
    line_number = line_number + 1
  end
  next_request = 1
  statuses = {}
end

function request()
  local r = requests[next_request]
  next_request = next_request % #requests + 1
  return r
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local codes = {}
  for _, thread in ipairs(threads) do
    for code, n in pairs(thread:get("statuses")) do
      codes[code] = (codes[code] or 0) + n
    end
  end
  local parts = {}
  for code, n in pairs(codes) do
    parts[#parts + 1] = string.format('"%d":%d', code, n)
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH-JSON {"requests":%d,"durationUs":%d,"bytes":%d,' ..
    '"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"statusErrors":%d,"timeouts":%d,' ..
    '"meanUs":%.1f,"maxUs":%d,"p50Us":%d,"p90Us":%d,"p99Us":%d,"p999Us":%d,"statuses":{%s}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency.max, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), table.concat(parts, ",")))
end
