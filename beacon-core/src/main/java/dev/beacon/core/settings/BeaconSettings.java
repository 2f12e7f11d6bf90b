package dev.beacon.core.settings;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where a setting is looked up: the application's own source first (the beacon filter's init
 * parameters when the application declares it, then context parameters), then MicroProfile Config
 * when the server has it, then system properties. It also lists the names set under a prefix, so that a module
 * whose settings pass through to another library's (such as {@code beacon.kafka.producer.*}) can refuse a name that
 * library does not know, instead of ignoring a misspelt one.
 * <p>
 * MicroProfile Config is reached by reflection because it is not a Jakarta EE API: a compile-time
 * dependency would add a jar to every user's WAR, while Payara and WildFly both ship it.
 */
public final class BeaconSettings {

    private static final Logger LOGGER = Logger.getLogger(BeaconSettings.class.getName());

    private final Function<String, String> values;
    private final Supplier<Collection<String>> names;

    private BeaconSettings(Function<String, String> values, Supplier<Collection<String>> names) {
        this.values = values;
        this.names = names;
    }

    /**
     * @param own the application's own source, returning {@code null} for an unset name
     * @param ownNames the names the application's own source sets
     * @return the layered lookup
     */
    public static BeaconSettings layered(Function<String, String> own, Supplier<Collection<String>> ownNames) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Optional<Object> microProfile = microProfileConfig(loader);
        return new BeaconSettings(name -> {
            String value = own.apply(name);
            if (value == null) {
                value = microProfile.map(config -> microProfileValue(config, name)).orElse(null);
            }
            return value != null ? value : System.getProperty(name);
        }, () -> {
            Set<String> all = new TreeSet<>(ownNames.get());
            microProfile.ifPresent(config -> all.addAll(microProfileNames(config)));
            all.addAll(System.getProperties().stringPropertyNames());
            return all;
        });
    }

    /**
     * @param values the settings, by name
     * @return settings that hold those values, and no others
     */
    public static BeaconSettings of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new BeaconSettings(copy::get, copy::keySet);
    }

    /**
     * @param name a setting's name
     * @return its value, {@code null} when it is not set
     */
    public String value(String name) {
        return values.apply(name);
    }

    /**
     * @param prefix the start of the names, e.g. {@code beacon.kafka.producer.}
     * @return the names set in any source that start with it, in order
     */
    public Set<String> namesStartingWith(String prefix) {
        Set<String> matching = new TreeSet<>();
        for (String name : names.get()) {
            if (name.startsWith(prefix)) {
                matching.add(name);
            }
        }
        return matching;
    }

    /**
     * Refuses the names set under the prefix that are not known, naming the known one nearest to each: a misspelt
     * setting would otherwise be ignored, and what it meant to change stay as it was.
     *
     * @param prefix the start of the names to check, e.g. {@code beacon.kafka.producer.}
     * @param known whether a name is one that is read
     * @param names the names that are read, the nearest of which is suggested
     * @param kind what such a name is, e.g. {@code a Kafka producer setting}
     * @throws IllegalArgumentException naming every unknown name, each with the nearest known one
     */
    public void refuseUnknown(String prefix, Predicate<String> known, Collection<String> names, String kind) {
        List<String> unknown = unknown(prefix, known, names, kind);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", unknown));
        }
    }

    /**
     * @return what is wrong with each name set under the prefix that is not known, in order, each naming the known one
     *         nearest to it; empty when every name is known
     * @see #refuseUnknown
     */
    public List<String> unknown(String prefix, Predicate<String> known, Collection<String> names, String kind) {
        List<String> unknown = new ArrayList<>();
        for (String name : namesStartingWith(prefix)) {
            if (!known.test(name)) {
                unknown.add(name + " is set, but is not " + kind + nearestOf(name, names)
                        .map(nearest -> ": did you mean " + nearest + "?").orElse("."));
            }
        }
        return unknown;
    }

    /** The name fewest single-character edits away, if it is near enough to be what was meant. */
    private static Optional<String> nearestOf(String name, Collection<String> names) {
        String nearest = null;
        int fewest = Integer.MAX_VALUE;
        for (String candidate : names) {
            int edits = editsBetween(name, candidate);
            if (edits < fewest) {
                fewest = edits;
                nearest = candidate;
            }
        }
        return fewest <= Math.max(2, name.length() / 4) ? Optional.ofNullable(nearest) : Optional.empty();
    }

    /** Levenshtein's distance, in two rows. */
    private static int editsBetween(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Optional<Object> microProfileConfig(ClassLoader loader) {
        try {
            Class<?> provider = Class.forName("org.eclipse.microprofile.config.ConfigProvider", true, loader);
            return Optional.of(provider.getMethod("getConfig", ClassLoader.class).invoke(null, loader));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOGGER.log(Level.FINE, "MicroProfile Config is present but unusable; using system properties", e);
            return Optional.empty();
        }
    }

    private static String microProfileValue(Object config, String name) {
        try {
            Method optionalValue = config.getClass().getMethod("getOptionalValue", String.class, Class.class);
            return ((Optional<?>) optionalValue.invoke(config, name, String.class)).map(String::valueOf).orElse(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOGGER.log(Level.FINE, e, () -> "MicroProfile Config could not read " + name);
            return null;
        }
    }

    private static Collection<String> microProfileNames(Object config) {
        try {
            Set<String> names = new TreeSet<>();
            for (Object name : (Iterable<?>) config.getClass().getMethod("getPropertyNames").invoke(config)) {
                names.add(String.valueOf(name));
            }
            return names;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOGGER.log(Level.FINE, "MicroProfile Config could not list its names", e);
            return Set.of();
        }
    }
}
