-- eligibility(agent, primary json list, escalation json list, fit json object): the campaigns
-- whose calls the agent takes at once (checked in) and after escalation (requirements met).
local a = ARGV[3]
local primary, escalation, fit = cjson.decode(ARGV[4]), cjson.decode(ARGV[5]), cjson.decode(ARGV[6])
ensure_agent(a)
local available = redis.call('HGET', P .. 'a:' .. a, 'st') == 'available'
if available then pools_leave(a) end
redis.call('DEL', P .. 'ap:' .. a, P .. 'ae:' .. a, P .. 'af:' .. a)
for _, c in ipairs(primary) do redis.call('SADD', P .. 'ap:' .. a, c); redis.call('SADD', P .. 'camps', c) end
for _, c in ipairs(escalation) do redis.call('SADD', P .. 'ae:' .. a, c); redis.call('SADD', P .. 'camps', c) end
for c, score in pairs(fit) do redis.call('HSET', P .. 'af:' .. a, c, n(score)) end
if available then pools_join(a) end
return reply({ok = true, agent = a})
