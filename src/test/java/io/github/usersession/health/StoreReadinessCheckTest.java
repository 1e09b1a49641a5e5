package io.github.usersession.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.HealthCheck;
import org.junit.jupiter.api.Test;

import io.github.usersession.testing.FailingStore;
import io.github.usersession.testing.SessionContainer;

import jakarta.enterprise.util.AnnotationLiteral;

class StoreReadinessCheckTest {

    static final class ReadinessLiteral extends AnnotationLiteral<Readiness> implements Readiness {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void reportsStoreDownAndUpAgain() {
        try (SessionContainer container = SessionContainer.start(Map.of("usersession.store", "switchable"),
                FailingStore.class)) {
            HealthCheck check = container.bean(HealthCheck.class, new ReadinessLiteral());

            HealthCheckResponse up = check.call();
            container.bean(FailingStore.class).setDown(true);
            HealthCheckResponse down = check.call();

            assertThat(up.getName()).isEqualTo("usersession-store");
            assertThat(up.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(up.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("store", "switchable"));
            assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        }
    }
}
