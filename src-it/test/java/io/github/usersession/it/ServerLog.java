package io.github.usersession.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the server log of the integration run (the file in the system property server.log): no
 * secret and no whole session ID may appear in any line, at any level.
 */
final class ServerLog {

    /** Every session cookie value a test saw, whole. */
    static final Set<String> SEEN_SESSION_VALUES = ConcurrentHashMap.newKeySet();

    private ServerLog() {
    }

    static List<String> lines() {
        Path log = Path.of(System.getProperty("server.log"));
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that the log shows usersession's DEBUG lines but none of the secrets or seen values. */
    static void assertNoSecretsOrSessionIds(String... secrets) {
        List<String> lines = lines();

        assertThat(lines).as("usersession DEBUG lines in the server log")
                .anyMatch(line -> line.contains("No valid session for the"));
        for (String secret : secrets) {
            assertThat(lines).as("lines with a secret").noneMatch(line -> line.contains(secret));
        }
        for (String value : SEEN_SESSION_VALUES) {
            assertThat(lines).as("lines with a whole session value").noneMatch(line -> line.contains(value));
        }
    }
}
