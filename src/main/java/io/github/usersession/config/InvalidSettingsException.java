package io.github.usersession.config;

import java.util.List;

/** Thrown when one or more {@code usersession.*} keys are invalid; carries one message per problem. */
public final class InvalidSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidSettingsException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** One message per invalid key, each with its code, the key, the value and the fix. */
    public List<String> problems() {
        return problems;
    }
}
