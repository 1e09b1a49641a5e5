package io.github.usersession.store.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.usersession.Flash;
import io.github.usersession.StoredSession;

class PayloadCodecTest {

    static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.678Z");

    @Test
    void sessionRoundTripsExactly() {
        StoredSession session = new StoredSession("id-1", "alice",
                Map.of("emoji", "😀 ü \"quoted\" \\ </script>", "json", "{\"a\":[1,2]}", "", "empty key"),
                List.of(Flash.of("Welcome!"), Flash.of("danger", "Ünïcödé 𝄞"), Flash.of("info", "Cart").forPage("/cart")),
                CREATED, CREATED.plusSeconds(60));

        assertThat(PayloadCodec.read(PayloadCodec.write(session))).contains(session);
    }

    @Test
    void flashForAnyPageHasNoPageField() {
        StoredSession session = new StoredSession("id-3", null, Map.of(), List.of(Flash.of("hi")), CREATED, CREATED);

        String json = new String(PayloadCodec.write(session), StandardCharsets.UTF_8);

        assertThat(json).contains("\"f\":[[\"success\",\"hi\"]]");
        assertThat(PayloadCodec.read(json.replace("[\"success\",\"hi\"]", "[\"success\",\"hi\",\"/cart?x\"]")
                .getBytes(StandardCharsets.UTF_8))).as("a page with a query string is malformed").isEmpty();
    }

    @Test
    void guestHasNoUserField() {
        StoredSession guest = StoredSession.empty("id-2", CREATED);

        String json = new String(PayloadCodec.write(guest), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("\"u\"");
        assertThat(PayloadCodec.read(json.getBytes(StandardCharsets.UTF_8))).contains(guest);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {
        "",
        "null",
        "[]",
        "{}",
        "{\"id\":\"x\"}",
        "{\"id\":1,\"c\":0,\"w\":0,\"a\":{},\"f\":[]}",
        "{\"id\":\"x\",\"c\":\"0\",\"w\":0,\"a\":{},\"f\":[]}",
        "{\"id\":\"x\",\"c\":0.5,\"w\":0,\"a\":{},\"f\":[]}",
        "{\"id\":\"x\",\"c\":0,\"w\":0,\"a\":{\"k\":1},\"f\":[]}",
        "{\"id\":\"x\",\"c\":0,\"w\":0,\"a\":{},\"f\":[[\"only-kind\"]]}",
        "{\"id\":\"x\",\"c\":0,\"w\":0,\"a\":{},\"f\":[[\"\",\"blank kind\"]]}",
        "{\"id\":\"x\",\"c\":0,\"w\":0,\"a\":{},\"f\":{}}",
        "{\"id\":\"x\",\"c\":99999999999999999999999,\"w\":0,\"a\":{},\"f\":[]}",
        "{\"id\":\"x\"",
    })
    void malformedPayloadIsRejected(String json) {
        assertThat(PayloadCodec.read(json.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
