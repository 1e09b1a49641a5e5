package io.github.usersession.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.Config;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.usersession.SessionChanges;
import io.github.usersession.StoredSession;
import io.github.usersession.config.SettingsReader;
import io.github.usersession.store.cookie.CookieStore;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The demo on WildFly with the cookie store. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup(DebugLogging.class)
class CookieStoreIT extends SessionFlows {

    static final String SECRET = "it-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DemoDeployments.demo("cookie", Map.of("usersession.store", "cookie", "usersession.secret", SECRET,
                "usersession.trust-forwarded-headers", "true"));
    }

    @Override
    boolean trustsForwardedHeaders() {
        return true;
    }

    @Test
    void replayedCookiePastMaxAgeIsGuest() {
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                Map.of("usersession.store", "cookie", "usersession.secret", SECRET), "test", 500)).build();
        CookieStore sameKeys = new CookieStore(SettingsReader.read(config, Set.of("memory", "cookie")));
        Instant created = Instant.now().minus(Duration.ofDays(30)).minusSeconds(60);
        StoredSession old = new StoredSession("replayed-session-id", "alice", Map.of("color", "red"), List.of(),
                created, Instant.now());
        String oldCookie = sameKeys.save(new SessionChanges(null, old, Map.of(), Set.of(), true, List.of(), List.of()),
                Instant.now()).orElseThrow();
        StoredSession fresh = new StoredSession("replayed-session-id", "alice", Map.of("color", "red"), List.of(),
                Instant.now().minus(Duration.ofDays(29)), Instant.now());
        String youngCookie = sameKeys.save(new SessionChanges(null, fresh, Map.of(), Set.of(), true, List.of(),
                List.of()), Instant.now()).orElseThrow();

        RawHttp.Response expired = browser.getWithCookieHeader("app/api/values/color", "app_session=" + oldCookie);
        RawHttp.Response valid = browser.getWithCookieHeader("app/api/values/color", "app_session=" + youngCookie);

        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.sessionSetCookies()).singleElement().asString().contains("Max-Age=0");
        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.body()).isEqualTo("red");
    }

    @Test
    void largeSessionIsSplitOverChunkCookies() {
        String large = "x".repeat(4000);

        HttpResponse<String> put = browser.putText("app/api/values/big", large);
        HttpResponse<String> get = browser.get("app/api/values/big");
        HttpResponse<String> shrink = browser.delete("app/api/values/big");
        HttpResponse<String> afterShrink = browser.get("app/api/values/big");

        assertThat(Browser.sessionSetCookies(put)).extracting(header -> header.substring(0, header.indexOf('=')))
                .containsExactly("app_session", "app_session.1");
        assertThat(Browser.sessionSetCookies(put)).allSatisfy(header -> assertThat(header.length()).isLessThanOrEqualTo(4096));
        assertThat(get.body()).isEqualTo(large);
        assertThat(Browser.sessionSetCookies(shrink)).hasSize(2);
        assertThat(Browser.sessionSetCookies(shrink).get(1)).startsWith("app_session.1=;").contains("Max-Age=0");
        assertThat(afterShrink.statusCode()).isEqualTo(404);
    }

    @Test
    void sessionPastChunkCapFailsAndKeepsPrevious() {
        browser.putText("app/api/values/color", "red");

        HttpResponse<String> tooLarge = browser.putText("app/api/values/big", "x".repeat(20_000));
        HttpResponse<String> color = browser.get("app/api/values/color");
        HttpResponse<String> big = browser.get("app/api/values/big");

        assertThat(tooLarge.statusCode()).isEqualTo(500);
        assertThat(Browser.sessionSetCookies(tooLarge)).isEmpty();
        assertThat(color.body()).isEqualTo("red");
        assertThat(big.statusCode()).isEqualTo(404);
        assertThat(ServerLog.lines()).anyMatch(line -> line.contains("USESS-0101: The session needs a cookie value of"));
    }

    @Test
    void sessionTravelsEncryptedInCookie() {
        browser.putText("app/api/values/color", "ultramarine");

        String value = browser.sessionCookie().orElseThrow();
        HttpResponse<String> get = browser.get("app/api/values/color");

        assertThat(value).doesNotContain("ultramarine").hasSizeGreaterThan(60);
        assertThat(get.body()).isEqualTo("ultramarine");
    }

    @Test
    void cookieMovedToAnotherNameDoesNotOpen() {
        browser.putText("app/api/values/color", "red");
        String value = browser.sessionCookie().orElseThrow();

        RawHttp.Response renamed = browser.getWithCookieHeader("app/api/values/color", "other_session=" + value
                + "; app_session=" + value.substring(1));

        assertThat(renamed.status()).isEqualTo(404);
    }
}
