package io.github.usersession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlashTest {

    @Test
    void pagePathIsNormalized() {
        assertThat(Flash.of("x").forPage("cart").page()).isEqualTo("/cart");
        assertThat(Flash.of("x").forPage("/cart/").page()).isEqualTo("/cart");
        assertThat(Flash.of("x").forPage("/").page()).isEqualTo("/");
        assertThat(Flash.of("x").page()).isEmpty();
    }

    @Test
    void flashIsForItsPageOnly() {
        Flash cart = Flash.of("x").forPage("/cart");

        assertThat(cart.isFor("/cart")).isTrue();
        assertThat(cart.isFor("/cart/")).isTrue();
        assertThat(cart.isFor("/carts")).isFalse();
        assertThat(cart.isFor("/")).isFalse();
        assertThat(Flash.of("x").isFor("/anything")).isTrue();
    }

    @Test
    void invalidPagesAreRejected() {
        assertThatThrownBy(() -> Flash.of("x").forPage("/cart?x=1"))
                .hasMessage("page must be a path without query string or fragment: /cart?x=1");
        assertThatThrownBy(() -> Flash.of("x").forPage("/cart#top"))
                .hasMessage("page must be a path without query string or fragment: /cart#top");
        assertThatThrownBy(() -> Flash.of("x").forPage(""))
                .hasMessage("path must not be empty; use a flash without forPage for any page");
        assertThatThrownBy(() -> Flash.of("x").forPage("/" + "a".repeat(255)))
                .hasMessage("page must have at most 255 characters: 256 characters given");
    }
}
