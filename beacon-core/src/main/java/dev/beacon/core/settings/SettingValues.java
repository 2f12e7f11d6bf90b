package dev.beacon.core.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Settings read as the values they stand for: a blank or missing setting takes its default, and a value out of range
 * is refused with {@link IllegalArgumentException}, its message made of the error template given, filled with the
 * setting's name and the value seen ({@code %s} twice, in that order). Every module's settings are read through it.
 */
public final class SettingValues {

    private static final String ERROR_BOOLEAN = "The '%s' setting must be 'true' or 'false'; got '%s'.";

    private final Function<String, String> settings;

    /**
     * @param settings gives a setting's value by name, or {@code null} when it is not set
     */
    public SettingValues(Function<String, String> settings) {
        this.settings = settings;
    }

    /**
     * @return the value as set, {@code null} when it is not
     */
    public String value(String name) {
        return settings.apply(name);
    }

    /**
     * @return {@code true} or {@code false}, in any case; {@code fallback} when not set
     */
    public boolean bool(String name, boolean fallback) {
        String value = settings.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(String.format(ERROR_BOOLEAN, name, value));
        };
    }

    /**
     * @param byDefault the value, in any case, that is also taken when the setting is not set
     * @param other the one other value allowed, in any case
     * @return whether the setting is {@code other}
     */
    public boolean either(String name, String byDefault, String other) {
        String value = settings.apply(name);
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase(byDefault)) {
            return false;
        }
        if (value.strip().equalsIgnoreCase(other)) {
            return true;
        }
        throw new IllegalArgumentException(String.format("The '%s' setting must be '%s' or '%s'; got '%s'.", name, byDefault, other, value));
    }

    /**
     * @return a whole number from {@code min} to {@code max}; {@code fallback} when not set
     */
    public long number(String name, long fallback, long min, long max, String error) {
        String value = settings.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below, with what is allowed
        }
        throw new IllegalArgumentException(String.format(error, name, value));
    }

    /**
     * @return a number, not necessarily whole, from {@code 0} to {@code max}; {@code fallback} when not set
     */
    public double decimal(String name, double fallback, double max, String error) {
        String value = settings.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            double number = Double.parseDouble(value.strip());
            if (number >= 0 && number <= max) { // NaN fails both
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below, with what is allowed
        }
        throw new IllegalArgumentException(String.format(error, name, value));
    }

    /**
     * @param fallback the comma-separated list taken when not set; when it is not empty, an empty list is refused
     * @param valid what each item must be
     * @return the comma-separated items, stripped
     */
    public List<String> list(String name, String fallback, String error, Predicate<String> valid) {
        String value = settings.apply(name);
        String effective = value == null ? fallback : value;
        List<String> items = Arrays.stream(effective.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
        if (items.isEmpty() && !fallback.isEmpty() || !items.stream().allMatch(valid)) {
            throw new IllegalArgumentException(String.format(error, name, value));
        }
        return items;
    }
}
