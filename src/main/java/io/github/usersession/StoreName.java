package io.github.usersession;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Names a {@link SessionStore} bean, for {@code usersession.store=<name>}.
 *
 * <p>Unlike {@code @Named}, this name is not visible in Expression Language, so a store cannot
 * clash with names that views use (Jakarta Faces defines {@code cookie}, for example). A store
 * bean with {@code @Named} is accepted too.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface StoreName {

    /** The store's name, as {@code usersession.store} refers to it. */
    String value();

    /** An instance of the qualifier, for programmatic lookup. */
    final class Literal extends AnnotationLiteral<StoreName> implements StoreName {

        private static final long serialVersionUID = 1L;

        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        public static Literal of(String value) {
            return new Literal(value);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
