package io.github.usersession.store.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.usersession.Flash;
import io.github.usersession.SessionChanges;
import io.github.usersession.StoredSession;
import io.github.usersession.config.Secret;
import io.github.usersession.testing.LogCapture;
import io.github.usersession.testing.TestSettings;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated attacks on cookie store values: no changed, cut, re-encoded or foreign value ever
 * opens, and each rejection is logged at DEBUG without the value or the secret.
 */
class CookieFuzzTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final CookieStore STORE = new CookieStore(TestSettings.read(Map.of(
            "usersession.store", "cookie", "usersession.secret", TestSettings.SECRET)));

    static LogCapture log;

    @BeforeContainer
    static void captureLog() {
        log = new LogCapture();
    }

    @AfterContainer
    static void checkLog() {
        assertThat(log.messages()).noneMatch(message -> message.contains(TestSettings.SECRET));
        log.close();
    }

    @Provide
    Arbitrary<String> sealedValues() {
        Arbitrary<String> keys = Arbitraries.strings().ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> values = Arbitraries.strings().ofMaxLength(40);
        return Arbitraries.maps(keys, values).ofMaxSize(3).map(attributes -> {
            StoredSession session = new StoredSession("id", "alice", attributes, List.of(Flash.of("hi")), NOW, NOW);
            return STORE.save(new SessionChanges(null, session, attributes, Set.of(), true, List.of(), List.of()), NOW)
                    .orElseThrow();
        });
    }

    /** Loads a value that must be rejected, and checks the rejection was logged without the value. */
    static void assertRejected(String value) {
        int debugBefore = log.debugCount();

        assertThat(STORE.load(value, NOW)).isEmpty();
        assertThat(log.debugCount()).isEqualTo(debugBefore + 1);
    }

    @Property(tries = 20_000)
    void flippedBitsAreRejected(@ForAll("sealedValues") String value, @ForAll @IntRange(max = 100_000) int position,
                                @ForAll @IntRange(min = 1, max = 3) int flips) {
        byte[] bytes = Base64.getUrlDecoder().decode(value);
        for (int flip = 0; flip < flips; flip++) {
            int bit = (position + flip * 7919) % (bytes.length * 8);
            bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Assume.that(!tampered.equals(value));

        assertRejected(tampered);
    }

    @Property(tries = 10_000)
    void changedCharactersAreRejected(@ForAll("sealedValues") String value, @ForAll @IntRange(max = 100_000) int position,
                                      @ForAll char replacement) {
        int index = position % value.length();
        String tampered = value.substring(0, index) + replacement + value.substring(index + 1);
        Assume.that(!tampered.equals(value));

        assertRejected(tampered);
    }

    @Property(tries = 15_000)
    void truncatedValuesAreRejected(@ForAll("sealedValues") String value, @ForAll @IntRange(max = 100_000) int start,
                                    @ForAll @IntRange(min = 1, max = 100_000) int length) {
        int from = start % value.length();
        int to = Math.min(value.length(), from + length);
        String cut = value.substring(0, from) + value.substring(to);

        assertRejected(cut);
    }

    @Property(tries = 15_000)
    void reencodedValuesAreRejected(@ForAll("sealedValues") String value, @ForAll @IntRange(max = 5) int form,
                                    @ForAll @IntRange(max = 100_000) int position) {
        int index = position % (value.length() + 1);
        String reencoded = switch (form) {
            case 0 -> value + "=".repeat(1 + position % 2);
            case 1 -> value.replace('-', '+').replace('_', '/') + "+";
            case 2 -> "\"" + value + "\"";
            case 3 -> value.substring(0, index) + "," + value.substring(index);
            case 4 -> value.substring(0, index) + " " + value.substring(index);
            default -> Base64.getUrlEncoder().encodeToString(Base64.getUrlDecoder().decode(value)) + "==";
        };
        Assume.that(!reencoded.equals(value));

        assertRejected(reencoded);
    }

    @Property(tries = 5_000)
    void wrongVersionIsRejected(@ForAll("sealedValues") String value, @ForAll byte version) {
        Assume.that(version != CookieSealer.VERSION);
        byte[] bytes = Base64.getUrlDecoder().decode(value);
        bytes[0] = version;

        assertRejected(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Property(tries = 5_000)
    void foreignSecretIsRejected(@ForAll @StringLength(min = 32, max = 64) String otherSecret) {
        Assume.that(!otherSecret.equals(TestSettings.SECRET));
        CookieSealer foreign = new CookieSealer(Secret.of(otherSecret), "app_session");

        assertRejected(foreign.seal("{\"id\":\"x\",\"c\":0,\"w\":0,\"a\":{},\"f\":[]}".getBytes()));
    }

    @Property(tries = 5_000)
    void swappedCookieNameIsRejected(@ForAll @StringLength(min = 1, max = 30) String otherName) {
        Assume.that(!otherName.equals("app_session"));
        CookieSealer otherCookie = new CookieSealer(Secret.of(TestSettings.SECRET), otherName);

        assertRejected(otherCookie.seal("{\"id\":\"x\",\"c\":0,\"w\":0,\"a\":{},\"f\":[]}".getBytes()));
    }

    @Property(tries = 10_000)
    void arbitraryTextIsRejected(@ForAll @StringLength(max = 6000) String text) {
        assertRejected(text);
    }
}
