-- snapshot(): the whole routing state at one instant, for the invariant check (reads only).
local out = {agents = {}, calls = {}, offers = {}, pools = {}, queues = {}, counts = {}, ready = {},
  hb = {}, wrap = {}, oexp = {}, maxw = {}, campaigns = {}}
local function zmap(key)
  local m, r = {}, redis.call('ZRANGE', key, 0, -1, 'WITHSCORES')
  for i = 1, #r, 2 do m[r[i]] = r[i + 1] end
  return m
end
local function hmap(key)
  local m, r = {}, redis.call('HGETALL', key)
  for i = 1, #r, 2 do m[r[i]] = r[i + 1] end
  return m
end
for _, a in ipairs(redis.call('SMEMBERS', P .. 'agents')) do
  local h = hmap(P .. 'a:' .. a)
  h.primary = redis.call('SMEMBERS', P .. 'ap:' .. a)
  h.escalation = redis.call('SMEMBERS', P .. 'ae:' .. a)
  out.agents[a] = h
end
for _, id in ipairs(redis.call('SMEMBERS', P .. 'calls')) do out.calls[id] = hmap(P .. 'c:' .. id) end
local seq = tonumber(redis.call('GET', P .. 'seq')) or 0
for _, oid in ipairs(redis.call('ZRANGE', P .. 'oexp', 0, -1)) do out.offers[oid] = hmap(P .. 'o:' .. oid) end
for _, c in ipairs(redis.call('SMEMBERS', P .. 'camps')) do
  out.queues[c] = zmap(P .. 'q:' .. c)
  out.pools[c] = {av = zmap(P .. 'av:' .. c), ev = zmap(P .. 'ev:' .. c)}
  out.campaigns[c] = hmap(P .. 'cfg:' .. c)
end
out.counts = hmap(P .. 'n')
out.ready = zmap(P .. 'ready')
out.hb = zmap(P .. 'hb')
out.wrap = zmap(P .. 'wrap')
out.oexp = zmap(P .. 'oexp')
out.maxw = zmap(P .. 'maxw')
out.seq = seq
out.now = NOW
return reply(out)
