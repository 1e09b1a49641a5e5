package io.github.usersession.store.redis;

/**
 * The Lua scripts of the Redis store. Every script touches only the keys of one session, which
 * share a hash tag, so it runs in one step on one node, also in Redis Cluster.
 */
final class RedisScripts {

    /** KEYS: data hash, flash list. Returns the hash's fields and values, and the flashes. */
    static final String LOAD = """
            return {redis.call('HGETALL', KEYS[1]), redis.call('LRANGE', KEYS[2], 0, -1)}
            """;

    /**
     * Applies one request's changes.
     *
     * <p>KEYS: data hash, flash list, rotation marker of the loaded ID; data hash and flash list
     * of the new ID. ARGV: mode ({@code new} or {@code update}), now, max-age, idle timeout (0 when
     * off), whether to set the user, user ID, whether to rotate, new ID, rotation grace and the
     * maximum number of flashes to keep. Then come the count and pairs of written attributes, the
     * count and names of removed ones, and the count and encoded flashes to queue. All times are
     * epoch milliseconds.
     *
     * <p>Returns {@code {'ok', expiresAt, droppedFlashes}}, {@code {'gone'}} when the session no
     * longer exists, or
     * {@code {'moved', newId}} when a sign-in renamed it after the request loaded it.
     */
    static final String SAVE = """
            local data, flashes, marker = KEYS[1], KEYS[2], KEYS[3]
            local now, maxAge, idle = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
            local created
            if ARGV[1] == 'update' then
              if redis.call('EXISTS', data) == 0 then
                local moved = redis.call('GET', marker)
                if moved then return {'moved', moved} end
                return {'gone'}
              end
              created = tonumber(redis.call('HGET', data, 'c'))
            else
              created = now
              redis.call('HSET', data, 'c', created)
            end
            redis.call('HSET', data, 'l', now)
            if ARGV[5] == '1' then
              if ARGV[6] == '' then redis.call('HDEL', data, 'u') else redis.call('HSET', data, 'u', ARGV[6]) end
            end
            local i = 11
            local written = tonumber(ARGV[i])
            for n = 1, written do redis.call('HSET', data, 'a:' .. ARGV[i + 2 * n - 1], ARGV[i + 2 * n]) end
            i = i + 2 * written + 1
            local removed = tonumber(ARGV[i])
            for n = 1, removed do redis.call('HDEL', data, 'a:' .. ARGV[i + n]) end
            i = i + removed + 1
            local added = tonumber(ARGV[i])
            for n = 1, added do redis.call('RPUSH', flashes, ARGV[i + n]) end
            local dropped = 0
            if added > 0 then
              dropped = redis.call('LLEN', flashes) - tonumber(ARGV[10])
              if dropped > 0 then redis.call('LTRIM', flashes, dropped, -1) else dropped = 0 end
            end
            if ARGV[7] == '1' then
              redis.call('RENAME', data, KEYS[4])
              if redis.call('EXISTS', flashes) == 1 then redis.call('RENAME', flashes, KEYS[5]) end
              redis.call('SET', marker, ARGV[8], 'PX', tonumber(ARGV[9]))
              data, flashes = KEYS[4], KEYS[5]
            end
            local expiresAt = created + maxAge
            if idle > 0 and now + idle < expiresAt then expiresAt = now + idle end
            redis.call('PEXPIREAT', data, expiresAt)
            if redis.call('EXISTS', flashes) == 1 then redis.call('PEXPIREAT', flashes, expiresAt) end
            return {'ok', tostring(expiresAt), tostring(dropped)}
            """;

    /**
     * KEYS: data hash, flash list. ARGV: the encoded start of a flash for the page. Removes and
     * returns the flashes for any page or for that page, only while the session exists; the others
     * stay queued in their order.
     */
    static final String TAKE_FLASHES = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
            local page = ARGV[1]
            local taken = {}
            for _, flash in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do
              if string.sub(flash, 1, 2) == '0:' or string.sub(flash, 1, #page) == page then
                taken[#taken + 1] = flash
              end
            end
            for _, flash in ipairs(taken) do redis.call('LREM', KEYS[2], 1, flash) end
            return taken
            """;

    private RedisScripts() {
    }
}
