package io.github.usersession.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo on WildFly with the default memory store and no configuration at all. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup(DebugLogging.class)
class MemoryStoreIT extends SessionFlows {

    @Override
    boolean trustsForwardedHeaders() {
        return false;
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DemoDeployments.demo("memory", Map.of());
    }

    @Test
    void loginRotatesIdAndOldIdStopsWorking() {
        browser.putText("app/api/values/color", "red");
        String guestId = browser.sessionCookie().orElseThrow();

        login();
        String signedInId = browser.sessionCookie().orElseThrow();
        RawHttp.Response oldId = browser.getWithCookieHeader("app/api/values/color", "app_session=" + guestId);
        HttpResponse<String> newId = browser.get("app/api/values/color");

        assertThat(signedInId).isNotEqualTo(guestId);
        assertThat(oldId.status()).isEqualTo(404);
        assertThat(newId.body()).isEqualTo("red");
    }

    @Test
    void destroyedSessionCannotBeReplayed() {
        login();
        String signedInId = browser.sessionCookie().orElseThrow();
        browser.postForm("app/logout", Map.of());

        RawHttp.Response replay = browser.getWithCookieHeader(API_SESSION, "app_session=" + signedInId);

        assertThat(replay.body()).contains("\"guest\":true");
    }
}
