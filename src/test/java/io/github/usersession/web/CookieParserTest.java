package io.github.usersession.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CookieParserTest {

    static CookieParser.SessionCookies read(String... headers) {
        return CookieParser.read(List.of(headers), "app_session");
    }

    @Test
    void valuesKeepOrderAcrossHeaders() {
        assertThat(read("a=1; app_session=first; b=2", "app_session=second").candidates())
                .containsExactly("first", "second");
    }

    @Test
    void valuesAreUnquotedAndEmptyOnesSkipped() {
        assertThat(read("app_session=\"quoted\"; app_session=; app_session", "xapp_session=other").candidates())
                .containsExactly("quoted");
    }

    @Test
    void valueMayContainEquals() {
        assertThat(read("app_session=ab==").candidates()).containsExactly("ab==");
    }

    @Test
    void floodOfPairsIsCut() {
        String header = "x=1; ".repeat(CookieParser.MAX_PAIRS) + "app_session=late";

        assertThat(read(header).candidates()).isEmpty();
    }

    @Test
    void chunksAreJoinedInIndexOrder() {
        CookieParser.SessionCookies cookies = read("app_session.2=CC; app_session=AA; app_session.1=BB");

        assertThat(cookies.candidates()).containsExactly("AABBCC");
        assertThat(cookies.chunksSent()).isEqualTo(2);
    }

    @Test
    void joiningStopsAtFirstMissingChunk() {
        CookieParser.SessionCookies cookies = read("app_session=AA; app_session.1=BB; app_session.3=DD");

        assertThat(cookies.candidates()).containsExactly("AABB");
        assertThat(cookies.chunksSent()).isEqualTo(3);
    }

    @Test
    void onlyFirstValueGetsTheChunks() {
        CookieParser.SessionCookies cookies = read("app_session=AA; app_session=XX; app_session.1=BB; app_session.1=YY");

        assertThat(cookies.candidates()).containsExactly("AABB", "XX");
    }

    @Test
    void malformedChunkNamesAreIgnored() {
        CookieParser.SessionCookies cookies = read(
                "app_session=AA; app_session.=B; app_session.01=C; app_session.x=D; app_session.99=E; app_session.-1=F");

        assertThat(cookies.candidates()).containsExactly("AA");
        assertThat(cookies.chunksSent()).isZero();
    }
}
