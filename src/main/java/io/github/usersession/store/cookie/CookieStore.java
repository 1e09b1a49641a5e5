package io.github.usersession.store.cookie;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.github.usersession.Flash;
import io.github.usersession.SessionChanges;
import io.github.usersession.SessionStore;
import io.github.usersession.StoreName;
import io.github.usersession.StoredSession;
import io.github.usersession.config.SessionSettings;
import io.github.usersession.config.SettingsReader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps the whole session in the cookie, encrypted and authenticated with AES-256-GCM under a
 * key derived from {@code usersession.secret}. Needs no server state, so any server with the
 * same secret reads the session.
 *
 * <p>Cookies sealed with a secret listed in {@code usersession.secret.previous} still open, and
 * are sealed with the current secret when they are next written. A key ID in each value selects
 * the key, so opening never tries several keys.
 *
 * <p>Limits: parallel requests of one session overwrite each other (the last response wins),
 * and a session cannot be revoked on the server before it expires: {@link #delete(String)} only
 * lets the cookie expire in the browser. The web layer splits long values over several cookies.
 */
@ApplicationScoped
@StoreName(SettingsReader.COOKIE_STORE)
public class CookieStore implements SessionStore {

    private static final Logger LOG = Logger.getLogger(CookieStore.class);

    private final SessionSettings settings;
    private volatile CookieKeys keys;

    @Inject
    public CookieStore(SessionSettings settings) {
        this.settings = settings;
    }

    /** Needed by CDI to create the client proxy. */
    protected CookieStore() {
        this.settings = null;
    }

    @Override
    public Optional<StoredSession> load(String cookieValue, Instant now) {
        Optional<StoredSession> session = keys().open(cookieValue).flatMap(PayloadCodec::read);
        if (session.isEmpty()) {
            LOG.debugf("Rejected a value of cookie %s that does not open with a configured key (%d characters)",
                    settings.cookieName(), cookieValue.length());
        }
        return session;
    }

    @Override
    public Optional<String> save(SessionChanges changes, Instant now) {
        StoredSession result = changes.result();
        List<Flash> flashes = changes.capFlashes(result.flashes());
        if (flashes.size() < result.flashes().size()) {
            result = new StoredSession(result.id(), result.userId().orElse(null), result.attributes(), flashes,
                    result.created(), result.lastAccessed());
        }
        return Optional.of(keys().seal(PayloadCodec.write(result)));
    }

    /** Does nothing: the cookie store keeps no server state. The web layer expires the cookie. */
    @Override
    public void delete(String sessionId) {
        // NOTE: a copy of the cookie taken before logout stays valid until it expires.
    }

    private CookieKeys keys() {
        CookieKeys current = keys;
        if (current == null) {
            current = new CookieKeys(settings.secret(), settings.previousSecrets(), settings.cookieName());
            keys = current;
        }
        return current;
    }
}
