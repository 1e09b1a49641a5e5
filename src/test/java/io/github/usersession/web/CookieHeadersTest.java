package io.github.usersession.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.usersession.config.SameSite;
import io.github.usersession.config.Secret;
import io.github.usersession.config.SecureMode;
import io.github.usersession.config.SessionSettings;
import io.github.usersession.state.CookieUpdate;

class CookieHeadersTest {

    static SessionSettings settings(SecureMode secure, String path, String domain) {
        return new SessionSettings("memory", "app_session", true, SameSite.LAX, secure, path, domain,
                Duration.ofDays(30), 10, Secret.none());
    }

    static final CookieUpdate WRITE = new CookieUpdate(java.util.Optional.of("abc"), 3600);
    static final CookieUpdate EXPIRE = new CookieUpdate(java.util.Optional.empty(), 0);

    @Test
    void valuesKeepOrderAcrossHeaders() {
        List<String> values = CookieHeaders.values(
                List.of("a=1; app_session=first; b=2", "app_session=second"), "app_session");

        assertThat(values).containsExactly("first", "second");
    }

    @Test
    void valuesAreUnquotedAndEmptyOnesSkipped() {
        List<String> values = CookieHeaders.values(
                List.of("app_session=\"quoted\"; app_session=; app_session", "xapp_session=other"), "app_session");

        assertThat(values).containsExactly("quoted");
    }

    @Test
    void valueMayContainEquals() {
        assertThat(CookieHeaders.values(List.of("app_session=ab=="), "app_session")).containsExactly("ab==");
    }

    @Test
    void floodOfPairsIsCut() {
        String header = "x=1; ".repeat(CookieHeaders.MAX_PAIRS) + "app_session=late";

        assertThat(CookieHeaders.values(List.of(header), "app_session")).isEmpty();
    }

    @Test
    void writtenCookieHasDefaultAttributes() {
        String header = CookieHeaders.setCookie(WRITE, settings(SecureMode.AUTO, "", ""), false, "/shop");

        assertThat(header).isEqualTo("app_session=abc; Path=/shop; Max-Age=3600; HttpOnly; SameSite=Lax");
    }

    @Test
    void secureAutoFollowsRequest() {
        String header = CookieHeaders.setCookie(WRITE, settings(SecureMode.AUTO, "", ""), true, "/");

        assertThat(header).isEqualTo("app_session=abc; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=Lax");
    }

    @Test
    void secureTrueAndFalseIgnoreRequest() {
        assertThat(CookieHeaders.setCookie(WRITE, settings(SecureMode.TRUE, "", ""), false, "/")).contains("; Secure;");
        assertThat(CookieHeaders.setCookie(WRITE, settings(SecureMode.FALSE, "", ""), true, "/")).doesNotContain("Secure");
    }

    @Test
    void configuredPathAndDomainWin() {
        String header = CookieHeaders.setCookie(WRITE, settings(SecureMode.AUTO, "/app", "example.com"), false, "/ctx");

        assertThat(header).isEqualTo("app_session=abc; Path=/app; Domain=example.com; Max-Age=3600; HttpOnly; SameSite=Lax");
    }

    @Test
    void expiryKeepsEveryAttribute() {
        SessionSettings settings = settings(SecureMode.TRUE, "/app", "example.com");

        String header = CookieHeaders.setCookie(EXPIRE, settings, true, "/ctx");

        assertThat(header).isEqualTo("app_session=; Path=/app; Domain=example.com; Max-Age=0;"
                + " Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure; HttpOnly; SameSite=Lax");
    }
}
