package io.github.usersession.bench;

/**
 * The keys and values that every benchmark session starts with, the same for
 * {@code HttpSession} and usersession, so that both load and save the same data.
 */
final class BenchSession {

    /** The key that read requests get. */
    static final String COLOR = "color";

    /** The key that write requests get and then put, one higher. */
    static final String COUNTER = "counter";

    /** A key with a 200-character value, so that a load carries more than two short strings. */
    static final String PROFILE = "profile";

    static final String COLOR_VALUE = "red";

    static final String PROFILE_VALUE = "x".repeat(200);

    private BenchSession() {
    }

    /** Returns the counter value that a write request stores after reading {@code current}. */
    static String next(String current) {
        return Long.toString(Long.parseLong(current) + 1);
    }
}
