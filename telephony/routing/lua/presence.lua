-- presence(agent, 'available' | 'away' | 'offline', heartbeat window ms). Available starts the
-- agent's idle time (unless already available) and their heartbeat window; away and offline
-- give back a ringing offer (the call to the front of its queue). Refused during a call.
local a, status, window = ARGV[3], ARGV[4], tonumber(ARGV[5])
ensure_agent(a)
local st = redis.call('HGET', P .. 'a:' .. a, 'st')
if st == 'busy' then return reply({ok = false, reason = 'busy', state = st}) end
local out = {ok = true, agent = a, from_state = st, state = status}
if status == 'available' then
  if st == 'offered' then return reply({ok = false, reason = 'offered', state = st}) end
  if st ~= 'available' then
    redis.call('ZREM', P .. 'wrap', a)
    make_available(a, NOW)
  end
  redis.call('ZADD', P .. 'hb', n(NOW + window), a)
else
  if st ~= status then
    local undone = withdraw_agent(a, status)
    out.requeued_call = undone.requeued_call
    out.offer = undone.offer
  end
  if status == 'away' then redis.call('ZADD', P .. 'hb', n(NOW + window), a) end
end
return reply(out)
