package io.github.usersession.demo;

import java.util.Map;
import java.util.Optional;

/** The demo's only user directory: one sample user. */
final class Users {

    static final String SAMPLE_USER = "alice";
    static final String SAMPLE_PASSWORD = "wonderland";

    private static final Map<String, String> PASSWORDS = Map.of(SAMPLE_USER, SAMPLE_PASSWORD);

    private Users() {
    }

    /** Returns the user ID when the name and password match. */
    static Optional<String> authenticate(String name, String password) {
        if (name == null || password == null) {
            return Optional.empty();
        }
        return password.equals(PASSWORDS.get(name)) ? Optional.of(name) : Optional.empty();
    }
}
