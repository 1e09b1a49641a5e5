package io.github.usersession.store.cookie;

import static io.github.usersession.log.MessageCodes.SESSION_TOO_LARGE;

import java.time.Instant;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.github.usersession.SessionChanges;
import io.github.usersession.SessionStore;
import io.github.usersession.SessionTooLargeException;
import io.github.usersession.StoredSession;
import io.github.usersession.config.SessionSettings;
import io.github.usersession.config.SettingsReader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Keeps the whole session in the cookie, encrypted and authenticated with AES-256-GCM under a
 * key derived from {@code usersession.secret}. Needs no server state, so any server with the
 * same secret reads the session.
 *
 * <p>Limits: the session must fit into one cookie of 4096 bytes, parallel requests of one
 * session overwrite each other (the last response wins), and a session cannot be revoked on
 * the server before {@code usersession.max-age}: {@link #delete(String)} only lets the cookie
 * expire in the browser.
 */
@ApplicationScoped
@Named(SettingsReader.COOKIE_STORE)
public class CookieStore implements SessionStore {

    private static final Logger LOG = Logger.getLogger(CookieStore.class);

    /**
     * Longest sealed value written. Browsers accept 4096 bytes for name, value and attributes
     * together; this leaves room for a name and the attributes (path, domain, max-age, flags).
     */
    static final int MAX_VALUE_BYTES = 3800;

    private final SessionSettings settings;
    private volatile CookieSealer sealer;

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
        Optional<StoredSession> session = sealer().open(cookieValue).flatMap(PayloadCodec::read);
        if (session.isEmpty()) {
            LOG.debugf("Rejected a value of cookie %s that does not open with the current key (%d characters)",
                    settings.cookieName(), cookieValue.length());
        }
        return session;
    }

    @Override
    public Optional<String> save(SessionChanges changes, Instant now) {
        String value = sealer().seal(PayloadCodec.write(changes.result()));
        int size = settings.cookieName().length() + 1 + value.length();
        if (size > MAX_VALUE_BYTES) {
            throw new SessionTooLargeException(SESSION_TOO_LARGE + ": The session needs a cookie of " + size
                    + " bytes, more than the " + MAX_VALUE_BYTES + " bytes the cookie store writes; the session"
                    + " was not changed. Keep less data in the session, or use a server-side store.",
                    size, MAX_VALUE_BYTES);
        }
        return Optional.of(value);
    }

    /** Does nothing: the cookie store keeps no server state. The web layer expires the cookie. */
    @Override
    public void delete(String sessionId) {
        // NOTE: a copy of the cookie taken before logout stays valid until usersession.max-age.
    }

    private CookieSealer sealer() {
        CookieSealer current = sealer;
        if (current == null) {
            current = new CookieSealer(settings.secret(), settings.cookieName());
            sealer = current;
        }
        return current;
    }
}
