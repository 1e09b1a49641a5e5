package io.github.usersession.health;

import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.github.usersession.state.StoreSelector;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reports the session store as ready when its backend responds. Registered only where the
 * server provides the MicroProfile Health API.
 */
@Readiness
@ApplicationScoped
public class StoreReadinessCheck implements HealthCheck {

    static final String NAME = "usersession-store";

    private final StoreSelector stores;

    @Inject
    public StoreReadinessCheck(StoreSelector stores) {
        this.stores = stores;
    }

    /** Needed by CDI to create the client proxy. */
    protected StoreReadinessCheck() {
        this.stores = null;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse.Status status = stores.store().isAvailable()
                ? HealthCheckResponse.Status.UP
                : HealthCheckResponse.Status.DOWN;
        return new HealthCheckResponse(NAME, status, Optional.of(Map.of("store", stores.name())));
    }
}
