package dev.beacon.report;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads a report body's fields as leniently as browsers write them: a field may be missing, a number
 * may arrive as a string ({@code "lineNumber": "12"}), and the legacy CSP format names fields in
 * kebab-case. Each reader takes the field's names in order of preference and answers the first that
 * is present; a value of the wrong kind reads as absent, never as an error.
 */
final class ReportFields {

    private static final BigDecimal LONG_RANGE = BigDecimal.valueOf(Long.MAX_VALUE);

    private final JsonObject body;

    ReportFields(JsonObject body) {
        this.body = body;
    }

    Optional<String> string(String... names) {
        JsonValue value = first(names);
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        if (value instanceof JsonNumber || value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return Optional.of(value.toString());
        }
        return Optional.empty();
    }

    OptionalLong integer(String... names) {
        JsonValue value = first(names);
        try {
            if (value instanceof JsonNumber number) {
                BigDecimal decimal = number.bigDecimalValue();
                // Compared first: longValue() of 1e999999999 would build a billion-digit integer.
                return decimal.abs().compareTo(LONG_RANGE) > 0 ? OptionalLong.empty() : OptionalLong.of(decimal.longValue());
            }
            if (value instanceof JsonString string) {
                return OptionalLong.of(Long.parseLong(string.getString().strip()));
            }
        } catch (NumberFormatException notAnInteger) {
            // a line number of "abc": absent, as the class promises
        }
        return OptionalLong.empty();
    }

    OptionalDouble decimal(String... names) {
        JsonValue value = first(names);
        try {
            if (value instanceof JsonNumber number) {
                return OptionalDouble.of(number.doubleValue());
            }
            if (value instanceof JsonString string) {
                return OptionalDouble.of(Double.parseDouble(string.getString().strip()));
            }
        } catch (NumberFormatException notANumber) {
            // absent, as the class promises
        }
        return OptionalDouble.empty();
    }

    Optional<Boolean> bool(String... names) {
        JsonValue value = first(names);
        if (value == JsonValue.TRUE || value instanceof JsonString string && string.getString().strip().equalsIgnoreCase("true")) {
            return Optional.of(true);
        }
        if (value == JsonValue.FALSE || value instanceof JsonString string && string.getString().strip().equalsIgnoreCase("false")) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    private JsonValue first(String... names) {
        for (String name : names) {
            JsonValue value = body.get(name);
            if (value != null && value != JsonValue.NULL) {
                return value;
            }
        }
        return null;
    }
}
