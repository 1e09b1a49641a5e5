package io.github.usersession.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "P30D, PT720H",
        "PT15M, PT15M",
        "30d, PT720H",
        "12h, PT12H",
        "15m, PT15M",
        "45s, PT45S",
        "500ms, PT0.5S",
        "' 7 d ', PT168H",
    })
    void acceptedForms(String text, String expected) {
        assertThat(DurationParser.parse(text)).contains(Duration.parse(expected));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "forever", "30", "30 days", "d", "-5m", "0s", "PT0S", "-P1D", "1.5h", "P", "1w"})
    void rejectedForms(String text) {
        assertThat(DurationParser.parse(text)).isEmpty();
    }
}
