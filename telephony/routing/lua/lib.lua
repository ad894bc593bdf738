-- Helpers shared by every ACD script (this file is prepended to each of them).
-- ARGV[1] is the key prefix, ARGV[2] the time of the operation in milliseconds; each script reads
-- its own arguments from ARGV[3] on. Every id is a string; every time is an integer millisecond.
local P = ARGV[1]
local NOW = tonumber(ARGV[2])

-- Integers as Redis arguments: Lua's default %.14g would round scores of 15-16 digits.
local function n(x) return string.format('%d', x) end

local function count(field, delta) redis.call('HINCRBY', P .. 'n', field, delta) end

-- A campaign's routing settings, defaults for one never configured.
local function cfg(c)
  local v = redis.call('HMGET', P .. 'cfg:' .. c, 'timeout', 'escalate', 'maxwait', 'paused')
  return tonumber(v[1]) or 15000, tonumber(v[2]) or 30000, tonumber(v[3]) or 0, v[4] == '1'
end

-- Agent state, keeping the per-state counts in step; ``since`` is when it began.
local function agent_state(a, st)
  local k = P .. 'a:' .. a
  local old = redis.call('HGET', k, 'st')
  if old then count('a.' .. old, -1) end
  count('a.' .. st, 1)
  redis.call('HSET', k, 'st', st, 'since', n(NOW))
end

local function call_state(id, st)
  local k = P .. 'c:' .. id
  local old = redis.call('HGET', k, 'st')
  if old then count('c.' .. old, -1) end
  if st then
    count('c.' .. st, 1)
    redis.call('HSET', k, 'st', st)
  end
end

-- Recompute a campaign's place among the campaigns ready for a decision: it is ready when it has a
-- waiting call, is not paused, and has an available agent (a primary one, or an escalation one once
-- its head call has waited ``escalate`` ms). Its score there is its head call's: priority, arrival.
-- ``esct`` holds when an unmarked head call will escalate, for the dispatcher to mark it.
local function refresh(c)
  local head = redis.call('ZRANGE', P .. 'q:' .. c, 0, 0, 'WITHSCORES')
  if #head == 0 then
    redis.call('ZREM', P .. 'ready', c)
    redis.call('ZREM', P .. 'esct', c)
    return
  end
  local _, escalate, _, paused = cfg(c)
  local v = redis.call('HMGET', P .. 'c:' .. head[1], 'at', 'esc')
  local due_at = tonumber(v[1]) + escalate
  if not v[2] then
    redis.call('ZADD', P .. 'esct', n(due_at), c)
  else
    redis.call('ZREM', P .. 'esct', c)
  end
  -- Once marked escalated a call stays so, whatever this process's clock says.
  local due = v[2] or due_at <= NOW
  local ready = not paused and (redis.call('ZCARD', P .. 'av:' .. c) > 0
    or (due and redis.call('ZCARD', P .. 'ev:' .. c) > 0))
  if ready then
    redis.call('ZADD', P .. 'ready', head[2], c)
  else
    redis.call('ZREM', P .. 'ready', c)
  end
end

-- Agent pools: ``av:<c>`` the available agents checked in to campaign c, ``ev:<c>`` those who may
-- take its escalated calls; scored by idle-since (ms) x 1000 plus (999 - fit), so the longest idle
-- comes first and a higher fit breaks a tie. A campaign is refreshed only when its pool empties or
-- stops being empty, which is all its readiness depends on.
local function join(pool, c, a, idle)
  local key = P .. pool .. c
  local fit = tonumber(redis.call('HGET', P .. 'af:' .. a, c)) or 0
  redis.call('ZADD', key, n(idle * 1000 + 999 - fit), a)
  if redis.call('ZCARD', key) == 1 then refresh(c) end
end

local function leave(pool, c, a)
  local key = P .. pool .. c
  if redis.call('ZREM', key, a) == 1 and redis.call('ZCARD', key) == 0 then refresh(c) end
end

local function pools_join(a)
  local idle = tonumber(redis.call('HGET', P .. 'a:' .. a, 'idle')) or NOW
  local primary = {}
  for _, c in ipairs(redis.call('SMEMBERS', P .. 'ap:' .. a)) do
    primary[c] = true
    join('av:', c, a, idle)
  end
  for _, c in ipairs(redis.call('SMEMBERS', P .. 'ae:' .. a)) do
    if not primary[c] then join('ev:', c, a, idle) end
  end
end

local function pools_leave(a)
  for _, c in ipairs(redis.call('SMEMBERS', P .. 'ap:' .. a)) do leave('av:', c, a) end
  for _, c in ipairs(redis.call('SMEMBERS', P .. 'ae:' .. a)) do leave('ev:', c, a) end
end

-- The agent becomes available; ``idle`` (ms) when given restarts their idle time.
local function make_available(a, idle)
  if idle then redis.call('HSET', P .. 'a:' .. a, 'idle', n(idle)) end
  agent_state(a, 'available')
  pools_join(a)
end

-- Put a call (back) in its campaign's queue with its original score: priority, then arrival, so
-- a call whose offer failed goes back to the front it came from.
local function queue_call(id)
  local ck = P .. 'c:' .. id
  local v = redis.call('HMGET', ck, 'camp', 'score', 'maxw')
  call_state(id, 'queued')
  redis.call('HDEL', ck, 'agent', 'offer')
  redis.call('ZADD', P .. 'q:' .. v[1], v[2], id)
  if tonumber(v[3]) > 0 then redis.call('ZADD', P .. 'maxw', v[3], id) end
  refresh(v[1])
end

-- Forget a call that has left routing (answered and ended, hung up, overflowed).
local function forget_call(id)
  local ck = P .. 'c:' .. id
  local camp = redis.call('HGET', ck, 'camp')
  call_state(id, nil)
  redis.call('DEL', ck)
  redis.call('SREM', P .. 'calls', id)
  redis.call('ZREM', P .. 'maxw', id)
  if redis.call('ZREM', P .. 'q:' .. camp, id) == 1 then refresh(camp) end
end

-- Delete an offer record; returns its call, agent and campaign.
local function drop_offer(oid)
  local ok = P .. 'o:' .. oid
  local v = redis.call('HMGET', ok, 'call', 'agent', 'camp')
  redis.call('DEL', ok)
  redis.call('ZREM', P .. 'oexp', oid)
  redis.call('HDEL', P .. 'a:' .. v[2], 'offer')
  count('offers', -1)
  return v[1], v[2], v[3]
end

-- Take an agent out of whatever they were doing (offer re-queued, call released) and leave them in
-- state ``st``. Returns a description of what was undone, for the caller's events.
local function withdraw_agent(a, st)
  local k = P .. 'a:' .. a
  local v = redis.call('HMGET', k, 'st', 'offer', 'call')
  local undone = {agent = a, from_state = v[1] or 'offline'}
  if v[1] == 'available' then
    pools_leave(a)
  elseif v[1] == 'offered' and v[2] then
    local call, _, camp = drop_offer(v[2])
    queue_call(call)
    undone.requeued_call = call
    undone.campaign = camp
    undone.offer = tonumber(v[2])
  elseif v[1] == 'busy' and v[3] then
    undone.released_call = v[3]
    undone.campaign = redis.call('HGET', P .. 'c:' .. v[3], 'camp')
    forget_call(v[3])
  end
  redis.call('HDEL', k, 'offer', 'call')
  redis.call('ZREM', P .. 'wrap', a)
  if st == 'offline' then redis.call('ZREM', P .. 'hb', a) end
  agent_state(a, st)
  return undone
end

-- Make sure an agent record exists (a new one is offline, eligible nowhere).
local function ensure_agent(a)
  if redis.call('SADD', P .. 'agents', a) == 1 then
    redis.call('HSET', P .. 'a:' .. a, 'idle', n(NOW))
    agent_state(a, 'offline')
  end
end

local function reply(t) return cjson.encode(t) end
