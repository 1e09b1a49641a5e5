package io.github.usersession.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jboss.resteasy.mock.MockHttpResponse;

import io.github.usersession.UserSession;
import io.github.usersession.testing.LogCapture;
import io.github.usersession.testing.SessionContainer;
import io.github.usersession.testing.TestSettings;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated Cookie headers against the JAX-RS layer with the cookie store: every malformed,
 * duplicated, quoted, chunked or non-ASCII header gives a guest and HTTP 200, never an error,
 * and each rejected value is logged at DEBUG.
 */
class MalformedCookieHttpTest {

    @Path("/")
    public static class WhoAmI {

        private final UserSession session;

        WhoAmI(UserSession session) {
            this.session = session;
        }

        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String whoAmI() {
            return session.userId().orElse("guest");
        }

        @PUT
        public void signIn() {
            session.setUserId("alice");
        }
    }

    static SessionContainer container;
    static EmbeddedJaxrs server;
    static LogCapture log;
    static String validValue;

    @BeforeContainer
    static void start() {
        container = SessionContainer.start(Map.of("usersession.store", "cookie", "usersession.secret", TestSettings.SECRET));
        server = new EmbeddedJaxrs(container, new WhoAmI(container.bean(UserSession.class)));
        validValue = EmbeddedJaxrs.cookieValue(server.call("PUT", "/"));
        log = new LogCapture();
    }

    @AfterContainer
    static void stop() {
        assertThat(log.messages()).noneMatch(message -> message.contains(TestSettings.SECRET));
        assertThat(log.messages()).noneMatch(message -> message.contains(validValue.substring(0, 20)));
        log.close();
        container.close();
    }

    /** A valid sealed value with one character changed, dropped or added; spaces around a value do not count (RFC 6265). */
    @Provide
    Arbitrary<String> damagedValues() {
        Arbitrary<Integer> positions = Arbitraries.integers().between(0, 10_000);
        Arbitrary<Character> characters = Arbitraries.chars().with('A', 'z', '-', '_', '=', '"', ',', ';', ' ', 'é', '€');
        return Combinators.combine(positions, characters, Arbitraries.integers().between(0, 2)).as((position, c, kind) -> {
            int index = position % validValue.length();
            return switch (kind) {
                case 0 -> validValue.substring(0, index) + c + validValue.substring(index + 1);
                case 1 -> validValue.substring(0, index) + validValue.substring(index + 1);
                default -> validValue.substring(0, index) + c + validValue.substring(index);
            };
        }).filter(value -> !value.strip().equals(validValue));
    }

    @Provide
    Arbitrary<String> cookieHeaders() {
        Arbitrary<String> names = Arbitraries.of("app_session", "app_session", "app_session.1", "app_session.2",
                "app_session.17", "APP_SESSION", " app_session", "other", "app_session\u00e9");
        Arbitrary<String> values = Arbitraries.oneOf(
                damagedValues(),
                damagedValues().map(value -> "\"" + value + "\""),
                damagedValues().map(value -> value + "=="),
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withChars("ABCxyz019-_=\",;é€ \t").ofMaxLength(80));
        Arbitrary<String> pairs = Combinators.combine(names, values).as((name, value) -> name + "=" + value);
        return pairs.list().ofMinSize(1).ofMaxSize(4).map(list -> String.join(list.size() % 2 == 0 ? "; " : ";", list));
    }

    @Property(tries = 20_000)
    void malformedCookieMeansGuestNeverError(@ForAll("cookieHeaders") String cookieHeader) {
        List<String> candidates = CookieParser.read(List.of(cookieHeader), "app_session").candidates();
        // Joining chunks can rebuild the valid value from its pieces, which is no attack.
        Assume.that(candidates.stream().noneMatch(candidate -> candidate.strip().equals(validValue)));
        int debugBefore = log.debugCount();
        boolean hasSessionValue = !candidates.isEmpty();

        MockHttpResponse response = server.call("GET", "/", cookieHeader);

        assertThat(response.getStatus()).as(cookieHeader).isEqualTo(200);
        assertThat(EmbeddedJaxrs.body(response)).as(cookieHeader).isEqualTo("guest");
        if (hasSessionValue) {
            assertThat(log.debugCount()).as("DEBUG lines for %s", cookieHeader).isGreaterThan(debugBefore);
        }
    }

    @Property(tries = 2_000)
    void duplicatedValidCookieStillSignsIn(@ForAll("damagedValues") String damaged) {
        MockHttpResponse validFirst = server.call("GET", "/", "app_session=" + validValue + "; app_session=" + damaged);
        MockHttpResponse damagedFirst = server.call("GET", "/", "app_session=" + damaged + "; app_session=" + validValue);

        assertThat(EmbeddedJaxrs.body(validFirst)).isEqualTo("alice");
        assertThat(EmbeddedJaxrs.body(damagedFirst)).isEqualTo("alice");
    }
}
