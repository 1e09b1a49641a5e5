package io.github.usersession.web;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads the protocol a client used from the headers a reverse proxy adds: {@code Forwarded}
 * (RFC 7239) or {@code X-Forwarded-Proto}. Only the first entry counts, which the proxy nearest
 * to the client wrote.
 */
final class ForwardedProto {

    static final String FORWARDED = "Forwarded";
    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";

    private ForwardedProto() {
    }

    /**
     * Tells whether the proxy headers show that the client used HTTPS.
     *
     * @param forwarded the {@code Forwarded} header, or null
     * @param xForwardedProto the {@code X-Forwarded-Proto} header, or null
     */
    static boolean isHttps(String forwarded, String xForwardedProto) {
        Optional<String> proto = forwarded != null ? fromForwarded(forwarded) : fromXForwardedProto(xForwardedProto);
        return proto.map(value -> value.equals("https")).orElse(false);
    }

    private static Optional<String> fromForwarded(String header) {
        String firstElement = header.split(",", 2)[0];
        for (String pair : firstElement.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).trim().equalsIgnoreCase("proto")) {
                return Optional.of(unquote(pair.substring(equals + 1).trim()).toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fromXForwardedProto(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(header.split(",", 2)[0].trim().toLowerCase(Locale.ROOT));
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
