package io.github.usersession.bench;

import java.net.URISyntaxException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jboss.resteasy.core.Headers;
import org.jboss.resteasy.core.interception.jaxrs.ContainerResponseContextImpl;
import org.jboss.resteasy.core.interception.jaxrs.PreMatchContainerRequestContext;
import org.jboss.resteasy.core.interception.jaxrs.ResponseContainerRequestContext;
import org.jboss.resteasy.mock.MockHttpRequest;
import org.jboss.resteasy.mock.MockHttpResponse;
import org.jboss.resteasy.specimpl.BuiltResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.github.usersession.UserSession;
import io.github.usersession.config.SessionSettings;
import io.github.usersession.testing.SessionContainer;
import io.github.usersession.web.SessionRequestFilter;
import io.github.usersession.web.SessionResponseFilter;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Measures the request and response filters around one request with the memory store. The
 * filters run directly, with RESTEasy's own filter contexts over a prepared request that sends the
 * session cookie. No dispatcher runs, so the numbers include the filters, the session work and the
 * CDI request context, but no routing and no entity writing. The filters and {@link UserSession}
 * are the CDI beans (client proxies), as a server injects them.
 *
 * <p>{@link #contextsOnly()} is the harness alone: the request context and the two filter
 * contexts, without the filters.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SessionFiltersBenchmark {

    private SessionContainer container;
    private RequestContextController context;
    private SessionRequestFilter requestFilter;
    private SessionResponseFilter responseFilter;
    private UserSession session;
    private MockHttpRequest httpRequest;
    private final MockHttpResponse httpResponse = new MockHttpResponse();
    private int visits;

    @Setup
    public void setUp() throws URISyntaxException {
        container = SessionContainer.start(Map.of());
        context = container.bean(RequestContextController.class);
        requestFilter = container.bean(SessionRequestFilter.class);
        responseFilter = container.bean(SessionResponseFilter.class);
        session = container.bean(UserSession.class);

        String cookieName = container.bean(SessionSettings.class).cookieName();
        String cookieValue = new RequestRunner(container).newSession(session -> session.put("color", "red"));
        httpRequest = MockHttpRequest.get("/app/cart").header(HttpHeaders.COOKIE, cookieName + "=" + cookieValue);

        if (!readKey().isEmpty() || writeKey().get(HttpHeaders.SET_COOKIE).size() != 1) {
            throw new IllegalStateException("The prepared request wrote a cookie without a change, or none after one");
        }
    }

    @TearDown
    public void tearDown() {
        container.close();
    }

    @Benchmark
    public MultivaluedMap<String, Object> contextsOnly(Blackhole blackhole) {
        context.activate();
        try {
            blackhole.consume(newRequest());
            return newResponse().getHeaders();
        } finally {
            context.deactivate();
        }
    }

    /** Runs a request that sends the cookie but never uses the session, such as a static page. */
    @Benchmark
    public MultivaluedMap<String, Object> untouched() {
        return filtered(session -> null);
    }

    /** Runs a request that loads the session and reads a key, so no save and no Set-Cookie. */
    @Benchmark
    public MultivaluedMap<String, Object> readKey() {
        return filtered(session -> session.get("color"));
    }

    /** Runs a request that loads the session and writes a key, so a save and a Set-Cookie header. */
    @Benchmark
    public MultivaluedMap<String, Object> writeKey() {
        String value = Integer.toString(visits++ & 1023);
        return filtered(session -> {
            session.put("visits", value);
            return null;
        });
    }

    /** Returns the response headers after running the work between the two filters. */
    private MultivaluedMap<String, Object> filtered(Function<UserSession, ?> work) {
        context.activate();
        try {
            ContainerRequestContext request = newRequest();
            requestFilter.filter(request);
            work.apply(session);
            ContainerResponseContext response = newResponse();
            responseFilter.filter(request, response);
            return response.getHeaders();
        } finally {
            context.deactivate();
        }
    }

    /** Returns the context of the prepared request, with no other pre-matching filter to run. */
    private ContainerRequestContext newRequest() {
        return new PreMatchContainerRequestContext(httpRequest, new ContainerRequestFilter[0], null);
    }

    /** Returns the context of an empty 200 response, with no other response filter to run. */
    private ContainerResponseContext newResponse() {
        return new ContainerResponseContextImpl(httpRequest, httpResponse, new BuiltResponse(200, new Headers<>(), null, null),
                new ResponseContainerRequestContext(httpRequest), new ContainerResponseFilter[0], error -> { }, onError -> { });
    }
}
