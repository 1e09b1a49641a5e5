package io.github.usersession.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jboss.resteasy.mock.MockHttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.usersession.Flash;
import io.github.usersession.UserSession;
import io.github.usersession.testing.FailingStore;
import io.github.usersession.testing.LogCapture;
import io.github.usersession.testing.SessionContainer;

import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.MessageBodyWriter;

/** The JAX-RS filters, interceptor and exception mapper on embedded RESTEasy with Weld SE. */
class SessionFiltersTest {

    /** A page whose writer reads {@code ${flashes}} while it renders, as a Jakarta MVC view does. */
    public record Page(String title) {
    }

    @Path("/")
    public static class Resource {

        private final UserSession session;

        Resource(UserSession session) {
            this.session = session;
        }

        @GET
        @Path("values/{key}")
        @Produces(MediaType.TEXT_PLAIN)
        public String get(@PathParam("key") String key) {
            return session.get(key).orElse("-");
        }

        @PUT
        @Path("values/{key}/{value}")
        public void put(@PathParam("key") String key, @PathParam("value") String value) {
            session.put(key, value);
        }

        @POST
        @Path("flash/{message}")
        public void flash(@PathParam("message") String message) {
            session.flash(Flash.of(message));
        }

        @POST
        @Path("flash/{message}/for/{page}")
        public void flashFor(@PathParam("message") String message, @PathParam("page") String page) {
            session.flash(Flash.of(message).forPage("/" + page));
        }

        @GET
        @Path("page")
        @Produces(MediaType.TEXT_HTML)
        public Page page() {
            return new Page("home");
        }

        @GET
        @Path("cart")
        @Produces(MediaType.TEXT_HTML)
        public Page cart() {
            return new Page("cart");
        }

        /** Queues a flash while the body is written, after the response filter saved the session. */
        @GET
        @Path("late")
        @Produces(MediaType.TEXT_PLAIN)
        public StreamingOutput late() {
            session.put("visited", "late");
            return out -> {
                session.flash(Flash.of("Too late"));
                out.write("done".getBytes(StandardCharsets.UTF_8));
            };
        }

        @GET
        @Path("static")
        @Produces(MediaType.TEXT_HTML)
        public String staticHtml() {
            return "<p>no session here</p>";
        }
    }

    /** Renders a {@link Page} and the flashes it reads through the CDI name {@code flashes}. */
    public static class PageWriter implements MessageBodyWriter<Page> {

        static final TypeLiteral<List<Flash>> FLASH_LIST = new TypeLiteral<>() { };

        private final BeanManager beans;

        PageWriter(BeanManager beans) {
            this.beans = beans;
        }

        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return type == Page.class;
        }

        @Override
        public void writeTo(Page page, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
            List<Flash> flashes = beans.createInstance().select(FLASH_LIST, NamedLiteral.of(FlashesProducer.NAME)).get();
            String body = page.title() + ":" + flashes.stream().map(Flash::message).collect(Collectors.joining(","));
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
    }

    SessionContainer container;
    EmbeddedJaxrs server;

    @BeforeEach
    void start() {
        container = SessionContainer.start(Map.of("usersession.store", "switchable"), FailingStore.class);
        server = new EmbeddedJaxrs(container, new Resource(container.bean(UserSession.class)),
                new PageWriter(container.bean(BeanManager.class)));
    }

    @AfterEach
    void stop() {
        container.close();
    }

    MockHttpResponse call(String method, String path, String sessionCookie) {
        return sessionCookie == null
                ? server.call(method, path)
                : server.call(method, path, "other=1; app_session=" + sessionCookie);
    }

    static String body(MockHttpResponse response) {
        return EmbeddedJaxrs.body(response);
    }

    static List<String> setCookies(MockHttpResponse response) {
        return EmbeddedJaxrs.setCookies(response);
    }

    static String cookieValue(MockHttpResponse response) {
        return EmbeddedJaxrs.cookieValue(response);
    }

    @Test
    void readOnlyRequestWritesNoCookie() {
        MockHttpResponse response = call("GET", "/values/color", null);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body(response)).isEqualTo("-");
        assertThat(setCookies(response)).isEmpty();
    }

    @Test
    void writeSetsCookieThatNextRequestSends() {
        MockHttpResponse write = call("PUT", "/values/color/red", null);
        MockHttpResponse read = call("GET", "/values/color", cookieValue(write));

        assertThat(write.getStatus()).isEqualTo(204);
        assertThat(setCookies(write)).singleElement().asString()
                .matches("app_session=[A-Za-z0-9_-]{43}; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax");
        assertThat(body(read)).isEqualTo("red");
        assertThat(setCookies(read)).isEmpty();
    }

    @Test
    void unknownCookieIsExpiredWhenSessionIsUsed() {
        MockHttpResponse response = call("GET", "/values/color", "forged-value");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(setCookies(response)).singleElement().asString().startsWith("app_session=; Path=/; Max-Age=0;");
    }

    @Test
    void viewThatRendersFlashesConsumesThem() {
        String cookie = cookieValue(call("POST", "/flash/Welcome!", null));

        MockHttpResponse page = call("GET", "/page", cookie);
        MockHttpResponse reload = call("GET", "/page", cookie);

        assertThat(body(page)).isEqualTo("home:Welcome!");
        assertThat(setCookies(page)).singleElement().asString().startsWith("app_session=" + cookie + ";");
        assertThat(body(reload)).isEqualTo("home:");
        assertThat(setCookies(reload)).isEmpty();
    }

    @Test
    void flashWaitsForItsPage() {
        String cookie = cookieValue(call("POST", "/flash/Added/for/cart", null));

        MockHttpResponse home = call("GET", "/page", cookie);
        MockHttpResponse cart = call("GET", "/cart/", cookie);
        MockHttpResponse reload = call("GET", "/cart", cookie);

        assertThat(body(home)).isEqualTo("home:");
        assertThat(body(cart)).isEqualTo("cart:Added");
        assertThat(body(reload)).isEqualTo("cart:");
    }

    @Test
    void lateFlashIsWarnedWithPath() {
        try (LogCapture log = new LogCapture()) {
            MockHttpResponse response = call("GET", "/late", null);

            assertThat(body(response)).isEqualTo("done");
            assertThat(setCookies(response)).hasSize(1);
            assertThat(log.messages()).anyMatch(line -> line.startsWith(
                    "USESS-0107: A flash was queued after the response to /late was saved, so the change is lost."));
        }
    }

    @Test
    void headRequestLeavesFlashesQueued() {
        String cookie = cookieValue(call("POST", "/flash/Welcome!", null));

        MockHttpResponse head = call("HEAD", "/page", cookie);
        MockHttpResponse page = call("GET", "/page", cookie);

        assertThat(head.getStatus()).isEqualTo(200);
        assertThat(setCookies(head)).isEmpty();
        assertThat(body(page)).isEqualTo("home:Welcome!");
    }

    @Test
    void responsesThatDoNotRenderFlashesKeepThem() {
        String cookie = cookieValue(call("POST", "/flash/Welcome!", null));

        call("GET", "/values/color", cookie);
        call("GET", "/static", cookie);
        call("GET", "/missing", cookie);
        MockHttpResponse page = call("GET", "/page", cookie);

        assertThat(body(page)).isEqualTo("home:Welcome!");
    }

    @Test
    void storeOutageGivesServiceUnavailable() {
        String cookie = cookieValue(call("PUT", "/values/color/red", null));
        container.bean(FailingStore.class).setDown(true);

        MockHttpResponse down = call("GET", "/values/color", cookie);
        container.bean(FailingStore.class).setDown(false);
        MockHttpResponse recovered = call("GET", "/values/color", cookie);

        assertThat(down.getStatus()).isEqualTo(503);
        assertThat(down.getOutputHeaders().getFirst(HttpHeaders.RETRY_AFTER)).hasToString("5");
        assertThat(recovered.getStatus()).isEqualTo(200);
        assertThat(body(recovered)).isEqualTo("red");
    }
}
