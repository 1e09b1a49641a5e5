package io.github.usersession.bench;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The floor of the cookie benchmarks: AES-256-GCM through the JDK's {@link Cipher} with a fresh
 * random nonce, no Base64 and no associated data. The result is nonce, ciphertext and tag.
 */
public final class FloorCipher {

    public static final String TRANSFORMATION = "AES/GCM/NoPadding";

    /** Bytes of a GCM tag. */
    public static final int TAG_BYTES = 16;

    /** Bytes a sealed value has beyond its plaintext: the nonce and the tag. */
    public static final int OVERHEAD_BYTES = 12 + TAG_BYTES;

    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = TAG_BYTES * 8;

    private FloorCipher() {
    }

    /** Returns a random 256-bit AES key. */
    public static SecretKeySpec randomKey(SecureRandom random) {
        byte[] keyBytes = new byte[32];
        random.nextBytes(keyBytes);
        return new SecretKeySpec(keyBytes, "AES");
    }

    /** Encrypts the plaintext with the given cipher and returns nonce, ciphertext and tag. */
    public static byte[] seal(Cipher cipher, SecretKeySpec key, SecureRandom random, byte[] plaintext)
            throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));

        byte[] sealed = new byte[NONCE_LENGTH + plaintext.length + TAG_BITS / 8];
        System.arraycopy(nonce, 0, sealed, 0, NONCE_LENGTH);
        cipher.doFinal(plaintext, 0, plaintext.length, sealed, NONCE_LENGTH);
        return sealed;
    }

    /** Decrypts what {@link #seal} returned and returns the plaintext. */
    public static byte[] open(Cipher cipher, SecretKeySpec key, byte[] sealed) throws GeneralSecurityException {
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_LENGTH));
        return cipher.doFinal(sealed, NONCE_LENGTH, sealed.length - NONCE_LENGTH);
    }
}
