package io.github.usersession.bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The benchmark's JAX-RS application. It lists no classes, so that usersession's filters are
 * found by scanning, as in an application that uses the library.
 */
@ApplicationPath("api")
public class BenchApplication extends Application {
}
