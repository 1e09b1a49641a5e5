package io.github.usersession.config;

import static io.github.usersession.log.MessageCodes.EXAMPLE_SECRET;
import static io.github.usersession.log.MessageCodes.INVALID_BOOLEAN;
import static io.github.usersession.log.MessageCodes.INVALID_COOKIE_DOMAIN;
import static io.github.usersession.log.MessageCodes.INVALID_COOKIE_NAME;
import static io.github.usersession.log.MessageCodes.INVALID_COOKIE_PATH;
import static io.github.usersession.log.MessageCodes.INVALID_DURATION;
import static io.github.usersession.log.MessageCodes.INVALID_NUMBER;
import static io.github.usersession.log.MessageCodes.INVALID_REDIS_URI;
import static io.github.usersession.log.MessageCodes.INVALID_SAME_SITE;
import static io.github.usersession.log.MessageCodes.INVALID_SECURE;
import static io.github.usersession.log.MessageCodes.INVALID_TABLE_PREFIX;
import static io.github.usersession.log.MessageCodes.MISSING_SECRET;
import static io.github.usersession.log.MessageCodes.SAME_SITE_NONE_INSECURE;
import static io.github.usersession.log.MessageCodes.SHORT_SECRET;
import static io.github.usersession.log.MessageCodes.TOUCH_INTERVAL_TOO_LONG;
import static io.github.usersession.log.MessageCodes.UNKNOWN_STORE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;

/**
 * Reads and validates the {@code usersession.*} keys from MicroProfile Config.
 *
 * <p>Every bad key is reported, not only the first, each with its code, the key, the value
 * (masked for the secret), what is accepted and what to set. An invalid value never falls back
 * to the default.
 */
public final class SettingsReader {

    /** Store name: {@code memory}, {@code cookie}, {@code jdbc} or the {@code @StoreName} or {@code @Named} name of a store bean. Default {@code memory}. */
    public static final String STORE = "usersession.store";

    /** Cookie store secret, at least {@value #MIN_SECRET_BYTES} bytes of UTF-8. No default; required by the cookie store. */
    public static final String SECRET = "usersession.secret";

    /** Session cookie name, an RFC 6265 token. Default {@code app_session}. */
    public static final String COOKIE_NAME = "usersession.cookie.name";

    /** Whether the cookie gets {@code HttpOnly}, hiding it from scripts. Default {@code true}. */
    public static final String COOKIE_HTTP_ONLY = "usersession.cookie.http-only";

    /** The cookie's {@code SameSite}: {@code Strict}, {@code Lax} or {@code None}. Default {@code Lax}. */
    public static final String COOKIE_SAME_SITE = "usersession.cookie.same-site";

    /** When the cookie gets {@code Secure}: {@code auto} (on HTTPS requests), {@code true} or {@code false}. Default {@code auto}. */
    public static final String COOKIE_SECURE = "usersession.cookie.secure";

    /** The cookie's {@code Path}. Default: the application's context path. */
    public static final String COOKIE_PATH = "usersession.cookie.path";

    /** The cookie's {@code Domain}. Default: unset, so the cookie goes back only to the host that set it. */
    public static final String COOKIE_DOMAIN = "usersession.cookie.domain";

    /** Absolute session lifetime from creation, also the cookie's {@code Max-Age}. Default 30 days. */
    public static final String MAX_AGE = "usersession.max-age";

    /** Session lifetime from the last access, or {@code off}. Default off. */
    public static final String IDLE_TIMEOUT = "usersession.idle-timeout";

    /**
     * How long after the last recorded access a request that only reads records a new one (the
     * cookie store re-issues the cookie, server stores touch the session). Shorter than the idle
     * timeout. Default: a tenth of the idle timeout, at most one minute.
     */
    public static final String IDLE_TOUCH_INTERVAL = "usersession.idle-touch-interval";

    /** Earlier cookie store secrets, comma-separated, newest first: cookies sealed with them still open. No default. */
    public static final String SECRET_PREVIOUS = "usersession.secret.previous";

    /** Maximum number of cookies ({@code name}, {@code name.1}, ...) one session value is split over, 1 to 16. Default 4. */
    public static final String COOKIE_MAX_CHUNKS = "usersession.cookie.max-chunks";

    /** Whether {@code Forwarded} and {@code X-Forwarded-Proto} request headers count for {@code cookie.secure=auto}. Default false. */
    public static final String TRUST_FORWARDED_HEADERS = "usersession.trust-forwarded-headers";

    /** Maximum number of flashes a session keeps queued, 1 to 1000; past it, the oldest are dropped. Default 20. */
    public static final String FLASH_MAX_QUEUED = "usersession.flash.max-queued";

    /** Maximum number of sessions in the memory store; past it, expired and then least recently accessed ones are dropped. Default 100000. */
    public static final String MEMORY_MAX_SESSIONS = "usersession.memory.max-sessions";

    /** JNDI name of the JDBC store's data source. Default {@code java:comp/DefaultDataSource}, which every Jakarta EE server has. */
    public static final String JDBC_DATASOURCE = "usersession.jdbc.datasource";

    /** Prefix of the JDBC store's table names: a letter, then letters, digits or {@code _}, 30 at most. Default {@code usersession_}. */
    public static final String JDBC_TABLE_PREFIX = "usersession.jdbc.table-prefix";

    /** Whether the JDBC store creates its tables when they are missing. Default true. */
    public static final String JDBC_CREATE_SCHEMA = "usersession.jdbc.create-schema";

    /** How often the JDBC store deletes expired sessions. Default 1 minute. */
    public static final String JDBC_CLEANUP_INTERVAL = "usersession.jdbc.cleanup-interval";

    /** Maximum number of expired sessions that one cleanup statement deletes, 1 to 10000. Default 500. */
    public static final String JDBC_CLEANUP_BATCH_SIZE = "usersession.jdbc.cleanup-batch-size";

    /** Redis URI: {@code redis://}, {@code rediss://} (TLS), with {@code user:password@}, or {@code redis-sentinel://}. Default {@code redis://127.0.0.1:6379}. */
    public static final String REDIS_URI = "usersession.redis.uri";

    /** Prefix of every Redis key the store writes. Default {@code usersession:}. */
    public static final String REDIS_KEY_PREFIX = "usersession.redis.key-prefix";

    /** Redis command and connect timeout. Default 2 seconds. */
    public static final String REDIS_TIMEOUT = "usersession.redis.timeout";

    /** Whether {@code usersession.redis.uri} points at a node of a Redis Cluster. Default false. */
    public static final String REDIS_CLUSTER = "usersession.redis.cluster";

    public static final String MEMORY_STORE = "memory";
    public static final String REDIS_STORE = "redis";
    public static final String JDBC_STORE = "jdbc";
    public static final String COOKIE_STORE = "cookie";
    public static final int MIN_SECRET_BYTES = 32;

    static final String DEFAULT_COOKIE_NAME = "app_session";
    static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);
    static final int DEFAULT_MEMORY_MAX_SESSIONS = 100_000;
    static final Duration MAX_DEFAULT_TOUCH_INTERVAL = Duration.ofMinutes(1);
    static final int DEFAULT_MAX_CHUNKS = 4;
    static final int DEFAULT_MAX_QUEUED_FLASHES = 20;
    static final int MAX_QUEUED_FLASHES_LIMIT = 1000;
    static final String DEFAULT_DATASOURCE = "java:comp/DefaultDataSource";
    static final String DEFAULT_TABLE_PREFIX = "usersession_";
    static final int DEFAULT_CLEANUP_BATCH_SIZE = 500;
    static final int MAX_CLEANUP_BATCH_SIZE = 10_000;
    private static final Pattern REDIS_SCHEMES = Pattern.compile("(redis|rediss|redis-sentinel)://");
    private static final Pattern TABLE_PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,29}");
    static final int MAX_CHUNKS_LIMIT = 16;

    /** Secrets shown in the README. Anyone can read them, so they fail the deployment. */
    static final Set<String> EXAMPLE_SECRETS = Set.of("wU3H7rD0sYh3W9kq2ZJ6pVb1xN8cT5mE4aLfGiQoRyPdKjSz");

    // RFC 6265 cookie-name: an RFC 7230 token.
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern PATH = Pattern.compile("/[\\x21-\\x3A\\x3C-\\x7E]*");
    private static final Pattern DOMAIN = Pattern.compile("\\.?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

    private final Config config;
    private final Set<String> storeNames;
    private final List<String> problems = new ArrayList<>();

    private SettingsReader(Config config, Set<String> storeNames) {
        this.config = config;
        this.storeNames = new TreeSet<>(storeNames);
    }

    /**
     * Reads the settings.
     *
     * @param config the application's configuration
     * @param storeNames the names of all store beans of the application, built-in ones included
     * @return the valid settings
     * @throws InvalidSettingsException listing every problem, when at least one key is invalid
     */
    public static SessionSettings read(Config config, Set<String> storeNames) {
        return new SettingsReader(config, storeNames).read();
    }

    private SessionSettings read() {
        String store = readStore();
        Secret secret = readSecret(store);
        List<Secret> previousSecrets = readPreviousSecrets();
        Duration idleTimeout = readIdleTimeout();
        SameSite sameSite = readSameSite();
        SecureMode secure = readSecure();
        checkSameSiteNone(sameSite, secure);

        SessionSettings settings = new SessionSettings(
                store,
                readCookieName(),
                readBoolean(COOKIE_HTTP_ONLY, true),
                sameSite,
                secure,
                readCookiePath(),
                readCookieDomain(),
                readDuration(MAX_AGE, DEFAULT_MAX_AGE),
                idleTimeout,
                readTouchInterval(idleTimeout),
                readIntInRange(MEMORY_MAX_SESSIONS, DEFAULT_MEMORY_MAX_SESSIONS, Integer.MAX_VALUE),
                secret,
                previousSecrets,
                readIntInRange(COOKIE_MAX_CHUNKS, DEFAULT_MAX_CHUNKS, MAX_CHUNKS_LIMIT),
                readBoolean(TRUST_FORWARDED_HEADERS, false),
                readIntInRange(FLASH_MAX_QUEUED, DEFAULT_MAX_QUEUED_FLASHES, MAX_QUEUED_FLASHES_LIMIT),
                readJdbc(),
                readRedis());

        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return settings;
    }

    private Optional<String> value(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(value -> !value.isEmpty());
    }

    private String readStore() {
        String store = value(STORE).orElse(MEMORY_STORE);
        if (!storeNames.contains(store)) {
            problems.add(UNKNOWN_STORE + ": " + STORE + " is '" + store + "', which is not a known store."
                    + " Accepted: " + String.join(", ", storeNames)
                    + ", or the @StoreName or @Named name of a CDI bean that implements io.github.usersession.SessionStore."
                    + " Set " + STORE + " to one of them.");
        }
        return store;
    }

    private Secret readSecret(String store) {
        Optional<String> secret = value(SECRET);
        if (secret.isEmpty()) {
            if (COOKIE_STORE.equals(store)) {
                problems.add(MISSING_SECRET + ": " + SECRET + " is missing, but the cookie store needs it"
                        + " to encrypt sessions. Set " + SECRET + " to a random value of at least "
                        + MIN_SECRET_BYTES + " bytes, for example the output of 'openssl rand -base64 48'.");
            }
            return Secret.none();
        }

        checkSecret(SECRET, secret.get());
        return Secret.of(secret.get());
    }

    private List<Secret> readPreviousSecrets() {
        List<String> values = config.getOptionalValues(SECRET_PREVIOUS, String.class).orElse(List.of());
        List<Secret> secrets = new ArrayList<>();
        for (String value : values) {
            if (!value.isBlank()) {
                checkSecret(SECRET_PREVIOUS, value.trim());
                secrets.add(Secret.of(value.trim()));
            }
        }
        return secrets;
    }

    private void checkSecret(String key, String secret) {
        String fix = " Set " + key + " to a random value of at least " + MIN_SECRET_BYTES
                + " bytes, for example the output of 'openssl rand -base64 48'.";
        if (EXAMPLE_SECRETS.contains(secret)) {
            problems.add(EXAMPLE_SECRET + ": " + key + " is an example value from the documentation, which"
                    + " anyone can read, so it protects nothing." + fix);
        } else if (Secret.of(secret).length() < MIN_SECRET_BYTES) {
            problems.add(SHORT_SECRET + ": " + key + " is " + Secret.mask(secret) + ", shorter than "
                    + MIN_SECRET_BYTES + " bytes." + fix);
        }
    }

    private String readCookieName() {
        String name = value(COOKIE_NAME).orElse(DEFAULT_COOKIE_NAME);
        if (!TOKEN.matcher(name).matches()) {
            problems.add(INVALID_COOKIE_NAME + ": " + COOKIE_NAME + " is '" + name + "', which is not a valid"
                    + " cookie name. Accepted: letters, digits and !#$%&'*+-.^_`|~ (an RFC 6265 token)."
                    + " Set " + COOKIE_NAME + " to such a name, or remove it for the default "
                    + DEFAULT_COOKIE_NAME + ".");
        }
        return name;
    }

    private SameSite readSameSite() {
        Optional<String> text = value(COOKIE_SAME_SITE);
        if (text.isEmpty()) {
            return SameSite.LAX;
        }

        Optional<SameSite> parsed = SameSite.parse(text.get());
        if (parsed.isEmpty()) {
            problems.add(INVALID_SAME_SITE + ": " + COOKIE_SAME_SITE + " is '" + text.get() + "'."
                    + " Accepted: Strict, Lax or None. Set one of them, or remove the key for the default Lax.");
        }
        return parsed.orElse(SameSite.LAX);
    }

    private SecureMode readSecure() {
        Optional<String> text = value(COOKIE_SECURE);
        if (text.isEmpty()) {
            return SecureMode.AUTO;
        }

        Optional<SecureMode> parsed = SecureMode.parse(text.get());
        if (parsed.isEmpty()) {
            problems.add(INVALID_SECURE + ": " + COOKIE_SECURE + " is '" + text.get() + "'."
                    + " Accepted: auto, true or false. Set one of them, or remove the key for the default auto.");
        }
        return parsed.orElse(SecureMode.AUTO);
    }

    private void checkSameSiteNone(SameSite sameSite, SecureMode secure) {
        if (sameSite == SameSite.NONE && secure == SecureMode.FALSE) {
            problems.add(SAME_SITE_NONE_INSECURE + ": " + COOKIE_SAME_SITE + " is None but " + COOKIE_SECURE
                    + " is false; browsers reject SameSite=None cookies without Secure."
                    + " Set " + COOKIE_SECURE + " to true or auto, or choose Lax.");
        }
    }

    private String readCookiePath() {
        Optional<String> path = value(COOKIE_PATH);
        if (path.isPresent() && !PATH.matcher(path.get()).matches()) {
            problems.add(INVALID_COOKIE_PATH + ": " + COOKIE_PATH + " is '" + path.get() + "', which is not a"
                    + " valid cookie path. Accepted: a path that starts with / and has no ';', spaces or control"
                    + " characters. Set such a path, or remove the key for the application's context path.");
        }
        return path.orElse("");
    }

    private String readCookieDomain() {
        Optional<String> domain = value(COOKIE_DOMAIN);
        if (domain.isPresent() && !DOMAIN.matcher(domain.get()).matches()) {
            problems.add(INVALID_COOKIE_DOMAIN + ": " + COOKIE_DOMAIN + " is '" + domain.get() + "', which is not"
                    + " a valid domain. Accepted: a host name such as example.com. Set such a name, or remove the"
                    + " key for a cookie that goes back only to the host that set it.");
        }
        return domain.orElse("");
    }

    private JdbcSettings readJdbc() {
        String prefix = value(JDBC_TABLE_PREFIX).orElse(DEFAULT_TABLE_PREFIX);
        if (!TABLE_PREFIX.matcher(prefix).matches()) {
            problems.add(INVALID_TABLE_PREFIX + ": " + JDBC_TABLE_PREFIX + " is '" + prefix + "'. Accepted: a letter,"
                    + " then letters, digits or '_', 30 characters at most, because it becomes part of SQL table"
                    + " names. Set such a prefix, or remove the key for the default " + DEFAULT_TABLE_PREFIX + ".");
        }
        return new JdbcSettings(
                value(JDBC_DATASOURCE).orElse(DEFAULT_DATASOURCE),
                prefix,
                readBoolean(JDBC_CREATE_SCHEMA, true),
                readDuration(JDBC_CLEANUP_INTERVAL, Duration.ofMinutes(1)),
                readIntInRange(JDBC_CLEANUP_BATCH_SIZE, DEFAULT_CLEANUP_BATCH_SIZE, MAX_CLEANUP_BATCH_SIZE));
    }

    private RedisSettings readRedis() {
        String uri = value(REDIS_URI).orElse("redis://127.0.0.1:6379");
        if (!REDIS_SCHEMES.matcher(uri).lookingAt()) {
            RedisSettings masked = new RedisSettings(uri, "", Duration.ZERO, false);
            problems.add(INVALID_REDIS_URI + ": " + REDIS_URI + " is '" + masked.maskedUri() + "'. Accepted: a URI"
                    + " that starts with redis://, rediss:// or redis-sentinel://. Set such a URI, or remove the key"
                    + " for redis://127.0.0.1:6379.");
        }
        return new RedisSettings(uri, value(REDIS_KEY_PREFIX).orElse("usersession:"),
                readDuration(REDIS_TIMEOUT, Duration.ofSeconds(2)), readBoolean(REDIS_CLUSTER, false));
    }

    private Duration readIdleTimeout() {
        Optional<String> text = value(IDLE_TIMEOUT);
        if (text.isEmpty() || text.get().equalsIgnoreCase("off")) {
            return Duration.ZERO;
        }
        return readDuration(IDLE_TIMEOUT, Duration.ZERO);
    }

    private Duration readTouchInterval(Duration idleTimeout) {
        Duration defaultValue = idleTimeout.isZero()
                ? MAX_DEFAULT_TOUCH_INTERVAL
                : min(idleTimeout.dividedBy(10), MAX_DEFAULT_TOUCH_INTERVAL);
        Duration interval = readDuration(IDLE_TOUCH_INTERVAL, defaultValue);

        if (!idleTimeout.isZero() && interval.compareTo(idleTimeout) >= 0) {
            problems.add(TOUCH_INTERVAL_TOO_LONG + ": " + IDLE_TOUCH_INTERVAL + " is " + interval + ", not shorter"
                    + " than " + IDLE_TIMEOUT + " (" + idleTimeout + "), so idle sessions would expire while in use."
                    + " Set " + IDLE_TOUCH_INTERVAL + " to a tenth of the idle timeout, or remove it for that default.");
        }
        return interval;
    }

    private static Duration min(Duration first, Duration second) {
        return first.compareTo(second) <= 0 ? first : second;
    }

    private boolean readBoolean(String key, boolean defaultValue) {
        Optional<String> text = value(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        if (text.get().equalsIgnoreCase("true")) {
            return true;
        }
        if (text.get().equalsIgnoreCase("false")) {
            return false;
        }

        problems.add(INVALID_BOOLEAN + ": " + key + " is '" + text.get() + "'. Accepted: true or false."
                + " Set one of them, or remove the key for the default " + defaultValue + ".");
        return defaultValue;
    }

    private Duration readDuration(String key, Duration defaultValue) {
        Optional<String> text = value(key);
        if (text.isEmpty()) {
            return defaultValue;
        }

        Optional<Duration> parsed = DurationParser.parse(text.get());
        if (parsed.isEmpty()) {
            problems.add(INVALID_DURATION + ": " + key + " is '" + text.get() + "', which is not a positive"
                    + " duration. Accepted: " + DurationParser.ACCEPTED + ". Set such a duration, or remove the key"
                    + " for the default " + defaultValue + ".");
        }
        return parsed.orElse(defaultValue);
    }

    private int readIntInRange(String key, int defaultValue, int max) {
        Optional<String> text = value(key);
        if (text.isEmpty()) {
            return defaultValue;
        }

        try {
            int parsed = Integer.parseInt(text.get());
            if (parsed > 0 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below, like a number out of range.
        }
        problems.add(INVALID_NUMBER + ": " + key + " is '" + text.get() + "'. Accepted: a whole number from 1 to "
                + max + ". Set such a number, or remove the key for the default " + defaultValue + ".");
        return defaultValue;
    }
}
