-- respond(offer id or '', call id or '', agent, 'accept' | 'decline'): the agent answers an offer.
-- Accept: the agent is busy on the call. Decline: the call goes back to the front of its queue and
-- the agent stays available, at the back of the idle line. Refused, changing nothing, when the
-- offer is not (or no longer) this agent's or has expired.
local oid, call, a, verb = ARGV[3], ARGV[4], ARGV[5], ARGV[6]
if oid == '' then
  oid = redis.call('HGET', P .. 'c:' .. call, 'offer')
  if not oid then return reply({ok = false, reason = 'not_offered'}) end
end
local v = redis.call('HMGET', P .. 'o:' .. oid, 'call', 'agent', 'exp', 'camp', 'esc')
if not v[1] then return reply({ok = false, reason = 'unknown_offer'}) end
if v[2] ~= a then return reply({ok = false, reason = 'not_yours'}) end
if call ~= '' and v[1] ~= call then return reply({ok = false, reason = 'unknown_offer'}) end
if NOW >= tonumber(v[3]) then return reply({ok = false, reason = 'expired'}) end
drop_offer(oid)
local out = {ok = true, offer = tonumber(oid), call = v[1], agent = a, campaign = v[4], escalated = v[5] == '1'}
if verb == 'accept' then
  call_state(v[1], 'connected')
  redis.call('HDEL', P .. 'c:' .. v[1], 'offer')
  agent_state(a, 'busy')
  redis.call('HSET', P .. 'a:' .. a, 'call', v[1])
else
  queue_call(v[1])
  make_available(a, NOW)
end
return reply(out)
