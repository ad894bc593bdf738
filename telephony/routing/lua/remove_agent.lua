-- remove_agent(agent): out of routing at once (shift released, no-show, suspension, certification
-- revoked); a ringing offer goes back to the front of its queue, a call in progress is released.
local a = ARGV[3]
if redis.call('SISMEMBER', P .. 'agents', a) == 0 then return reply({ok = false, reason = 'unknown_agent'}) end
local undone = withdraw_agent(a, 'offline')
count('a.offline', -1)
redis.call('DEL', P .. 'a:' .. a, P .. 'ap:' .. a, P .. 'ae:' .. a, P .. 'af:' .. a)
redis.call('SREM', P .. 'agents', a)
undone.ok = true
return reply(undone)
