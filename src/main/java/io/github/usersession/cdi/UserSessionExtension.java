package io.github.usersession.cdi;

import java.lang.annotation.Annotation;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.github.usersession.SessionStore;
import io.github.usersession.StoreName;
import io.github.usersession.UserSession;
import io.github.usersession.UserSessions;
import io.github.usersession.config.InvalidSettingsException;
import io.github.usersession.config.SessionSettings;
import io.github.usersession.config.SettingsReader;
import io.github.usersession.health.StoreReadinessCheck;
import io.github.usersession.log.MessageCodes;
import io.github.usersession.state.JsonValues;
import io.github.usersession.state.SessionAccess;
import io.github.usersession.state.SessionClock;
import io.github.usersession.state.SessionTracker;
import io.github.usersession.state.StoreHealth;
import io.github.usersession.state.StoreSelector;
import io.github.usersession.store.cookie.CookieStore;
import io.github.usersession.store.jdbc.JdbcDataSource;
import io.github.usersession.store.jdbc.JdbcStore;
import io.github.usersession.store.memory.MemoryStore;
import io.github.usersession.web.FlashesProducer;
import io.github.usersession.web.RenderedSessionInterceptor;
import io.github.usersession.web.SessionRequestFilter;
import io.github.usersession.web.SessionResponseFilter;
import io.github.usersession.web.SessionTooLargeMapper;
import io.github.usersession.web.StoreFailureMapper;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.inject.Named;

/**
 * Registers usersession's beans and validates its configuration when the deployment finishes.
 *
 * <p>The library jar has no {@code beans.xml}, so CDI does not scan it; this extension adds
 * exactly the beans below, whatever the application's bean discovery mode. The JAX-RS
 * providers are beans too, so that the JAX-RS runtime takes them from CDI with their
 * injection points filled. Every invalid
 * {@code usersession.*} key becomes its own deployment problem.
 */
public class UserSessionExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(UserSessionExtension.class);

    static final Set<Class<?>> BEAN_CLASSES = Set.of(
            UserSession.class,
            SessionAccess.class,
            SessionTracker.class,
            StoreSelector.class,
            StoreHealth.class,
            SessionClock.class,
            JsonValues.class,
            MemoryStore.class,
            CookieStore.class,
            JdbcStore.class,
            JdbcDataSource.class,
            UserSessions.class,
            FlashesProducer.class,
            SettingsProducer.class,
            SessionRequestFilter.class,
            SessionResponseFilter.class,
            RenderedSessionInterceptor.class,
            StoreFailureMapper.class,
            SessionTooLargeMapper.class);

    private final Set<String> storeNames = new ConcurrentSkipListSet<>();
    private volatile SessionSettings settings;

    /** The MicroProfile Health API class whose presence enables the readiness check. */
    static final String HEALTH_API = "org.eclipse.microprofile.health.HealthCheck";

    void registerBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        for (Class<?> beanClass : BEAN_CLASSES) {
            addBean(event, beanManager, beanClass);
        }
        if (isHealthApiPresent()) {
            addBean(event, beanManager, StoreReadinessCheck.class);
        }
        if (isPresent(REDIS_CLIENT)) {
            addBean(event, beanManager, loadClass(REDIS_STORE_CLASS));
        }
        if (isPresent(MVC_EVENT)) {
            addBean(event, beanManager, loadClass(FLASHES_IN_MODELS_CLASS));
        }
    }

    /** Jakarta MVC's event before a view renders, whose presence enables flashes in {@code Models}. */
    static final String MVC_EVENT = "jakarta.mvc.event.BeforeProcessViewEvent";

    /** Named, not referenced, so that the class is not loaded where Jakarta MVC is missing. */
    static final String FLASHES_IN_MODELS_CLASS = "io.github.usersession.web.mvc.FlashesInModels";

    /** Lettuce's client class, whose presence in the application enables the Redis store. */
    static final String REDIS_CLIENT = "io.lettuce.core.RedisClient";

    /** Named, not referenced, so that the class is not loaded where Lettuce is missing. */
    static final String REDIS_STORE_CLASS = "io.github.usersession.store.redis.RedisStore";

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, UserSessionExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Class<?> loadClass(String className) {
        try {
            return Class.forName(className, false, UserSessionExtension.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The usersession jar lacks " + className, e);
        }
    }

    private static void addBean(BeforeBeanDiscovery event, BeanManager beanManager, Class<?> beanClass) {
        event.addAnnotatedType(beanManager.createAnnotatedType(beanClass), UserSessionExtension.class.getName()
                + "." + beanClass.getSimpleName());
    }

    private static boolean isHealthApiPresent() {
        try {
            Class.forName(HEALTH_API, false, UserSessionExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.debugf("MicroProfile Health is not available (%s); no readiness check for the session store", HEALTH_API);
            return false;
        }
    }

    void collectStoreNames(@Observes ProcessBean<?> event) {
        if (!event.getBean().getTypes().contains(SessionStore.class)) {
            return;
        }
        for (Annotation qualifier : event.getBean().getQualifiers()) {
            if (qualifier instanceof StoreName storeName) {
                storeNames.add(storeName.value());
            } else if (qualifier instanceof Named named && !named.value().isEmpty()) {
                storeNames.add(named.value());
            }
        }
    }

    void validateSettings(@Observes AfterDeploymentValidation event) {
        if (!isPresent(REDIS_CLIENT) && SettingsReader.REDIS_STORE.equals(configuredStore())) {
            event.addDeploymentProblem(new DeploymentException(MessageCodes.REDIS_CLIENT_MISSING + ": "
                    + SettingsReader.STORE + " is 'redis', but the Redis client Lettuce is missing. Add the Maven"
                    + " artifact io.lettuce:lettuce-core to the WAR (WEB-INF/lib), or choose another store."));
            storeNames.add(SettingsReader.REDIS_STORE);
        }
        try {
            settings = SettingsReader.read(ConfigProvider.getConfig(), storeNames);
            LOG.debugf("usersession uses store '%s' and cookie '%s'", settings.store(), settings.cookieName());
        } catch (InvalidSettingsException e) {
            e.problems().forEach(problem -> event.addDeploymentProblem(new DeploymentException(problem)));
        }
    }

    private static String configuredStore() {
        return ConfigProvider.getConfig().getOptionalValue(SettingsReader.STORE, String.class).map(String::trim).orElse("");
    }

    /** The names of all store beans found, built-in ones included. */
    public Set<String> storeNames() {
        return Set.copyOf(storeNames);
    }

    /**
     * Returns the settings validated at deployment.
     *
     * @throws IllegalStateException before validation ran
     */
    SessionSettings settings() {
        SessionSettings current = settings;
        if (current == null) {
            throw new IllegalStateException("usersession settings are read when the deployment is validated;"
                    + " they are not available before that");
        }
        return current;
    }
}
