package io.github.usersession.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cookie store key rotation: an application whose old secret moved to
 * usersession.secret.previous still opens old cookies and seals new ones with the new secret.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup(DebugLogging.class)
class KeyRotationIT {

    static final String OLD_SECRET = "rotation-old-secret-0123456789-abcdefghijk";
    static final String NEW_SECRET = "rotation-new-secret-0123456789-abcdefghijk";

    @Deployment(name = "before", testable = false)
    static WebArchive before() {
        return DemoDeployments.demo("before", Map.of("usersession.store", "cookie", "usersession.secret", OLD_SECRET));
    }

    @Deployment(name = "after", testable = false)
    static WebArchive after() {
        return DemoDeployments.demo("after", Map.of("usersession.store", "cookie", "usersession.secret", NEW_SECRET,
                "usersession.secret.previous", OLD_SECRET));
    }

    @Test
    void oldCookieOpensAfterRotationAndIsResealed(@ArquillianResource @OperateOnDeployment("before") URL before,
                                                   @ArquillianResource @OperateOnDeployment("after") URL after) {
        Browser oldApp = new Browser(before);
        oldApp.putText("app/api/values/color", "red");
        String oldValue = oldApp.sessionCookie().orElseThrow();

        RawHttp.Response read = RawHttp.get(after, "app/api/values/color", "app_session=" + oldValue);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("red");

        Browser newApp = new Browser(after);
        newApp.putText("app/api/values/shape", "circle");
        String newValue = newApp.sessionCookie().orElseThrow();
        RawHttp.Response newInOld = RawHttp.get(before, "app/api/values/shape", "app_session=" + newValue);

        assertThat(newValue.substring(0, 8)).isNotEqualTo(oldValue.substring(0, 8));
        assertThat(newInOld.status()).as("the old secret cannot open a new cookie").isEqualTo(404);
    }
}
