package io.github.usersession.demo;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The demo's JAX-RS application; it lists no classes, so the library's filters are found by scanning. */
@ApplicationPath("app")
public class DemoApplication extends Application {
}
