package io.github.usersession.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the session cookie in {@code Cookie} request headers, joining a value that was split
 * over chunk cookies ({@code name}, {@code name.1}, {@code name.2}, ...).
 */
final class CookieParser {

    /** Cookies in a request beyond this are not looked at, so a flood of cookies costs little. */
    static final int MAX_PAIRS = 200;

    /** The highest chunk index read; higher ones are ignored. */
    static final int MAX_CHUNK_INDEX = 16;

    /**
     * The session cookie values of a request.
     *
     * @param candidates values to try in order: the first {@code name} value joined with its
     *                   chunks, then further {@code name} values alone
     * @param chunksSent the highest chunk index the request sent, 0 when none
     */
    record SessionCookies(List<String> candidates, int chunksSent) {
    }

    private CookieParser() {
    }

    /**
     * Reads the session cookie. Values in double quotes are unquoted; empty values are skipped.
     * Of several cookies with the same name, browsers send the one with the longest path first
     * (RFC 6265, section 5.4), so that one is tried first.
     *
     * @param headers the values of all {@code Cookie} request headers
     * @param name the session cookie's name
     */
    static SessionCookies read(List<String> headers, String name) {
        List<String> values = new ArrayList<>();
        Map<Integer, String> chunks = new HashMap<>();
        int pairs = 0;

        for (String header : headers) {
            for (String pair : header.split(";")) {
                if (++pairs > MAX_PAIRS) {
                    return combine(values, chunks);
                }
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    continue;
                }
                String pairName = pair.substring(0, equals).trim();
                String value = unquote(pair.substring(equals + 1).trim());
                if (value.isEmpty()) {
                    continue;
                }
                if (pairName.equals(name)) {
                    values.add(value);
                } else {
                    chunkIndex(pairName, name).ifPresent(index -> chunks.putIfAbsent(index, value));
                }
            }
        }
        return combine(values, chunks);
    }

    private static SessionCookies combine(List<String> values, Map<Integer, String> chunks) {
        int chunksSent = chunks.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (values.isEmpty() || chunks.isEmpty()) {
            return new SessionCookies(values, chunksSent);
        }

        StringBuilder joined = new StringBuilder(values.get(0));
        for (int index = 1; chunks.containsKey(index); index++) {
            joined.append(chunks.get(index));
        }
        List<String> candidates = new ArrayList<>();
        candidates.add(joined.toString());
        candidates.addAll(values.subList(1, values.size()));
        return new SessionCookies(candidates, chunksSent);
    }

    private static Optional<Integer> chunkIndex(String pairName, String name) {
        if (!pairName.startsWith(name + ".")) {
            return Optional.empty();
        }
        String suffix = pairName.substring(name.length() + 1);
        if (suffix.isEmpty() || suffix.length() > 2 || !suffix.chars().allMatch(Character::isDigit)
                || suffix.startsWith("0")) {
            return Optional.empty();
        }
        int index = Integer.parseInt(suffix);
        return index <= MAX_CHUNK_INDEX ? Optional.of(index) : Optional.empty();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
