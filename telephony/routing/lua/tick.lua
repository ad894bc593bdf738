-- tick(max offers, batch): one dispatcher pass, atomic. Enforces, in order, offer timeouts (call to
-- the front, agent away), heartbeat expiry (agent offline, offer re-queued, call released), wrap-ups
-- that ran out, escalations due, and max wait (the call leaves the queue for the service layer to
-- play the message / offer a callback); then makes up to ``max offers`` offers, each to the longest
-- idle eligible agent of the campaign whose head call is first by priority, then arrival, across
-- all campaigns that can be served. Returns every event, for timelines and notifications.
local limit, batch = tonumber(ARGV[3]), tonumber(ARGV[4])
local started = redis.call('TIME')
local ev = {offers = {}, offers_expired = {}, agents_expired = {}, wrapups_ended = {}, escalations = {},
  overflows = {}}

local function due(key)
  return redis.call('ZRANGEBYSCORE', P .. key, '-inf', n(NOW), 'LIMIT', 0, batch)
end

for _, oid in ipairs(due('oexp')) do
  local call, agent, camp = drop_offer(oid)
  queue_call(call)
  agent_state(agent, 'away')
  table.insert(ev.offers_expired, {offer = tonumber(oid), call = call, agent = agent, campaign = camp})
end

for _, a in ipairs(due('hb')) do
  table.insert(ev.agents_expired, withdraw_agent(a, 'offline'))
end

for _, a in ipairs(due('wrap')) do
  redis.call('ZREM', P .. 'wrap', a)
  if redis.call('HGET', P .. 'a:' .. a, 'st') == 'wrapup' then
    make_available(a, NOW)
    table.insert(ev.wrapups_ended, {agent = a})
  end
end

for _, c in ipairs(due('esct')) do
  redis.call('ZREM', P .. 'esct', c)
  local head = redis.call('ZRANGE', P .. 'q:' .. c, 0, 0)
  if #head > 0 and redis.call('HSETNX', P .. 'c:' .. head[1], 'esc', n(NOW)) == 1 then
    table.insert(ev.escalations, {call = head[1], campaign = c})
  end
  refresh(c)
end

for _, id in ipairs(due('maxw')) do
  local v = redis.call('HMGET', P .. 'c:' .. id, 'st', 'camp', 'at')
  redis.call('ZREM', P .. 'maxw', id)
  if v[1] == 'queued' then
    forget_call(id)
    table.insert(ev.overflows, {call = id, campaign = v[2], waited_ms = NOW - tonumber(v[3])})
  end
end

for _ = 1, limit do
  local ready = redis.call('ZRANGE', P .. 'ready', 0, 0)
  if #ready == 0 then break end
  local c = ready[1]
  local call = redis.call('ZRANGE', P .. 'q:' .. c, 0, 0)[1]
  local timeout, escalate = cfg(c)
  local ck = P .. 'c:' .. call
  local v = redis.call('HMGET', ck, 'at', 'esc')
  local at = tonumber(v[1])
  local best = redis.call('ZRANGE', P .. 'av:' .. c, 0, 0, 'WITHSCORES')
  local escalated = false
  if v[2] or at + escalate <= NOW then
    local e = redis.call('ZRANGE', P .. 'ev:' .. c, 0, 0, 'WITHSCORES')
    if #e > 0 and (#best == 0 or tonumber(e[2]) < tonumber(best[2])) then
      best, escalated = e, true
    end
  end
  if #best == 0 then
    -- Readiness computed at a later clock than ours (another dispatcher): leave it to that time.
    redis.call('ZREM', P .. 'ready', c)
  else
    local a = best[1]
    local oid = redis.call('INCR', P .. 'seq')
    local exp = NOW + timeout
    local esc = '0'
    if escalated then esc = '1' end
    redis.call('HSET', P .. 'o:' .. oid, 'call', call, 'agent', a, 'camp', c, 'exp', n(exp), 'esc', esc,
      'at', n(NOW))
    redis.call('ZADD', P .. 'oexp', n(exp), oid)
    count('offers', 1)
    redis.call('ZREM', P .. 'q:' .. c, call)
    redis.call('ZREM', P .. 'maxw', call)
    call_state(call, 'offered')
    redis.call('HSET', ck, 'agent', a, 'offer', oid)
    if escalated then redis.call('HSET', ck, 'escoffer', '1') end
    pools_leave(a)
    agent_state(a, 'offered')
    redis.call('HSET', P .. 'a:' .. a, 'offer', oid)
    refresh(c)
    table.insert(ev.offers, {offer = oid, call = call, agent = a, campaign = c, expires_at = exp,
      escalated = escalated, waited_ms = NOW - at})
  end
end
local finished = redis.call('TIME')
ev.server_us = (tonumber(finished[1]) - tonumber(started[1])) * 1000000 + tonumber(finished[2]) - tonumber(started[2])
return reply(ev)
