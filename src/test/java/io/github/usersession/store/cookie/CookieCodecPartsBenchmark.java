package io.github.usersession.store.cookie;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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

import io.github.usersession.StoredSession;
import io.github.usersession.bench.FloorCipher;
import io.github.usersession.bench.SessionData;
import io.github.usersession.config.Secret;
import io.github.usersession.state.SessionIds;
import io.github.usersession.testing.TestSettings;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * Measures the two halves of {@code CookieCodecBenchmark} apart, each beside its floor, to tell
 * which half costs the difference. {@link CookieSealer} runs against the JDK's {@link Cipher} kept
 * per thread, both on the library's plaintext. {@link PayloadCodec} (JSON-P) runs against JSON-B
 * of the attribute map. The session is the one {@code CookieCodecBenchmark} uses.
 *
 * <p>One fork and short iterations: these numbers explain, the main benchmark decides.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class CookieCodecPartsBenchmark {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Type MAP_TYPE = new HashMap<String, String>() { }.getClass().getGenericSuperclass();

    @Param({"100", "1024", "3072"})
    int attributeBytes;

    private StoredSession session;
    private CookieSealer sealer;
    private byte[] payload;
    private String sealedValue;

    private Jsonb jsonb;
    private Map<String, String> attributes;
    private byte[] attributesJson;
    private SecretKeySpec key;
    private Cipher cipher;
    private final SecureRandom random = new SecureRandom();
    private byte[] cipherSealed;

    @Setup
    public void setUp() throws GeneralSecurityException {
        attributes = SessionData.attributes(attributeBytes, new Random(attributeBytes));
        session = new StoredSession(SessionIds.newId(), "user-0000042", attributes, List.of(), NOW, NOW);
        sealer = new CookieSealer(Secret.of(TestSettings.SECRET), "app_session");
        payload = PayloadCodec.write(session);
        sealedValue = sealer.seal(payload);

        jsonb = JsonbBuilder.create();
        attributesJson = jsonbWrite();
        key = FloorCipher.randomKey(random);
        cipher = Cipher.getInstance(FloorCipher.TRANSFORMATION);
        cipherSealed = cipherSeal();

        if (sealerOpen().isEmpty() || !payloadRead().orElseThrow().equals(session) || !jsonbRead().equals(attributes)) {
            throw new IllegalStateException("A part read back something other than what it wrote");
        }
    }

    @TearDown
    public void tearDown() throws Exception {
        jsonb.close();
    }

    @Benchmark
    public String sealerSeal() {
        return sealer.seal(payload);
    }

    @Benchmark
    public Optional<byte[]> sealerOpen() {
        return sealer.open(sealedValue);
    }

    /** Seals the same plaintext as {@link #sealerSeal()} with a fresh nonce: its floor. */
    @Benchmark
    public byte[] cipherSeal() throws GeneralSecurityException {
        return FloorCipher.seal(cipher, key, random, payload);
    }

    @Benchmark
    public byte[] cipherOpen() throws GeneralSecurityException {
        return FloorCipher.open(cipher, key, cipherSealed);
    }

    /**
     * Seals like {@link #cipherSeal()}, but with a new {@code Cipher} per call as {@link CookieSealer}
     * does: the difference is the provider look-up and the AES key expansion.
     */
    @Benchmark
    public byte[] newCipherSeal() throws GeneralSecurityException {
        return FloorCipher.seal(Cipher.getInstance(FloorCipher.TRANSFORMATION), key, random, payload);
    }

    @Benchmark
    public byte[] newCipherOpen() throws GeneralSecurityException {
        return FloorCipher.open(Cipher.getInstance(FloorCipher.TRANSFORMATION), key, cipherSealed);
    }

    @Benchmark
    public byte[] payloadWrite() {
        return PayloadCodec.write(session);
    }

    @Benchmark
    public Optional<StoredSession> payloadRead() {
        return PayloadCodec.read(payload);
    }

    /** Writes the attribute map alone with JSON-B: the floor of {@link #payloadWrite()}. */
    @Benchmark
    public byte[] jsonbWrite() {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        jsonb.toJson(attributes, json);
        return json.toByteArray();
    }

    @Benchmark
    public Map<String, String> jsonbRead() {
        return jsonb.fromJson(new ByteArrayInputStream(attributesJson), MAP_TYPE);
    }
}
