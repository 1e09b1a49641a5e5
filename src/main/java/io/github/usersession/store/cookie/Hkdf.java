package io.github.usersession.store.cookie;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869), for outputs of at most 32 bytes. */
final class Hkdf {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_LENGTH = 32;

    private Hkdf() {
    }

    /**
     * Derives key material.
     *
     * @param inputKey the input keying material (the configured secret)
     * @param salt the extract step's salt
     * @param info the context that separates keys derived from the same input
     * @param length the output length, 1 to 32 bytes
     */
    static byte[] derive(byte[] inputKey, String salt, String info, int length) {
        if (length < 1 || length > HASH_LENGTH) {
            throw new IllegalArgumentException("length must be from 1 to " + HASH_LENGTH + ": " + length);
        }

        // 1. Extract: a pseudorandom key from the input and the salt.
        byte[] pseudorandomKey = hmac(salt.getBytes(StandardCharsets.UTF_8), inputKey);

        // 2. Expand: one block, T(1) = HMAC(PRK, info || 0x01), is enough for 32 bytes.
        byte[] infoBytes = info.getBytes(StandardCharsets.UTF_8);
        byte[] block = new byte[infoBytes.length + 1];
        System.arraycopy(infoBytes, 0, block, 0, infoBytes.length);
        block[infoBytes.length] = 1;
        byte[] output = hmac(pseudorandomKey, block);

        byte[] result = new byte[length];
        System.arraycopy(output, 0, result, 0, length);
        return result;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
