-- end_call(agent, wrapup ms): the agent's call is over; wrap-up (no offers) until end_wrapup or
-- the wrap-up time runs out, or available at once with no wrap-up.
local a, wrapup = ARGV[3], tonumber(ARGV[4])
local k = P .. 'a:' .. a
local v = redis.call('HMGET', k, 'st', 'call')
if v[1] ~= 'busy' then return reply({ok = false, reason = 'not_busy', state = v[1] or 'unknown'}) end
local camp = redis.call('HGET', P .. 'c:' .. v[2], 'camp')
forget_call(v[2])
redis.call('HDEL', k, 'call')
if wrapup > 0 then
  agent_state(a, 'wrapup')
  redis.call('ZADD', P .. 'wrap', n(NOW + wrapup), a)
else
  make_available(a, NOW)
end
return reply({ok = true, call = v[2], campaign = camp, agent = a})
