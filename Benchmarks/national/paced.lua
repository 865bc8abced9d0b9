-- wrk's request script for the soak: as requests.lua (lines "PATH<TAB>COOKIE" of the file named
-- as the first argument, each thread from its own starting point), and each connection waits the
-- second argument's milliseconds after an answer before it asks again, so that the load is a
-- chosen rate rather than as much as the server takes.
local requests = {}
local next_request = 1
local pause = 0

function init(args)
  for line in io.lines(args[1]) do
    local path, cookie = line:match("^([^\t]+)\t(.*)$")
    if path then
      table.insert(requests, wrk.format("GET", path, { ["Cookie"] = cookie }))
    end
  end
  pause = tonumber(args[2]) or 0
  next_request = math.random(#requests)
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end

function delay()
  return pause
end
