package io.github.usersession.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForwardedProtoTest {

    @ParameterizedTest(name = "Forwarded: {0} / X-Forwarded-Proto: {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "for=192.0.2.60;proto=https;by=203.0.113.43|null|true",
        "for=192.0.2.60;PROTO=\"HTTPS\"|null|true",
        "proto=https, proto=http|null|true",
        "proto=http, proto=https|null|false",
        "for=192.0.2.60|null|false",
        "proto=http|https|false",
        "null|https|true",
        "null|HTTPS, http|true",
        "null|http, https|false",
        "null|null|false",
        "null|''|false",
        "null|httpsx|false",
    })
    void readsFirstEntryOnly(String forwarded, String xForwardedProto, boolean https) {
        assertThat(ForwardedProto.isHttps(forwarded, xForwardedProto)).isEqualTo(https);
    }
}
