package io.github.usersession.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written as ISO-8601 ({@code P30D}, {@code PT15M}) or as a number and a unit ({@code 30d}). */
final class DurationParser {

    static final String ACCEPTED = "an ISO-8601 duration such as P30D or PT15M, or a number with a unit ms, s, m, h or d such as 30d";

    private static final Pattern SHORT_FORM = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    private DurationParser() {
    }

    /** Returns the positive duration the text describes, or empty when it is malformed, zero or negative. */
    static Optional<Duration> parse(String text) {
        String trimmed = text.trim();
        Optional<Duration> parsed = trimmed.startsWith("P") || trimmed.startsWith("p")
                ? parseIso(trimmed)
                : parseShortForm(trimmed);
        return parsed.filter(duration -> !duration.isNegative() && !duration.isZero());
    }

    private static Optional<Duration> parseIso(String text) {
        try {
            return Optional.of(Duration.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> parseShortForm(String text) {
        Matcher matcher = SHORT_FORM.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }

        long amount = Long.parseLong(matcher.group(1));
        return Optional.of(switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        });
    }
}
