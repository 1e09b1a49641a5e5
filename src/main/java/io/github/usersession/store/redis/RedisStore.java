package io.github.usersession.store.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import io.github.usersession.Flash;
import io.github.usersession.SessionChanges;
import io.github.usersession.SessionIndex;
import io.github.usersession.SessionStore;
import io.github.usersession.SessionStoreException;
import io.github.usersession.StoreName;
import io.github.usersession.StoredSession;
import io.github.usersession.config.RedisSettings;
import io.github.usersession.config.SessionSettings;
import io.github.usersession.config.SettingsReader;
import io.github.usersession.state.SessionExpiry;
import io.github.usersession.state.SessionIds;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps sessions in Redis through Lettuce, so that every server shares them.
 *
 * <p>A session is a hash (times, user ID, {@code a:}-prefixed attributes) and a list of flashes,
 * whose keys share a hash tag. Loading runs one script, saving one script (and, when the user
 * changes, a pipelined update of the user's index), and each changes only what its request
 * changed, atomically. Redis expires both keys at the session's expiry instant.
 *
 * <p>The cookie value is {@code tag.id}: the tag (8 characters) stays the same when sign-in gives
 * the session a new ID, so that the old and new keys share a hash slot and the rename happens in
 * the same script.
 */
@ApplicationScoped
@StoreName(SettingsReader.REDIS_STORE)
public class RedisStore implements SessionStore, SessionIndex {

    private static final Logger LOG = Logger.getLogger(RedisStore.class);

    static final int TAG_LENGTH = 8;
    static final Duration ROTATION_GRACE = Duration.ofMinutes(1);
    private static final Pattern COOKIE_VALUE = Pattern.compile("[A-Za-z0-9_-]{" + TAG_LENGTH + "}\\.[A-Za-z0-9_-]{43}");

    private final RedisSettings settings;
    private final SessionSettings sessionSettings;
    private final SessionExpiry expiry;
    private volatile RedisConnection connection;

    @Inject
    public RedisStore(SessionSettings settings) {
        this.settings = settings.redis();
        this.sessionSettings = settings;
        this.expiry = SessionExpiry.of(settings);
    }

    /** Needed by CDI to create the client proxy. */
    protected RedisStore() {
        this.settings = null;
        this.sessionSettings = null;
        this.expiry = null;
    }

    @Override
    public Optional<StoredSession> load(String cookieValue, Instant now) {
        if (!COOKIE_VALUE.matcher(cookieValue).matches()) {
            return Optional.empty();
        }
        List<Object> result = await("load a session",
                commands().eval(RedisScripts.LOAD, ScriptOutputType.MULTI, keys(cookieValue, "s", "f")));

        @SuppressWarnings("unchecked")
        List<String> hash = (List<String>) result.get(0);
        @SuppressWarnings("unchecked")
        List<String> flashes = (List<String>) result.get(1);
        return hash.isEmpty() ? Optional.empty() : Optional.of(toSession(cookieValue, hash, flashes));
    }

    @Override
    public Optional<String> save(SessionChanges changes, Instant now) {
        Optional<String> previous = changes.previousId();
        String value = previous.isEmpty()
                ? changes.result().id().substring(0, TAG_LENGTH) + "." + changes.result().id()
                : changes.idRotated() ? tag(previous.get()) + "." + changes.result().id() : previous.get();

        List<Object> result = runSave(previous.orElse(value), value, changes, previous.isEmpty() ? "new" : "update", now);
        String outcome = (String) result.get(0);
        if (outcome.equals("moved")) {
            // A sign-in renamed the session after this request loaded it: apply the changes there,
            // but do not hand this response the new ID.
            String moved = (String) result.get(1);
            runSave(moved, moved, withoutRotation(changes), "update", now);
            return Optional.empty();
        }
        if (outcome.equals("gone")) {
            LOG.debugf("Dropped a save for session %s, which no longer exists", SessionIds.prefix(value));
            return Optional.empty();
        }

        indexUser(changes, previous, value, Long.parseLong((String) result.get(1)), now);
        return Optional.of(value);
    }

    @Override
    public Optional<List<Flash>> takeFlashes(String sessionId, String page, Instant now) {
        if (!COOKIE_VALUE.matcher(sessionId).matches()) {
            return Optional.of(List.of());
        }
        List<String> encodedFlashes = await("take flashes", commands().eval(RedisScripts.TAKE_FLASHES,
                ScriptOutputType.MULTI, keys(sessionId, "s", "f"), encodePage(page)));
        return Optional.of(encodedFlashes.stream().map(RedisStore::decodeFlash).toList());
    }

    @Override
    public void delete(String sessionId) {
        if (COOKIE_VALUE.matcher(sessionId).matches()) {
            await("delete a session", commands().del(keys(sessionId, "s", "f")));
        }
    }

    @Override
    public boolean isAvailable() {
        try {
            return "PONG".equals(await("ping", commands().ping()));
        } catch (SessionStoreException e) {
            return false;
        }
    }

    @Override
    public List<StoredSession> findByUser(String userId, Instant now) {
        RedisClusterAsyncCommands<String, String> commands = commands();
        List<String> ids = await("list a user's sessions",
                commands.zrangebyscore(userKey(userId), io.lettuce.core.Range.create((double) now.toEpochMilli(), Double.MAX_VALUE)));
        List<StoredSession> sessions = new ArrayList<>();
        for (String id : ids) {
            List<Object> result = await("load a session",
                    commands.eval(RedisScripts.LOAD, ScriptOutputType.MULTI, keys(id, "s", "f")));
            @SuppressWarnings("unchecked")
            List<String> hash = (List<String>) result.get(0);
            if (!hash.isEmpty()) {
                StoredSession session = toSession(id, hash, List.of());
                if (session.userId().filter(userId::equals).isPresent() && !expiry.isExpired(session, now)) {
                    sessions.add(new StoredSession(id, userId, Map.of(), List.of(), session.created(), session.lastAccessed()));
                }
            }
        }
        return sessions;
    }

    @Override
    public int deleteByUser(String userId, String keepSessionId) {
        RedisClusterAsyncCommands<String, String> commands = commands();
        List<String> ids = await("list a user's sessions", commands.zrange(userKey(userId), 0, -1));
        int deleted = 0;
        for (String id : ids) {
            if (!id.equals(keepSessionId)) {
                long keysRemoved = await("end a user's sessions", commands.del(keys(id, "s", "f")));
                deleted += keysRemoved > 0 ? 1 : 0;
                await("end a user's sessions", commands.zrem(userKey(userId), id));
            }
        }
        return deleted;
    }

    @PreDestroy
    void close() {
        if (connection != null) {
            connection.close();
        }
    }

    private List<Object> runSave(String loadedValue, String newValue, SessionChanges changes, String mode, Instant now) {
        List<String> arguments = new ArrayList<>(List.of(mode, Long.toString(now.toEpochMilli()),
                Long.toString(sessionSettings.maxAge().toMillis()), Long.toString(sessionSettings.idleTimeout().toMillis()),
                changes.userIdChanged() ? "1" : "0", changes.result().userId().orElse(""),
                changes.idRotated() ? "1" : "0", newValue, Long.toString(ROTATION_GRACE.toMillis()),
                Integer.toString(changes.maxQueuedFlashes())));

        arguments.add(Integer.toString(changes.written().size()));
        changes.written().forEach((key, value) -> {
            arguments.add(key);
            arguments.add(value);
        });
        arguments.add(Integer.toString(changes.removed().size()));
        arguments.addAll(changes.removed());
        arguments.add(Integer.toString(changes.addedFlashes().size()));
        changes.addedFlashes().forEach(flash -> arguments.add(encodeFlash(flash)));

        String[] keys = {key(loadedValue, "s"), key(loadedValue, "f"), key(loadedValue, "r"), key(newValue, "s"),
            key(newValue, "f")};
        List<Object> result = await("save a session",
                commands().eval(RedisScripts.SAVE, ScriptOutputType.MULTI, keys, arguments.toArray(String[]::new)));
        if (result.size() > 2 && !"0".equals(result.get(2))) {
            SessionChanges.logDroppedFlashes(Long.parseLong((String) result.get(2)), changes.maxQueuedFlashes());
        }
        return result;
    }

    private static SessionChanges withoutRotation(SessionChanges changes) {
        return new SessionChanges(changes.previousId().orElseThrow(), changes.result(), changes.written(),
                changes.removed(), false, changes.addedFlashes(), changes.consumedFlashes(), changes.maxQueuedFlashes());
    }

    /** Adds the session to its user's index and drops expired entries, so the index cannot grow without bound. */
    private void indexUser(SessionChanges changes, Optional<String> previous, String value, long expiresAt, Instant now) {
        Optional<String> userId = changes.result().userId();
        if (userId.isEmpty()) {
            return;
        }
        RedisClusterAsyncCommands<String, String> commands = commands();
        String index = userKey(userId.get());
        List<RedisFuture<?>> pipeline = new ArrayList<>();
        pipeline.add(commands.zadd(index, (double) expiresAt, value));
        previous.filter(old -> !old.equals(value)).ifPresent(old -> pipeline.add(commands.zrem(index, old)));
        pipeline.add(commands.zremrangebyscore(index, io.lettuce.core.Range.create(0d, (double) now.toEpochMilli())));
        pipeline.add(commands.pexpire(index, sessionSettings.maxAge().toMillis()));
        for (RedisFuture<?> future : pipeline) {
            await("index a user's session", future);
        }
    }

    private StoredSession toSession(String id, List<String> hash, List<String> encodedFlashes) {
        Map<String, String> attributes = new LinkedHashMap<>();
        String userId = null;
        long created = 0;
        long lastAccessed = 0;
        for (int i = 0; i + 1 < hash.size(); i += 2) {
            String field = hash.get(i);
            String value = hash.get(i + 1);
            switch (field) {
                case "u" -> userId = value;
                case "c" -> created = Long.parseLong(value);
                case "l" -> lastAccessed = Long.parseLong(value);
                default -> {
                    if (field.startsWith("a:")) {
                        attributes.put(field.substring(2), value);
                    }
                }
            }
        }
        return new StoredSession(id, userId, attributes, encodedFlashes.stream().map(RedisStore::decodeFlash).toList(),
                Instant.ofEpochMilli(created), Instant.ofEpochMilli(lastAccessed));
    }

    /**
     * Encodes a flash as its page and its kind, each preceded by its length and a colon, then the
     * message. The page comes first, so that {@link RedisScripts#TAKE_FLASHES} can compare it.
     */
    static String encodeFlash(Flash flash) {
        return encodePage(flash.page()) + flash.kind().length() + ":" + flash.kind() + flash.message();
    }

    /** Encodes a page path as its length, a colon and the path: the start of the page's flashes. */
    static String encodePage(String page) {
        return page.length() + ":" + page;
    }

    static Flash decodeFlash(String encoded) {
        int pageColon = encoded.indexOf(':');
        int pageEnd = pageColon + 1 + Integer.parseInt(encoded.substring(0, pageColon));
        int kindColon = encoded.indexOf(':', pageEnd);
        int kindEnd = kindColon + 1 + Integer.parseInt(encoded.substring(pageEnd, kindColon));
        return new Flash(encoded.substring(kindColon + 1, kindEnd), encoded.substring(kindEnd),
                encoded.substring(pageColon + 1, pageEnd));
    }

    private static String tag(String cookieValue) {
        return cookieValue.substring(0, TAG_LENGTH);
    }

    private String key(String cookieValue, String part) {
        return settings.keyPrefix() + "{" + tag(cookieValue) + "}" + cookieValue.substring(TAG_LENGTH + 1) + ":" + part;
    }

    private String[] keys(String cookieValue, String... parts) {
        String[] keys = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            keys[i] = key(cookieValue, parts[i]);
        }
        return keys;
    }

    private String userKey(String userId) {
        return settings.keyPrefix() + "user:" + userId;
    }

    private <T> T await(String action, RedisFuture<T> future) {
        try {
            return future.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(action, e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw failure(action, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(action, e);
        }
    }

    private SessionStoreException failure(String action, Throwable cause) {
        return new SessionStoreException("The Redis session store could not " + action + " at "
                + settings.maskedUri() + ": " + cause, cause);
    }

    private RedisClusterAsyncCommands<String, String> commands() {
        RedisConnection current = connection;
        if (current == null) {
            synchronized (this) {
                current = connection;
                if (current == null) {
                    try {
                        current = RedisConnection.open(settings);
                    } catch (RuntimeException e) {
                        throw failure("connect", e);
                    }
                    connection = current;
                }
            }
        }
        return current.commands();
    }
}
