package dev.beacon.tomcat;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The application's Jakarta REST root, served by the Jersey it carries: the library's resource joins it. */
@ApplicationPath("/api")
public class ShopApplication extends Application {
}
