-- configure(campaign, offer timeout ms, escalate after ms, max wait ms (0: none), paused 0|1).
local c = ARGV[3]
redis.call('HSET', P .. 'cfg:' .. c, 'timeout', ARGV[4], 'escalate', ARGV[5], 'maxwait', ARGV[6], 'paused', ARGV[7])
redis.call('SADD', P .. 'camps', c)
refresh(c)
return reply({ok = true, campaign = c})
