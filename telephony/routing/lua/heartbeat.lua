-- heartbeat(agent, window ms): the agent's client is alive; refused for an offline agent (who
-- must set themselves available again).
local a, window = ARGV[3], tonumber(ARGV[4])
local st = redis.call('HGET', P .. 'a:' .. a, 'st')
if not st or st == 'offline' then return reply({ok = false, reason = 'offline'}) end
redis.call('ZADD', P .. 'hb', n(NOW + window), a)
return reply({ok = true, agent = a, state = st})
