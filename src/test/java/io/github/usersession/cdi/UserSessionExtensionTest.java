package io.github.usersession.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.usersession.SessionStoreException;
import io.github.usersession.state.CookieUpdate;
import io.github.usersession.state.StoreHealth;
import io.github.usersession.store.memory.MemoryStore;
import io.github.usersession.testing.FailingStore;
import io.github.usersession.testing.SessionContainer;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;

class UserSessionExtensionTest {

    @Test
    void eachLibraryBeanIsRegisteredOnce() {
        try (SessionContainer container = SessionContainer.start(Map.of())) {
            BeanManager beans = container.bean(BeanManager.class);

            for (Class<?> beanClass : UserSessionExtension.BEAN_CLASSES) {
                long count = beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                        .filter(bean -> bean.getBeanClass().equals(beanClass) && bean.getTypes().contains(beanClass))
                        .count();
                assertThat(count).as(beanClass.getSimpleName()).isEqualTo(1);
            }
        }
    }

    @Test
    void badConfigurationFailsDeploymentWithEveryProblem() {
        Throwable failure = catchThrowable(() -> SessionContainer.start(Map.of(
                "usersession.store", "cookie",
                "usersession.max-age", "forever",
                "usersession.cookie.secure", "sometimes")));

        assertThat(failure).isInstanceOf(DeploymentException.class);
        assertThat(failure).hasMessageContaining("USESS-0002: usersession.secret is missing")
                .hasMessageContaining("USESS-0004: usersession.max-age is 'forever'")
                .hasMessageContaining("USESS-0007: usersession.cookie.secure is 'sometimes'");
    }

    @Test
    void unknownStoreNameFailsDeployment() {
        assertThatThrownBy(() -> SessionContainer.start(Map.of("usersession.store", "switchable")))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("USESS-0001: usersession.store is 'switchable'");
    }

    @Test
    void customStoreIsSelectedByName() {
        try (SessionContainer container = SessionContainer.start(Map.of("usersession.store", "switchable"),
                FailingStore.class)) {
            String cookie = container.request(null, session -> session.put("color", "red"))
                    .flatMap(CookieUpdate::value).orElseThrow();

            container.request(cookie, session -> assertThat(session.get("color")).contains("red"));
            assertThat(container.bean(FailingStore.class).size()).isEqualTo(1);
            assertThat(container.memoryStore().size()).isZero();
        }
    }

    @Test
    void storeOutageFailsFastAndRecovers() {
        try (SessionContainer container = SessionContainer.start(Map.of("usersession.store", "switchable"),
                FailingStore.class)) {
            FailingStore store = container.bean(FailingStore.class);
            String cookie = container.request(null, session -> session.put("color", "red"))
                    .flatMap(CookieUpdate::value).orElseThrow();

            store.setDown(true);
            assertThatThrownBy(() -> container.request(cookie, session -> session.get("color")))
                    .isInstanceOf(SessionStoreException.class)
                    .hasMessage("connection refused (test switch)");
            assertThat(container.bean(StoreHealth.class).isDown()).isTrue();

            store.setDown(false);
            container.request(cookie, session -> assertThat(session.get("color")).contains("red"));
            assertThat(container.bean(StoreHealth.class).isDown()).isFalse();
        }
    }
}
