package io.github.usersession.demo;

import java.util.ArrayList;
import java.util.List;

/** A shopping cart, kept in the session as JSON through {@code putObject}. */
public record Cart(List<String> items) {

    public Cart {
        items = List.copyOf(items);
    }

    static Cart empty() {
        return new Cart(List.of());
    }

    Cart with(String item) {
        List<String> more = new ArrayList<>(items);
        more.add(item);
        return new Cart(more);
    }
}
