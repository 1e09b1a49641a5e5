package io.github.usersession.store.cookie;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.usersession.config.Secret;

/** The cookie store's keys: the current one seals, the current and previous ones open. */
final class CookieKeys {

    private final CookieSealer current;
    private final Map<Integer, CookieSealer> byKeyId = new HashMap<>();

    CookieKeys(Secret secret, List<Secret> previousSecrets, String cookieName) {
        this.current = new CookieSealer(secret, cookieName);
        for (Secret previous : previousSecrets) {
            CookieSealer sealer = new CookieSealer(previous, cookieName);
            byKeyId.putIfAbsent(sealer.keyId(), sealer);
        }
        byKeyId.put(current.keyId(), current);
    }

    String seal(byte[] plaintext) {
        return current.seal(plaintext);
    }

    /** Opens a value with the key its key ID names; empty when no configured key has that ID. */
    Optional<byte[]> open(String value) {
        return CookieSealer.keyIdOf(value)
                .map(byKeyId::get)
                .flatMap(sealer -> sealer.open(value));
    }
}
