package io.github.usersession.state;

import io.github.usersession.SessionStore;
import io.github.usersession.StoreName;
import io.github.usersession.config.SessionSettings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;

/** Resolves the store named by {@code usersession.store} once, when first needed. */
@ApplicationScoped
public class StoreSelector {

    private final SessionSettings settings;
    private final Instance<SessionStore> stores;
    private volatile SessionStore selected;

    @Inject
    public StoreSelector(SessionSettings settings, @Any Instance<SessionStore> stores) {
        this.settings = settings;
        this.stores = stores;
    }

    /** Needed by CDI to create the client proxy. */
    protected StoreSelector() {
        this.settings = null;
        this.stores = null;
    }

    /** The name of the active store, as {@code usersession.store} gives it. */
    public String name() {
        return settings.store();
    }

    /** Returns the active store. */
    public SessionStore store() {
        SessionStore current = selected;
        if (current == null) {
            Instance<SessionStore> byStoreName = stores.select(StoreName.Literal.of(settings.store()));
            current = byStoreName.isResolvable() ? byStoreName.get() : stores.select(NamedLiteral.of(settings.store())).get();
            selected = current;
        }
        return current;
    }
}
