package io.github.usersession.web;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jboss.resteasy.mock.MockDispatcherFactory;
import org.jboss.resteasy.mock.MockHttpRequest;
import org.jboss.resteasy.mock.MockHttpResponse;
import org.jboss.resteasy.spi.Dispatcher;

import io.github.usersession.config.SessionSettings;
import io.github.usersession.state.SessionTracker;
import io.github.usersession.testing.SessionContainer;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * RESTEasy's in-memory dispatcher with usersession's filters, interceptor and mappers, whose
 * beans come from a Weld SE container. Each call runs in its own CDI request context.
 */
final class EmbeddedJaxrs {

    private final SessionContainer container;
    private final Dispatcher dispatcher = MockDispatcherFactory.createDispatcher();

    EmbeddedJaxrs(SessionContainer container, Object... resourcesAndProviders) {
        this.container = container;
        SessionTracker tracker = container.bean(SessionTracker.class);
        SessionSettings settings = container.bean(SessionSettings.class);

        SessionRequestFilter requestFilter = new SessionRequestFilter();
        requestFilter.tracker = tracker;
        requestFilter.settings = settings;
        requestFilter.servletContext = container.bean(BeanManager.class).createInstance().select(ServletContext.class);
        SessionResponseFilter responseFilter = new SessionResponseFilter();
        responseFilter.tracker = tracker;
        responseFilter.settings = settings;
        RenderedSessionInterceptor interceptor = new RenderedSessionInterceptor();
        interceptor.tracker = tracker;
        interceptor.settings = settings;

        dispatcher.getProviderFactory().register(requestFilter);
        dispatcher.getProviderFactory().register(responseFilter);
        dispatcher.getProviderFactory().register(interceptor);
        dispatcher.getProviderFactory().register(new StoreFailureMapper());
        dispatcher.getProviderFactory().register(new SessionTooLargeMapper());
        for (Object component : resourcesAndProviders) {
            if (component.getClass().isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                dispatcher.getRegistry().addSingletonResource(component);
            } else {
                dispatcher.getProviderFactory().register(component);
            }
        }
    }

    /** Sends a request with the given raw {@code Cookie} header values (none when empty). */
    MockHttpResponse call(String method, String path, String... cookieHeaders) {
        MockHttpRequest request;
        try {
            request = MockHttpRequest.create(method, path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        for (String cookieHeader : cookieHeaders) {
            request.header(HttpHeaders.COOKIE, cookieHeader);
        }
        return call(request);
    }

    MockHttpResponse call(MockHttpRequest request) {
        MockHttpResponse response = new MockHttpResponse();
        RequestContextController context = container.bean(RequestContextController.class);
        context.activate();
        try {
            dispatcher.invoke(request, response);
        } finally {
            context.deactivate();
        }
        return response;
    }

    static String body(MockHttpResponse response) {
        return new String(response.getOutput(), StandardCharsets.UTF_8);
    }

    static List<String> setCookies(MockHttpResponse response) {
        return response.getOutputHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
                .map(Object::toString)
                .toList();
    }

    /** The session cookie value that the first Set-Cookie header writes. */
    static String cookieValue(MockHttpResponse response) {
        String header = setCookies(response).get(0);
        return header.substring(header.indexOf('=') + 1, header.indexOf(';'));
    }
}
