package io.github.usersession.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Session attributes of an exact size, for the benchmarks.
 *
 * <p>The size is the length of the attribute map as compact JSON, {@code {"k000":"...",...}},
 * which is what JSON-B writes for it. Keys and values are ASCII letters and digits, so no
 * character is escaped and characters equal bytes in UTF-8. Each value is about 40 characters.
 */
public final class SessionData {

    private static final int KEY_LENGTH = 4;
    private static final int VALUE_LENGTH = 40;

    /** Characters of one entry besides key and value: four quotes and the colon. */
    private static final int ENTRY_OVERHEAD = 5;

    /** Shared by all maps, the way an application's keys are string constants. */
    private static final String[] KEYS = keys(1000);

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private SessionData() {
    }

    /**
     * Creates attributes whose JSON form is exactly {@code jsonBytes} long, with random values.
     *
     * @param jsonBytes the length of the map as compact JSON, at least 12
     * @param random the source of the values' characters
     * @return a map in insertion order
     */
    public static Map<String, String> attributes(int jsonBytes, Random random) {
        int entries = Math.max(1, Math.round(jsonBytes / (float) (KEY_LENGTH + VALUE_LENGTH + ENTRY_OVERHEAD + 1)));
        // Braces, the fixed part of each entry, and the commas between entries.
        int fixed = 2 + entries * (KEY_LENGTH + ENTRY_OVERHEAD) + entries - 1;
        int valueCharacters = jsonBytes - fixed;
        if (entries > KEYS.length || valueCharacters < entries) {
            throw new IllegalArgumentException("jsonBytes must be from 12 to about 50000: " + jsonBytes);
        }

        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < entries; i++) {
            int length = valueCharacters / entries + (i < valueCharacters % entries ? 1 : 0);
            attributes.put(KEYS[i], randomText(length, random));
        }
        return attributes;
    }

    private static String randomText(int length, Random random) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = LETTERS.charAt(random.nextInt(LETTERS.length()));
        }
        return new String(text);
    }

    private static String[] keys(int count) {
        String[] keys = new String[count];
        for (int i = 0; i < count; i++) {
            keys[i] = String.format("k%03d", i);
        }
        return keys;
    }
}
