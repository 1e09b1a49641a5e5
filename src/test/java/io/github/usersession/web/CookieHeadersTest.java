package io.github.usersession.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.usersession.SessionTooLargeException;
import io.github.usersession.config.SessionSettings;
import io.github.usersession.state.CookieUpdate;
import io.github.usersession.state.SessionRequest;
import io.github.usersession.testing.TestSettings;

class CookieHeadersTest {

    static final CookieUpdate WRITE = new CookieUpdate(Optional.of("abc"), 3600);
    static final CookieUpdate EXPIRE = new CookieUpdate(Optional.empty(), 0);
    static final SessionRequest PLAIN = new SessionRequest(List.of(), 0, false, "/shop");
    static final SessionRequest HTTPS = new SessionRequest(List.of(), 0, true, "/shop");

    static SessionSettings settings(String... keysAndValues) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return TestSettings.read(properties);
    }

    @Test
    void writtenCookieHasDefaultAttributes() {
        assertThat(CookieHeaders.setCookies(WRITE, settings(), PLAIN))
                .containsExactly("app_session=abc; Path=/shop; Max-Age=3600; HttpOnly; SameSite=Lax");
    }

    @Test
    void secureAutoFollowsRequest() {
        assertThat(CookieHeaders.setCookies(WRITE, settings(), HTTPS))
                .containsExactly("app_session=abc; Path=/shop; Max-Age=3600; Secure; HttpOnly; SameSite=Lax");
    }

    @Test
    void secureTrueAndFalseIgnoreRequest() {
        assertThat(CookieHeaders.setCookies(WRITE, settings("usersession.cookie.secure", "true"), PLAIN))
                .singleElement().asString().contains("; Secure;");
        assertThat(CookieHeaders.setCookies(WRITE, settings("usersession.cookie.secure", "false"), HTTPS))
                .singleElement().asString().doesNotContain("Secure");
    }

    @Test
    void configuredAttributesAreWritten() {
        SessionSettings settings = settings("usersession.cookie.path", "/app", "usersession.cookie.domain", "example.com",
                "usersession.cookie.http-only", "false", "usersession.cookie.same-site", "Strict",
                "usersession.cookie.name", "sid");

        assertThat(CookieHeaders.setCookies(WRITE, settings, PLAIN))
                .containsExactly("sid=abc; Path=/app; Domain=example.com; Max-Age=3600; SameSite=Strict");
    }

    @Test
    void expiryKeepsEveryAttribute() {
        SessionSettings settings = settings("usersession.cookie.secure", "true",
                "usersession.cookie.path", "/app", "usersession.cookie.domain", "example.com");

        assertThat(CookieHeaders.setCookies(EXPIRE, settings, HTTPS)).containsExactly(
                "app_session=; Path=/app; Domain=example.com; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT;"
                        + " Secure; HttpOnly; SameSite=Lax");
    }

    @Test
    void expiryAlsoDropsChunksSent() {
        SessionRequest withChunks = new SessionRequest(List.of(), 2, false, "/");

        assertThat(CookieHeaders.setCookies(EXPIRE, settings(), withChunks))
                .extracting(header -> header.substring(0, header.indexOf('=')))
                .containsExactly("app_session", "app_session.1", "app_session.2");
    }

    @Test
    void longValueIsSplitIntoFittingChunks() {
        String value = "v".repeat(9000);

        List<String> headers = CookieHeaders.setCookies(new CookieUpdate(Optional.of(value), 60), settings(), PLAIN);

        assertThat(headers).hasSize(3);
        assertThat(headers.get(0)).startsWith("app_session=v");
        assertThat(headers.get(1)).startsWith("app_session.1=v");
        assertThat(headers.get(2)).startsWith("app_session.2=v");
        for (String header : headers) {
            assertThat(header.getBytes(StandardCharsets.US_ASCII).length).isLessThanOrEqualTo(4096);
        }
        String joined = String.join("", CookieParser.read(List.of(requestHeader(headers)), "app_session").candidates());
        assertThat(joined).isEqualTo(value);
    }

    @Test
    void shorterValueExpiresStaleChunks() {
        SessionRequest sentThree = new SessionRequest(List.of(), 3, false, "/");

        List<String> headers = CookieHeaders.setCookies(WRITE, settings(), sentThree);

        assertThat(headers).hasSize(4);
        assertThat(headers.get(0)).startsWith("app_session=abc;");
        assertThat(headers.subList(1, 4)).allSatisfy(header -> assertThat(header).contains("Max-Age=0"));
        assertThat(headers.subList(1, 4)).extracting(header -> header.substring(0, header.indexOf('=')))
                .containsExactly("app_session.1", "app_session.2", "app_session.3");
    }

    @Test
    void valuePastMaxChunksIsRejectedWithSizeAndLimit() {
        SessionSettings twoChunks = settings("usersession.cookie.max-chunks", "2");
        CookieUpdate large = new CookieUpdate(Optional.of("v".repeat(9000)), 60);

        SessionTooLargeException failure = catchThrowableOfType(SessionTooLargeException.class,
                () -> CookieHeaders.setCookies(large, twoChunks, PLAIN));

        assertThat(failure.size()).isEqualTo(9000);
        assertThat(failure.limit()).isEqualTo(2 * 4096 - "app_session".length() - "app_session.1".length() - 2
                - 2 * "; Path=/shop; Max-Age=60; HttpOnly; SameSite=Lax".length());
        assertThat(failure).hasMessageStartingWith("USESS-0101: The session needs a cookie value of 9000 bytes, more"
                + " than the " + failure.limit() + " bytes that usersession.cookie.max-chunks=2 cookies hold");
    }

    /** Turns Set-Cookie headers into the Cookie header a browser sends back. */
    static String requestHeader(List<String> setCookies) {
        return String.join("; ", setCookies.stream().map(header -> header.substring(0, header.indexOf(';'))).toList());
    }
}
