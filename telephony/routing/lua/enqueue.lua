-- enqueue(call, campaign, priority 0..99, queued_at ms): the call waits in its campaign's queue.
local id, camp, prio, at = ARGV[3], ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6])
if redis.call('SADD', P .. 'calls', id) == 0 then return reply({ok = false, reason = 'exists'}) end
redis.call('SADD', P .. 'camps', camp)
local _, _, maxwait = cfg(camp)
local maxw = 0
if maxwait > 0 then maxw = at + maxwait end
redis.call('HSET', P .. 'c:' .. id, 'camp', camp, 'prio', n(prio), 'at', n(at),
  'score', n((99 - prio) * 1e13 + at), 'maxw', n(maxw))
queue_call(id)
return reply({ok = true, call = id, campaign = camp})
