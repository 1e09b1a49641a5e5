package io.github.usersession.state;

import org.jboss.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/** Converts typed session values to and from JSON with the server's JSON-B implementation. */
@ApplicationScoped
public class JsonValues {

    private static final Logger LOG = Logger.getLogger(JsonValues.class);

    private volatile Jsonb jsonb;

    /** Returns the JSON text of a value. */
    public String toJson(Object value) {
        return jsonb().toJson(value);
    }

    /**
     * Reads a value of the given type from JSON text.
     *
     * @throws IllegalStateException when the text is not a JSON form of that type
     */
    public <T> T fromJson(String json, Class<T> type, String key) {
        try {
            return jsonb().fromJson(json, type);
        } catch (JsonbException e) {
            throw new IllegalStateException("Session value '" + key + "' cannot be read as " + type.getName()
                    + ": " + e.getMessage() + ". Read it with the type it was stored with.", e);
        }
    }

    private Jsonb jsonb() {
        Jsonb current = jsonb;
        if (current == null) {
            synchronized (this) {
                current = jsonb;
                if (current == null) {
                    current = JsonbBuilder.create();
                    jsonb = current;
                }
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (jsonb == null) {
            return;
        }
        try {
            jsonb.close();
        } catch (Exception e) {
            LOG.debugf(e, "Closing JSON-B failed");
        }
    }
}
