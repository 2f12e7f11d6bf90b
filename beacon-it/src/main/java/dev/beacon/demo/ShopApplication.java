package dev.beacon.demo;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The application's own JAX-RS application. It lists no classes, so the runtime publishes every root
 * resource it finds, {@code BeaconResource} in {@code WEB-INF/lib/beacon-jaxrs.jar} included.
 */
@ApplicationPath("/api")
public class ShopApplication extends Application {
}
