import {createHash} from 'node:crypto';

// The Lua scripts of the Redis store: each operation is one script, so it is atomic on its session's hash.

/** A hash field no namespace can be (':' fails the name rule): the session's byte total. */
const BYTES = ':bytes';

/** The server's clock in epoch ms, `now()`: deadlines and namespace lifetimes go by it. */
const CLOCK = `
local function now()
  local time = redis.call('TIME')
  return time[1] * 1000 + math.floor(time[2] / 1000)
end`;

/** Refuses a write past its deadline (ARGV[1], epoch ms, 0 for none) by the server's clock: a
 * command that waited in a queue or a paused server must not land after the handler answered. */
const DEADLINE = `${CLOCK}
local deadline = tonumber(ARGV[1])
if deadline > 0 and now() > deadline then return 'late' end`;

/** Restarts the TTL (ARGV[2], seconds) with a tenth of slack, as every store does. */
const RESTART = `
redis.call('PEXPIRE', KEYS[1], math.floor(tonumber(ARGV[2]) * 1100))`;

/** Slides the TTL (ARGV[2], seconds) when less than a full TTL is left: the session outlives
 * the cookie the same answer renews. */
const SLIDE = `
local left = redis.call('PTTL', KEYS[1])
if tonumber(ARGV[2]) > 0 and left > 0 and left < tonumber(ARGV[2]) * 1000 then ${RESTART} end`;

/** `expired(field, value)`: whether a namespace is past its own lifetime (the `expires` its
 * stored value holds: Redis 7.0 has no expiry per field) by the server's clock; if so it is
 * deleted and its bytes taken off the total. */
const EXPIRED = `
local function expired(field, value)
  if not string.find(value, '"expires":', 1, true) then return false end
  local readable, record = pcall(cjson.decode, value)
  local expires = readable and type(record) == 'table' and record.expires
  if type(expires) ~= 'number' or expires > now() then return false end
  redis.call('HDEL', KEYS[1], field)
  redis.call('HINCRBY', KEYS[1], '${BYTES}', -string.len(value))
  return true
end`;

/** Reads a namespace (ARGV[3]) and slides the session's TTL; one past its own lifetime reads as absent. */
export const GET = `${CLOCK}${SLIDE}${EXPIRED}
local value = redis.call('HGET', KEYS[1], ARGV[3])
if value and expired(ARGV[3], value) then return false end
return value`;

/** Reads every namespace (their names and values, flat) and slides the session's TTL, as GET
 * reads one: what a page's bootstrap holds. */
export const GET_ALL = `${CLOCK}${SLIDE}${EXPIRED}
local all, found = redis.call('HGETALL', KEYS[1]), {}
for i = 1, #all, 2 do
  if all[i] ~= '${BYTES}' and not expired(all[i], all[i + 1]) then
    found[#found + 1] = all[i]
    found[#found + 1] = all[i + 1]
  end
end
return found`;

/** Stores a namespace and restarts the TTL, atomically refusing what would pass the quota. The
 * byte total is kept beside the namespaces, so the check costs the same for any session. A
 * write that needs a live session (ARGV[7] = '1') finds none when it was deleted or expired:
 * Redis keeps no empty hash, so a session's hash has fields exactly while it lives. A stored
 * namespace is JSON, never empty, so a length of 0 is a namespace the session lacks. */
export const SET = `${DEADLINE}
local key, field, value = KEYS[1], ARGV[3], ARGV[4]
local count, bytes, old = redis.call('HLEN', key), redis.call('HGET', key, '${BYTES}'), redis.call('HSTRLEN', key, field)
if count == 0 and ARGV[7] == '1' then return 'retired' end
if bytes then count = count - 1 end
if old == 0 and count >= tonumber(ARGV[5]) then return 'namespaces' end
local total = tonumber(bytes or '0') + string.len(value) - old
if total > tonumber(ARGV[6]) then return 'bytes' end
redis.call('HSET', key, field, value, '${BYTES}', total)${RESTART}
return 'ok'`;

/** Deletes a namespace (ARGV[3]), takes its bytes off the total and slides the TTL. */
export const DELETE = `${DEADLINE}${SLIDE}
local length = redis.call('HSTRLEN', KEYS[1], ARGV[3])
if redis.call('HDEL', KEYS[1], ARGV[3]) == 1 then redis.call('HINCRBY', KEYS[1], '${BYTES}', -length) end
return 'ok'`;

/** Drops the session. */
export const CLEAR = `${DEADLINE}
redis.call('DEL', KEYS[1])
return 'ok'`;

/** Takes a whole session (its fields and values, flat) and drops it: one call wins it. */
export const TAKE = `${DEADLINE}
local all = redis.call('HGETALL', KEYS[1])
redis.call('DEL', KEYS[1])
return all`;

/** Adds the pairs from ARGV[5] on where the session has no such field, within the quota
 * (ARGV[3] namespaces, ARGV[4] bytes; past it a pair is left out), and restarts the TTL. */
export const MERGE = `${DEADLINE}
local key, most, limit = KEYS[1], tonumber(ARGV[3]), tonumber(ARGV[4])
local count = redis.call('HLEN', key) - redis.call('HEXISTS', key, '${BYTES}')
local total = tonumber(redis.call('HGET', key, '${BYTES}') or '0')
for i = 5, #ARGV, 2 do
  local field, value = ARGV[i], ARGV[i + 1]
  if field ~= '${BYTES}' and redis.call('HEXISTS', key, field) == 0 and count < most and total + string.len(value) <= limit then
    redis.call('HSET', key, field, value)
    count, total = count + 1, total + string.len(value)
  end
end
redis.call('HSET', key, '${BYTES}', total)${RESTART}
return 'ok'`;

/** The database's key count and the memory its data takes, for the store-wide budget of new
 * anonymous sessions. Every key of the database counts, page-state's or not. A figure the
 * server refuses (an ACL without INFO, a renamed command) counts 0, so that part of the budget
 * stops counting instead of every new session being refused. */
export const USAGE = `
local keys, info = redis.pcall('DBSIZE'), redis.pcall('INFO', 'memory')
return {type(keys) == 'number' and keys or 0, type(info) == 'string' and tonumber(string.match(info, 'used_memory_dataset:(%d+)')) or 0}`;

/** Each script's SHA-1, as EVALSHA names it. */
export const SHA1 = new Map(
  [GET, GET_ALL, SET, DELETE, CLEAR, TAKE, MERGE, USAGE].map((script) => [
    script,
    createHash('sha1').update(script).digest('hex'),
  ]),
);
