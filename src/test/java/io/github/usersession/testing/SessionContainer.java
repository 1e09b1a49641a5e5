package io.github.usersession.testing;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import io.github.usersession.StoreName;
import io.github.usersession.UserSession;
import io.github.usersession.cdi.UserSessionExtension;
import io.github.usersession.state.CookieUpdate;
import io.github.usersession.state.SessionRequest;
import io.github.usersession.state.SessionTracker;
import io.github.usersession.store.memory.MemoryStore;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import jakarta.enterprise.context.control.RequestContextController;

/**
 * A Weld SE container with usersession's extension and the given configuration, which runs
 * simulated requests the way the JAX-RS filters drive them.
 */
public final class SessionContainer implements AutoCloseable {

    private final WeldContainer weld;
    private final ClassLoader classLoader = Thread.currentThread().getContextClassLoader();

    private SessionContainer(WeldContainer weld) {
        this.weld = weld;
    }

    /**
     * Starts a container.
     *
     * @param config the MicroProfile Config properties
     * @param beanClasses extra bean classes, for example a custom store
     */
    public static SessionContainer start(Map<String, String> config, Class<?>... beanClasses) {
        registerConfig(config);
        Weld weld = new Weld()
                .disableDiscovery()
                .addExtension(new UserSessionExtension())
                .addBeanClass(TestClock.class)
                .addBeanClasses(beanClasses);
        try {
            return new SessionContainer(weld.initialize());
        } catch (RuntimeException e) {
            releaseConfig();
            throw e;
        }
    }

    /** Makes the properties the MicroProfile Config of this thread's class loader. */
    public static void registerConfig(Map<String, String> config) {
        releaseConfig();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ConfigProviderResolver.instance().registerConfig(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(config, "test", 500))
                .forClassLoader(loader)
                .build(), loader);
    }

    public static void releaseConfig() {
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        resolver.releaseConfig(resolver.getConfig(Thread.currentThread().getContextClassLoader()));
    }

    public <T> T bean(Class<T> type, Annotation... qualifiers) {
        return weld.select(type, qualifiers).get();
    }

    /** Returns the built-in memory store. */
    public MemoryStore memoryStore() {
        return bean(MemoryStore.class, StoreName.Literal.of("memory"));
    }

    public TestClock clock() {
        return bean(TestClock.class);
    }

    /**
     * Runs one request: activates the request context, hands the tracker the cookie value as the
     * request filter would, runs the work and finishes like the response filter.
     *
     * @param cookieValue the session cookie the client sends, or null for none
     * @return what the response does with the cookie; empty when it writes no Set-Cookie
     */
    public Optional<CookieUpdate> request(String cookieValue, Consumer<UserSession> work) {
        return request(cookieValue, "/", work);
    }

    /**
     * Runs one request for a page, like {@link #request(String, Consumer)}.
     *
     * @param page the request's path relative to the application path
     */
    public Optional<CookieUpdate> request(String cookieValue, String page, Consumer<UserSession> work) {
        RequestContextController context = bean(RequestContextController.class);
        context.activate();
        try {
            SessionTracker tracker = bean(SessionTracker.class);
            tracker.begin(new SessionRequest(cookieValue == null ? List.of() : List.of(cookieValue), 0, false, "/",
                    page, page, "GET"));
            work.accept(bean(UserSession.class));
            return tracker.finish();
        } finally {
            context.deactivate();
        }
    }

    @Override
    public void close() {
        try {
            weld.shutdown();
        } finally {
            if (classLoader == Thread.currentThread().getContextClassLoader()) {
                releaseConfig();
            }
        }
    }
}
