-- withdraw(call): the caller hung up before being answered; a ringing offer is cancelled and its
-- agent is available again with their idle time kept (the lost call was not theirs to lose).
local id = ARGV[3]
local ck = P .. 'c:' .. id
local v = redis.call('HMGET', ck, 'st', 'offer', 'camp')
if not v[1] then return reply({ok = false, reason = 'unknown_call'}) end
if v[1] == 'connected' then return reply({ok = false, reason = 'connected'}) end
local out = {ok = true, call = id, campaign = v[3], state = v[1]}
if v[1] == 'offered' then
  local _, agent = drop_offer(v[2])
  make_available(agent, nil)
  out.agent = agent
  out.offer = tonumber(v[2])
end
forget_call(id)
return reply(out)
