package io.github.usersession.store.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.usersession.config.Secret;

class CookieSealerTest {

    static final Secret SECRET = Secret.of("0123456789abcdef0123456789abcdef");
    static final byte[] PLAINTEXT = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    final CookieSealer sealer = new CookieSealer(SECRET, "app_session");

    @Test
    void sealedValueOpens() {
        String value = sealer.seal(PLAINTEXT);

        assertThat(sealer.open(value)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(PLAINTEXT));
    }

    @Test
    void sealedValueIsUrlSafeAndHidesPlaintext() {
        String value = sealer.seal(PLAINTEXT);

        assertThat(value).matches("[A-Za-z0-9_-]+");
        assertThat(value).hasSize((int) Math.ceil((CookieSealer.MIN_LENGTH + PLAINTEXT.length) * 4 / 3.0));
        assertThat(new String(Base64.getUrlDecoder().decode(value), StandardCharsets.ISO_8859_1)).doesNotContain("id");
    }

    @Test
    void sameInputSealsDifferentlyEachTime() {
        assertThat(sealer.seal(PLAINTEXT)).isNotEqualTo(sealer.seal(PLAINTEXT));
    }

    @Test
    void everyFlippedBitIsRejected() {
        byte[] sealed = Base64.getUrlDecoder().decode(sealer.seal(PLAINTEXT));

        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] tampered = sealed.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);

            assertThat(sealer.open(value)).as("bit %d flipped", bit).isEmpty();
        }
    }

    @Test
    void everyTruncationIsRejected() {
        String value = sealer.seal(PLAINTEXT);

        for (int length = 0; length < value.length(); length++) {
            assertThat(sealer.open(value.substring(0, length))).as("first %d characters", length).isEmpty();
        }
    }

    @Test
    void otherSecretIsRejected() {
        CookieSealer other = new CookieSealer(Secret.of("another-secret-of-enough-length-1234"), "app_session");

        assertThat(other.open(sealer.seal(PLAINTEXT))).isEmpty();
    }

    @Test
    void otherCookieNameIsRejected() {
        CookieSealer otherName = new CookieSealer(SECRET, "other_session");

        assertThat(otherName.open(sealer.seal(PLAINTEXT))).isEmpty();
    }

    @Test
    void reencodedFormsAreRejected() {
        String value = sealer.seal(PLAINTEXT);
        byte[] bytes = Base64.getUrlDecoder().decode(value);

        List<String> reencoded = List.of(
                Base64.getUrlEncoder().encodeToString(bytes),
                Base64.getEncoder().encodeToString(bytes),
                value + "=",
                "\"" + value + "\"",
                value + " ");

        for (String form : reencoded) {
            if (!form.equals(value)) {
                assertThat(sealer.open(form)).as(form).isEmpty();
            }
        }
    }

    @Test
    void otherVersionIsRejected() {
        byte[] sealed = Base64.getUrlDecoder().decode(sealer.seal(PLAINTEXT));
        sealed[0] = 2;

        assertThat(sealer.open(Base64.getUrlEncoder().withoutPadding().encodeToString(sealed))).isEmpty();
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "a", "====", "%%%", "ü€😀", "a,b", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void garbageIsRejected(String value) {
        assertThat(sealer.open(value)).isEmpty();
    }

    @Test
    void oversizedValueIsRejectedUnread() {
        assertThat(sealer.open("A".repeat(CookieSealer.MAX_VALUE_LENGTH + 4))).isEmpty();
    }
}
