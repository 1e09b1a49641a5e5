package io.github.usersession.log;

/**
 * Stable codes of every deployment problem, WARN or ERROR line and user-facing exception
 * message of usersession. A code is never reused for another meaning, also after it is
 * retired, so that users can search for it.
 *
 * <ul>
 *   <li>USESS-0001 to USESS-0099: configuration problems that fail the deployment.</li>
 *   <li>USESS-0100 to USESS-0199: failures while serving a request.</li>
 * </ul>
 */
public final class MessageCodes {

    public static final String UNKNOWN_STORE = "USESS-0001";
    public static final String MISSING_SECRET = "USESS-0002";
    public static final String SHORT_SECRET = "USESS-0003";
    public static final String INVALID_DURATION = "USESS-0004";
    public static final String INVALID_BOOLEAN = "USESS-0005";
    public static final String INVALID_SAME_SITE = "USESS-0006";
    public static final String INVALID_SECURE = "USESS-0007";
    public static final String INVALID_COOKIE_NAME = "USESS-0008";
    public static final String INVALID_NUMBER = "USESS-0009";
    public static final String SAME_SITE_NONE_INSECURE = "USESS-0010";
    public static final String INVALID_COOKIE_PATH = "USESS-0011";
    public static final String INVALID_COOKIE_DOMAIN = "USESS-0012";
    public static final String TOUCH_INTERVAL_TOO_LONG = "USESS-0013";
    public static final String EXAMPLE_SECRET = "USESS-0014";
    public static final String INVALID_TABLE_PREFIX = "USESS-0015";
    public static final String INVALID_REDIS_URI = "USESS-0016";
    public static final String REDIS_CLIENT_MISSING = "USESS-0017";

    public static final String STORE_FAILED = "USESS-0100";
    public static final String SESSION_TOO_LARGE = "USESS-0101";
    public static final String NO_REQUEST = "USESS-0102";
    public static final String MEMORY_STORE_FULL = "USESS-0103";
    public static final String SESSION_NEAR_LIMIT = "USESS-0104";
    public static final String SCHEMA_CREATED = "USESS-0105";
    public static final String CLEANUP_FAILED = "USESS-0106";
    public static final String CHANGED_AFTER_RESPONSE = "USESS-0107";

    private MessageCodes() {
    }
}
