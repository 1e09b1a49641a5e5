package io.github.usersession.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class SettingsReaderTest {

    static final Set<String> BUILT_IN = Set.of("memory", "cookie");
    static final String GOOD_SECRET = "0123456789abcdef0123456789abcdef";

    static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
    }

    static InvalidSettingsException failure(Map<String, String> properties) {
        return catchThrowableOfType(InvalidSettingsException.class,
                () -> SettingsReader.read(config(properties), BUILT_IN));
    }

    @Test
    void defaultsNeedNoConfiguration() {
        SessionSettings settings = SettingsReader.read(config(Map.of()), BUILT_IN);

        assertThat(settings.store()).isEqualTo("memory");
        assertThat(settings.cookieName()).isEqualTo("app_session");
        assertThat(settings.httpOnly()).isTrue();
        assertThat(settings.sameSite()).isEqualTo(SameSite.LAX);
        assertThat(settings.secure()).isEqualTo(SecureMode.AUTO);
        assertThat(settings.configuredCookiePath()).isEmpty();
        assertThat(settings.configuredCookieDomain()).isEmpty();
        assertThat(settings.maxAge()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.memoryMaxSessions()).isEqualTo(100_000);
        assertThat(settings.secret().isPresent()).isFalse();
        assertThat(settings.previousSecrets()).isEmpty();
        assertThat(settings.hasIdleTimeout()).isFalse();
        assertThat(settings.idleTouchInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.maxChunks()).isEqualTo(4);
        assertThat(settings.trustForwardedHeaders()).isFalse();
    }

    @Test
    void idleTimeoutAndTouchIntervalAreRead() {
        SessionSettings settings = SettingsReader.read(config(Map.of(
                "usersession.idle-timeout", "20m", "usersession.idle-touch-interval", "30s")), BUILT_IN);

        assertThat(settings.hasIdleTimeout()).isTrue();
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofMinutes(20));
        assertThat(settings.idleTouchInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void touchIntervalDefaultsToTenthOfIdleTimeoutAtMostOneMinute() {
        assertThat(SettingsReader.read(config(Map.of("usersession.idle-timeout", "5m")), BUILT_IN)
                .idleTouchInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(SettingsReader.read(config(Map.of("usersession.idle-timeout", "2h")), BUILT_IN)
                .idleTouchInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(SettingsReader.read(config(Map.of("usersession.idle-timeout", "off")), BUILT_IN)
                .hasIdleTimeout()).isFalse();
    }

    @Test
    void touchIntervalMustBeShorterThanIdleTimeout() {
        InvalidSettingsException failure = failure(Map.of(
                "usersession.idle-timeout", "10m", "usersession.idle-touch-interval", "10m"));

        assertThat(failure.problems()).singleElement().asString()
                .startsWith("USESS-0013: usersession.idle-touch-interval is PT10M, not shorter than usersession.idle-timeout (PT10M)");
    }

    @Test
    void previousSecretsAreReadNewestFirst() {
        SessionSettings settings = SettingsReader.read(config(Map.of(
                "usersession.store", "cookie", "usersession.secret", GOOD_SECRET,
                "usersession.secret.previous", "previous-secret-number-one-0123456789, previous-secret-number-two-0123456789")),
                BUILT_IN);

        assertThat(settings.previousSecrets()).containsExactly(
                Secret.of("previous-secret-number-one-0123456789"), Secret.of("previous-secret-number-two-0123456789"));
    }

    @Test
    void shortPreviousSecretIsReported() {
        InvalidSettingsException failure = failure(Map.of(
                "usersession.store", "cookie", "usersession.secret", GOOD_SECRET,
                "usersession.secret.previous", "tiny"));

        assertThat(failure.problems()).singleElement().asString()
                .startsWith("USESS-0003: usersession.secret.previous is <4 bytes, hidden>, shorter than 32 bytes.");
    }

    @Test
    void documentedExampleSecretIsRejected() {
        for (String example : SettingsReader.EXAMPLE_SECRETS) {
            InvalidSettingsException failure = failure(Map.of("usersession.store", "cookie", "usersession.secret", example));

            assertThat(failure.problems()).singleElement().asString()
                    .startsWith("USESS-0014: usersession.secret is an example value from the documentation")
                    .doesNotContain(example);
        }
    }

    @Test
    void proxyAndChunkKeysAreRead() {
        SessionSettings settings = SettingsReader.read(config(Map.of(
                "usersession.trust-forwarded-headers", "true", "usersession.cookie.max-chunks", "16")), BUILT_IN);

        assertThat(settings.trustForwardedHeaders()).isTrue();
        assertThat(settings.maxChunks()).isEqualTo(16);
    }

    @Test
    void flashCapIsReadWithDefault() {
        assertThat(SettingsReader.read(config(Map.of()), BUILT_IN).maxQueuedFlashes()).isEqualTo(20);
        assertThat(SettingsReader.read(config(Map.of("usersession.flash.max-queued", "1000")), BUILT_IN)
                .maxQueuedFlashes()).isEqualTo(1000);
    }

    @Test
    void everyKeyIsRead() {
        SessionSettings settings = SettingsReader.read(config(Map.of(
                "usersession.store", "cookie",
                "usersession.secret", GOOD_SECRET,
                "usersession.cookie.name", "__Host-sid",
                "usersession.cookie.http-only", "false",
                "usersession.cookie.same-site", "strict",
                "usersession.cookie.secure", "TRUE",
                "usersession.cookie.path", "/shop",
                "usersession.cookie.domain", "example.com",
                "usersession.max-age", "12h",
                "usersession.memory.max-sessions", "50")), BUILT_IN);

        assertThat(settings.store()).isEqualTo("cookie");
        assertThat(settings.secret()).isEqualTo(Secret.of(GOOD_SECRET));
        assertThat(settings.cookieName()).isEqualTo("__Host-sid");
        assertThat(settings.httpOnly()).isFalse();
        assertThat(settings.sameSite()).isEqualTo(SameSite.STRICT);
        assertThat(settings.secure()).isEqualTo(SecureMode.TRUE);
        assertThat(settings.configuredCookiePath()).contains("/shop");
        assertThat(settings.configuredCookieDomain()).contains("example.com");
        assertThat(settings.maxAge()).isEqualTo(Duration.ofHours(12));
        assertThat(settings.memoryMaxSessions()).isEqualTo(50);
    }

    @Test
    void customStoreNameIsAccepted() {
        SessionSettings settings = SettingsReader.read(config(Map.of("usersession.store", "mine")),
                Set.of("memory", "cookie", "mine"));

        assertThat(settings.store()).isEqualTo("mine");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "usersession.store|redis|USESS-0001: usersession.store is 'redis', which is not a known store. Accepted: cookie, memory, or the @StoreName or @Named name of a CDI bean that implements io.github.usersession.SessionStore. Set usersession.store to one of them.",
        "usersession.max-age|forever|USESS-0004: usersession.max-age is 'forever', which is not a positive duration.",
        "usersession.max-age|0s|USESS-0004: usersession.max-age is '0s', which is not a positive duration.",
        "usersession.max-age|-P1D|USESS-0004: usersession.max-age is '-P1D', which is not a positive duration.",
        "usersession.cookie.http-only|yes|USESS-0005: usersession.cookie.http-only is 'yes'. Accepted: true or false.",
        "usersession.cookie.same-site|sometimes|USESS-0006: usersession.cookie.same-site is 'sometimes'. Accepted: Strict, Lax or None.",
        "usersession.cookie.secure|maybe|USESS-0007: usersession.cookie.secure is 'maybe'. Accepted: auto, true or false.",
        "usersession.cookie.name|my session|USESS-0008: usersession.cookie.name is 'my session', which is not a valid cookie name.",
        "usersession.cookie.name|a;b|USESS-0008: usersession.cookie.name is 'a;b', which is not a valid cookie name.",
        "usersession.memory.max-sessions|0|USESS-0009: usersession.memory.max-sessions is '0'. Accepted: a whole number from 1 to 2147483647.",
        "usersession.memory.max-sessions|lots|USESS-0009: usersession.memory.max-sessions is 'lots'.",
        "usersession.cookie.max-chunks|17|USESS-0009: usersession.cookie.max-chunks is '17'. Accepted: a whole number from 1 to 16.",
        "usersession.flash.max-queued|0|USESS-0009: usersession.flash.max-queued is '0'. Accepted: a whole number from 1 to 1000. Set such a number, or remove the key for the default 20.",
        "usersession.idle-timeout|soon|USESS-0004: usersession.idle-timeout is 'soon', which is not a positive duration.",
        "usersession.idle-touch-interval|0m|USESS-0004: usersession.idle-touch-interval is '0m', which is not a positive duration.",
        "usersession.trust-forwarded-headers|1|USESS-0005: usersession.trust-forwarded-headers is '1'. Accepted: true or false.",
        "usersession.cookie.path|shop|USESS-0011: usersession.cookie.path is 'shop', which is not a valid cookie path.",
        "usersession.cookie.path|/a;b|USESS-0011: usersession.cookie.path is '/a;b', which is not a valid cookie path.",
        "usersession.cookie.domain|exa mple.com|USESS-0012: usersession.cookie.domain is 'exa mple.com', which is not a valid domain.",
    })
    void badValueIsReportedWithKeyAndFix(String key, String value, String expectedStart) {
        InvalidSettingsException failure = failure(Map.of(key, value));

        assertThat(failure.problems()).singleElement().asString().startsWith(expectedStart).contains("Set ");
    }

    @Test
    void cookieStoreWithoutSecretIsReported() {
        InvalidSettingsException failure = failure(Map.of("usersession.store", "cookie"));

        assertThat(failure.problems()).singleElement().asString()
                .startsWith("USESS-0002: usersession.secret is missing, but the cookie store needs it")
                .contains("openssl rand -base64 48");
    }

    @Test
    void shortSecretIsReportedMasked() {
        InvalidSettingsException failure = failure(Map.of("usersession.store", "cookie", "usersession.secret", "hunter2"));

        assertThat(failure.problems()).singleElement().asString()
                .startsWith("USESS-0003: usersession.secret is <7 bytes, hidden>, shorter than 32 bytes.")
                .doesNotContain("hunter2");
    }

    @Test
    void sameSiteNoneNeedsSecure() {
        InvalidSettingsException failure = failure(Map.of(
                "usersession.cookie.same-site", "None", "usersession.cookie.secure", "false"));

        assertThat(failure.problems()).singleElement().asString().startsWith("USESS-0010: ");
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        InvalidSettingsException failure = failure(Map.of(
                "usersession.store", "cookie",
                "usersession.max-age", "soon",
                "usersession.cookie.secure", "sometimes"));

        assertThat(failure.problems()).hasSize(3);
        assertThat(failure.problems()).anyMatch(problem -> problem.startsWith("USESS-0002"));
        assertThat(failure.problems()).anyMatch(problem -> problem.startsWith("USESS-0004"));
        assertThat(failure.problems()).anyMatch(problem -> problem.startsWith("USESS-0007"));
    }

    @Test
    void secretNeverAppearsInToString() {
        SessionSettings settings = SettingsReader.read(config(Map.of(
                "usersession.store", "cookie", "usersession.secret", GOOD_SECRET)), BUILT_IN);

        assertThat(settings.toString()).doesNotContain(GOOD_SECRET).contains("Secret[32 bytes, hidden]");
    }
}
