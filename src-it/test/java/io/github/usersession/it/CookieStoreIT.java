package io.github.usersession.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo on WildFly with the cookie store. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CookieStoreIT extends SessionFlows {

    static final String SECRET = "it-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DemoDeployments.demo("cookie", Map.of("usersession.store", "cookie", "usersession.secret", SECRET));
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
