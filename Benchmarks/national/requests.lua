-- wrk's request script for the national benchmark: cycles through the lines of the file named
-- as its first argument, "PATH<TAB>COOKIE", each thread from its own starting point.
local requests = {}
local next_request = 1

function init(args)
  for line in io.lines(args[1]) do
    local path, cookie = line:match("^([^\t]+)\t(.*)$")
    if path then
      table.insert(requests, wrk.format("GET", path, { ["Cookie"] = cookie }))
    end
  end
  next_request = math.random(#requests)
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end
