-- end_wrapup(agent): wrap-up done; available, idle from now.
local a = ARGV[3]
local st = redis.call('HGET', P .. 'a:' .. a, 'st')
if st ~= 'wrapup' then return reply({ok = false, reason = 'not_in_wrapup', state = st or 'unknown'}) end
redis.call('ZREM', P .. 'wrap', a)
make_available(a, NOW)
return reply({ok = true, agent = a})
