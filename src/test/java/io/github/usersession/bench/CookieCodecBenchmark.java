package io.github.usersession.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.github.usersession.SessionChanges;
import io.github.usersession.StoredSession;
import io.github.usersession.state.SessionIds;
import io.github.usersession.store.cookie.CookieStore;
import io.github.usersession.testing.TestSettings;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * Measures the cookie store's save and load beside a floor. Save writes the session as JSON-P,
 * seals it with AES-256-GCM and encodes it in Base64. Load checks and reverses each step.
 *
 * <p>The floor does the least work of the same kind: JSON-B of the same attribute map, and
 * AES-256-GCM of those bytes through the JDK's {@link Cipher} with a fresh random nonce. It has no
 * Base64 and no associated data, and keeps one {@code Cipher} per thread.
 *
 * <p>The session is a signed-in user's with no flashes; {@link #attributeBytes} is the length of
 * its attributes as JSON. The library's payload adds the session ID, the user ID and two times,
 * about 120 bytes, so its plaintext is longer than the floor's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CookieCodecBenchmark {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    /** The type JSON-B reads the attributes back as. */
    private static final Type MAP_TYPE = new HashMap<String, String>() { }.getClass().getGenericSuperclass();

    @Param({"100", "1024", "3072"})
    int attributeBytes;

    private CookieStore store;
    private SessionChanges changes;
    private String cookieValue;

    private Jsonb jsonb;
    private Map<String, String> attributes;
    private SecretKeySpec key;
    private Cipher cipher;
    private final SecureRandom random = new SecureRandom();
    private byte[] floorSealed;

    @Setup
    public void setUp() throws GeneralSecurityException {
        attributes = SessionData.attributes(attributeBytes, new Random(attributeBytes));
        StoredSession session = new StoredSession(SessionIds.newId(), "user-0000042", attributes, List.of(), NOW, NOW);
        changes = new SessionChanges(null, session, attributes, Set.of(), true, List.of(), List.of());
        store = new CookieStore(TestSettings.read(Map.of("usersession.store", "cookie",
                "usersession.secret", TestSettings.SECRET)));
        cookieValue = seal();

        jsonb = JsonbBuilder.create();
        key = FloorCipher.randomKey(random);
        cipher = Cipher.getInstance(FloorCipher.TRANSFORMATION);
        floorSealed = floorSeal();

        checkSizes();
    }

    @TearDown
    public void tearDown() throws Exception {
        jsonb.close();
    }

    @Benchmark
    public String seal() {
        return store.save(changes, NOW).orElseThrow();
    }

    @Benchmark
    public StoredSession open() {
        return store.load(cookieValue, NOW).orElseThrow();
    }

    /** Seals the attributes as JSON-B, and returns nonce, ciphertext and tag. */
    @Benchmark
    public byte[] floorSeal() throws GeneralSecurityException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        jsonb.toJson(attributes, json);
        return FloorCipher.seal(cipher, key, random, json.toByteArray());
    }

    @Benchmark
    public Map<String, String> floorOpen() throws GeneralSecurityException {
        byte[] plaintext = FloorCipher.open(cipher, key, floorSealed);
        return jsonb.fromJson(new ByteArrayInputStream(plaintext), MAP_TYPE);
    }

    /**
     * Checks that both sides work on the intended data, and prints the sizes for the record: the
     * floor's plaintext is the attribute map, the library's is the whole payload.
     */
    private void checkSizes() throws GeneralSecurityException {
        int floorPlaintext = floorSealed.length - FloorCipher.OVERHEAD_BYTES;
        if (floorPlaintext != attributeBytes || !floorOpen().equals(attributes)) {
            throw new IllegalStateException("JSON-B wrote " + floorPlaintext + " bytes for attributes meant to take "
                    + attributeBytes + " bytes, or read them back differently");
        }
        if (!open().equals(changes.result())) {
            throw new IllegalStateException("The cookie store loaded a session that differs from the one it saved");
        }
        // Version, key ID and nonce before the ciphertext, the tag after it.
        int libraryPlaintext = Base64.getUrlDecoder().decode(cookieValue).length - 17 - FloorCipher.TAG_BYTES;
        System.out.printf("Attributes: %d bytes as JSON; library plaintext: %d bytes; cookie value: %d characters%n",
                attributeBytes, libraryPlaintext, cookieValue.length());
    }
}
