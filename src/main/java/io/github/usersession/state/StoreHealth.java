package io.github.usersession.state;

import static io.github.usersession.log.MessageCodes.STORE_FAILED;

import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.github.usersession.SessionStoreException;

import jakarta.enterprise.context.ApplicationScoped;

/** Tracks store outages, so that each incident is logged once at ERROR and its end once at INFO. */
@ApplicationScoped
public class StoreHealth {

    private static final Logger LOG = Logger.getLogger(StoreHealth.class);

    private final AtomicBoolean down = new AtomicBoolean();

    /** Records a failed store call; logs the cause when this starts an outage. */
    public void failed(SessionStoreException failure) {
        if (down.compareAndSet(false, true)) {
            LOG.errorf(failure, "%s: The session store failed: %s. Requests that need the session get HTTP 503"
                    + " until it works again; check the store's backend.", STORE_FAILED, failure.getMessage());
        } else {
            LOG.debugf("Session store still failing: %s", failure.getMessage());
        }
    }

    /** Records a working store call; logs the recovery when this ends an outage. */
    public void succeeded() {
        if (down.get() && down.compareAndSet(true, false)) {
            LOG.info("The session store works again.");
        }
    }

    public boolean isDown() {
        return down.get();
    }
}
