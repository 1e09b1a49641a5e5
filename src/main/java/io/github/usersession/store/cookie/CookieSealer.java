package io.github.usersession.store.cookie;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.github.usersession.config.Secret;

/**
 * Seals bytes into a cookie value with AES-256-GCM, and opens such values.
 *
 * <p>A sealed value is URL-safe Base64 without padding of:
 * <pre>
 * version (1 byte, 1) | key ID (4 bytes) | nonce (12 bytes) | ciphertext | tag (16 bytes)
 * </pre>
 * The AES key and the key ID are derived from the secret with HKDF-SHA256. The version, the key
 * ID and the cookie name are authenticated as associated data, so a value moved to a cookie of
 * another name does not open. Thread-safe.
 */
final class CookieSealer {

    static final byte VERSION = 1;
    static final int KEY_ID_LENGTH = 4;
    static final int NONCE_LENGTH = 12;
    static final int TAG_BITS = 128;
    static final int HEADER_LENGTH = 1 + KEY_ID_LENGTH + NONCE_LENGTH;
    static final int MIN_LENGTH = HEADER_LENGTH + TAG_BITS / 8;

    /**
     * Longer values are rejected unread: browsers keep cookies of at most 4096 bytes, and a value
     * is split over at most 16 of them.
     */
    static final int MAX_VALUE_LENGTH = 16 * 4096;

    private static final String SALT = "usersession cookie store";
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final byte[] keyId;
    private final byte[] cookieName;

    CookieSealer(Secret secret, String cookieName) {
        byte[] material = secret.bytes();
        this.key = new SecretKeySpec(Hkdf.derive(material, SALT, "AES-256-GCM key", 32), "AES");
        this.keyId = Hkdf.derive(material, SALT, "key ID", KEY_ID_LENGTH);
        this.cookieName = cookieName.getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(material, (byte) 0);
    }

    /** The 4-byte key ID as an int, as it appears in sealed values. */
    int keyId() {
        return ByteBuffer.wrap(keyId).getInt();
    }

    /**
     * Reads the key ID from a sealed value without opening it, so that the right key is chosen
     * without trial decryption.
     *
     * @return the key ID, or empty when the value is too short or not of this version
     */
    static Optional<Integer> keyIdOf(String value) {
        int headerCharacters = 8;
        if (value.length() < headerCharacters) {
            return Optional.empty();
        }
        try {
            byte[] header = DECODER.decode(value.substring(0, headerCharacters));
            return header[0] == VERSION ? Optional.of(ByteBuffer.wrap(header, 1, KEY_ID_LENGTH).getInt()) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Encrypts and authenticates the plaintext; returns the cookie value. */
    String seal(byte[] plaintext) {
        // 1. A fresh random nonce for every value: GCM must never reuse one with the same key.
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);

        // 2. Header: version, key ID and nonce, all authenticated.
        ByteBuffer output = ByteBuffer.allocate(HEADER_LENGTH + plaintext.length + TAG_BITS / 8);
        output.put(VERSION).put(keyId).put(nonce);

        // 3. Encrypt with the header and the cookie name as associated data.
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(output.array()));
            cipher.doFinal(ByteBuffer.wrap(plaintext), output);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        }
        return ENCODER.encodeToString(output.array());
    }

    /**
     * Checks and decrypts a cookie value.
     *
     * @return the plaintext, or empty when the value is malformed, of another version or key, or
     *         was changed in any bit
     */
    Optional<byte[]> open(String value) {
        // 1. Decode; only the exact form seal() writes is accepted, so padding or other
        //    re-encodings of the same bytes are rejected.
        if (value.length() > MAX_VALUE_LENGTH) {
            return Optional.empty();
        }
        byte[] sealed;
        try {
            sealed = DECODER.decode(value);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!ENCODER.encodeToString(sealed).equals(value)) {
            return Optional.empty();
        }

        // 2. Check length, version and key ID before any decryption.
        if (sealed.length < MIN_LENGTH || sealed[0] != VERSION
                || !Arrays.equals(sealed, 1, 1 + KEY_ID_LENGTH, keyId, 0, KEY_ID_LENGTH)) {
            return Optional.empty();
        }

        // 3. Decrypt; the tag check fails for any change to header, name or ciphertext.
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1 + KEY_ID_LENGTH, NONCE_LENGTH));
            cipher.updateAAD(associatedData(sealed));
            return Optional.of(cipher.doFinal(sealed, HEADER_LENGTH, sealed.length - HEADER_LENGTH));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        }
    }

    private byte[] associatedData(byte[] header) {
        byte[] data = new byte[HEADER_LENGTH + cookieName.length];
        System.arraycopy(header, 0, data, 0, HEADER_LENGTH);
        System.arraycopy(cookieName, 0, data, HEADER_LENGTH, cookieName.length);
        return data;
    }
}
