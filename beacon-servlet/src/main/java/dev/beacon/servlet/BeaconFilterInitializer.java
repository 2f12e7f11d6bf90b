package dev.beacon.servlet;

import dev.beacon.core.exchange.BeaconPaths;
import dev.beacon.core.runtime.BeaconRuntime;
import dev.beacon.core.settings.BeaconConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Registers the {@link BeaconFilter} when the application starts, ahead of the filters the
 * application declares: a {@code web-fragment.xml} filter would always run after them, and an
 * application's login or CSRF filter on {@code /*} would turn beacons away before we saw them.
 * <p>
 * Does nothing when {@code beacon.enabled} is {@code false}, or when the application declares a
 * filter named {@value BeaconFilter#NAME} itself (its declaration, and its mapping, win).
 * The application's settings are read and validated here, so a bad value fails the deployment instead
 * of every beacon; and the console is served where they turn it on.
 */
public class BeaconFilterInitializer implements ServletContainerInitializer {

    private static final Logger LOGGER = Logger.getLogger(BeaconFilterInitializer.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        BeaconRuntime runtime = BeaconRuntime.of(context);
        BeaconConfig config = runtime.config();
        if (!config.enabled()) {
            LOGGER.info(() -> "Beacon filter switched off by " + BeaconConfig.ENABLED + "=false in " + context.getContextPath());
            return;
        }
        runtime.serveConsole(context);
        FilterRegistration.Dynamic registration = context.addFilter(BeaconFilter.NAME, BeaconFilter.class);
        if (registration == null) {
            LOGGER.info(() -> "The application declares a filter named '" + BeaconFilter.NAME + "'; its declaration is used");
            return;
        }
        registration.setAsyncSupported(true);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false,
                new BeaconPaths(config.paths()).urlPatterns().toArray(String[]::new));
    }
}
