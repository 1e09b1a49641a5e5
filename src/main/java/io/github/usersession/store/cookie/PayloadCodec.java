package io.github.usersession.store.cookie;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.usersession.Flash;
import io.github.usersession.StoredSession;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;

/**
 * Writes a session as compact JSON (JSON-P) for the cookie store, and reads it back.
 *
 * <pre>{"id":"...","u":"user","c":created-millis,"w":written-millis,"a":{"key":"value"},"f":[["kind","message"]]}</pre>
 * Times are UTC epoch milliseconds; {@code u} is absent for a guest.
 */
final class PayloadCodec {

    /** Looked up once: each {@code Json.createXxx} call would search the service providers again. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private PayloadCodec() {
    }

    static byte[] write(StoredSession session) {
        JsonObjectBuilder attributes = JSON.createObjectBuilder();
        session.attributes().forEach(attributes::add);

        JsonArrayBuilder flashes = JSON.createArrayBuilder();
        session.flashes().forEach(flash -> flashes.add(writeFlash(flash)));

        JsonObjectBuilder payload = JSON.createObjectBuilder().add("id", session.id());
        session.userId().ifPresent(userId -> payload.add("u", userId));
        payload.add("c", session.created().toEpochMilli())
                .add("w", session.lastAccessed().toEpochMilli())
                .add("a", attributes)
                .add("f", flashes);

        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (JsonWriter writer = JSON.createWriter(output)) {
            writer.writeObject(payload.build());
        }
        return output.toByteArray();
    }

    /** Reads a payload; empty when it is not in the form {@link #write} produces. */
    static Optional<StoredSession> read(byte[] json) {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(json))) {
            JsonObject payload = reader.readObject();

            String userId = payload.containsKey("u") ? payload.getString("u") : null;
            Instant created = Instant.ofEpochMilli(payload.getJsonNumber("c").longValueExact());
            Instant written = Instant.ofEpochMilli(payload.getJsonNumber("w").longValueExact());
            return Optional.of(new StoredSession(payload.getString("id"), userId,
                    readAttributes(payload.getJsonObject("a")), readFlashes(payload.getJsonArray("f")), created, written));
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException
                 | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> readAttributes(JsonObject attributes) {
        Map<String, String> result = new LinkedHashMap<>();
        attributes.forEach((key, value) -> result.put(key, ((JsonString) value).getString()));
        return result;
    }

    /** Writes a flash as an array of kind and message, and its page when it waits for one. */
    private static JsonArrayBuilder writeFlash(Flash flash) {
        JsonArrayBuilder array = JSON.createArrayBuilder().add(flash.kind()).add(flash.message());
        return flash.page().isEmpty() ? array : array.add(flash.page());
    }

    private static List<Flash> readFlashes(JsonArray flashes) {
        List<Flash> result = new ArrayList<>();
        for (JsonValue flash : flashes) {
            JsonArray parts = flash.asJsonArray();
            if (parts.size() != 2 && parts.size() != 3) {
                throw new IllegalArgumentException("a flash is an array of kind, message and optional page");
            }
            String page = parts.size() == 3 ? parts.getString(2) : Flash.ANY_PAGE;
            result.add(new Flash(parts.getString(0), parts.getString(1), page));
        }
        return result;
    }
}
