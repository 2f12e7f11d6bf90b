package dev.beacon.intake;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where a setting is looked up: the application's own source first (the beacon filter's init
 * parameters when the application declares it, then context parameters), then MicroProfile Config
 * when the server has it, then system properties.
 * <p>
 * MicroProfile Config is reached by reflection because it is not a Jakarta EE API: a compile-time
 * dependency would add a jar to every user's WAR, while Payara and WildFly both ship it.
 */
final class BeaconSettings {

    private static final Logger LOGGER = Logger.getLogger(BeaconSettings.class.getName());

    private BeaconSettings() {
    }

    /**
     * @param own the application's own source, returning {@code null} for an unset name
     * @return the layered lookup
     */
    static Function<String, String> layered(Function<String, String> own) {
        Function<String, String> microProfile = microProfileConfig();
        return name -> {
            String value = own.apply(name);
            if (value == null) {
                value = microProfile.apply(name);
            }
            return value != null ? value : System.getProperty(name);
        };
    }

    private static Function<String, String> microProfileConfig() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class<?> provider = Class.forName("org.eclipse.microprofile.config.ConfigProvider", true, loader);
            Object config = provider.getMethod("getConfig", ClassLoader.class).invoke(null, loader);
            Method optionalValue = config.getClass().getMethod("getOptionalValue", String.class, Class.class);
            return name -> {
                try {
                    return ((Optional<?>) optionalValue.invoke(config, name, String.class)).map(String::valueOf).orElse(null);
                } catch (ReflectiveOperationException e) {
                    LOGGER.log(Level.FINE, e, () -> "MicroProfile Config could not read " + name);
                    return null;
                }
            };
        } catch (ClassNotFoundException e) {
            return name -> null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOGGER.log(Level.FINE, "MicroProfile Config is present but unusable; using system properties", e);
            return name -> null;
        }
    }
}
