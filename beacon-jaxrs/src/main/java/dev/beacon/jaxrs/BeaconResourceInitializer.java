package dev.beacon.jaxrs;

import dev.beacon.core.runtime.BeaconRuntime;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;

/**
 * Reads and validates the application's beacon settings when it starts, so that an invalid value
 * fails the deployment, naming the setting, rather than every beacon the resource would receive; and serves the
 * console where the settings turn it on.
 */
public class BeaconResourceInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        BeaconRuntime.of(context).serveConsole(context);
    }
}
