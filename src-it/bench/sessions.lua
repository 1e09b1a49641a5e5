-- wrk script of run-wrk.sh: sends each request with the Cookie header of the next session, so
-- that the connections spread over many sessions instead of all using one.
--
-- Environment:
--   BENCH_COOKIES  file with one Cookie header value per line, one line per session
--   BENCH_THREADS  wrk's -t value. Thread n takes lines n, n + BENCH_THREADS, ...
--   BENCH_METHOD   HTTP method, GET when unset

local next_thread_id = 1

function setup(thread)
  thread:set("thread_id", next_thread_id)
  next_thread_id = next_thread_id + 1
end

function init(args)
  local threads = tonumber(os.getenv("BENCH_THREADS") or "1")
  method = os.getenv("BENCH_METHOD") or "GET"
  cookies = {}

  local line_number = 0
  for line in io.lines(os.getenv("BENCH_COOKIES")) do
    if line_number % threads == thread_id - 1 then
      cookies[#cookies + 1] = line
    end
    line_number = line_number + 1
  end
  if #cookies == 0 then
    error("no sessions for wrk thread " .. thread_id .. " in " .. os.getenv("BENCH_COOKIES"))
  end
  position = 1
end

function request()
  local cookie = cookies[position]
  position = position % #cookies + 1
  return wrk.format(method, nil, { Cookie = cookie })
end
