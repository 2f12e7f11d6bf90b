package dev.beacon.it.browser;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Java values to WebDriver BiDi's {@code LocalValue}, and its {@code RemoteValue} back to the Java
 * values WebDriver's {@code executeScript} returns, so that a test reads the same in every browser.
 */
final class RemoteValues {

    private RemoteValues() {
    }

    /** @param value a {@link String}, {@link Number}, {@link Boolean} or {@code null} */
    static JsonObject local(Object value) {
        if (value == null) {
            return Json.createObjectBuilder().add("type", "null").build();
        }
        if (value instanceof String string) {
            return Json.createObjectBuilder().add("type", "string").add("value", string).build();
        }
        if (value instanceof Boolean bool) {
            return Json.createObjectBuilder().add("type", "boolean").add("value", bool).build();
        }
        if (value instanceof Number number) {
            return Json.createObjectBuilder().add("type", "number").add("value", new BigDecimal(number.toString())).build();
        }
        throw new IllegalArgumentException("Cannot pass a " + value.getClass().getName() + " to a page's script");
    }

    /**
     * @return {@code null}, a {@link String}, {@link Boolean}, {@link Long} for whole numbers, {@link Double},
     *         {@link BigInteger} for a {@code BigInt}, a {@link List} or a {@link Map}; for a DOM node or any
     *         other object without a value, the remote value itself
     */
    static Object java(JsonObject remote) {
        String type = remote.getString("type");
        return switch (type) {
            case "undefined", "null" -> null;
            case "string" -> remote.getString("value");
            case "boolean" -> remote.getBoolean("value");
            case "number" -> number(remote.get("value"));
            case "bigint" -> new BigInteger(remote.getString("value"));
            case "array", "set" -> list(remote.getJsonArray("value"));
            case "object", "map" -> map(remote.getJsonArray("value"));
            default -> remote;
        };
    }

    private static Object number(JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.STRING) { // NaN, -0, Infinity, -Infinity
            String special = ((JsonString) value).getString();
            return "-0".equals(special) ? -0.0 : Double.valueOf(special);
        }
        BigDecimal decimal = ((JsonNumber) value).bigDecimalValue();
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException notWhole) {
            return decimal.doubleValue();
        }
    }

    private static List<Object> list(JsonArray values) {
        List<Object> list = new ArrayList<>();
        values.forEach(value -> list.add(java(value.asJsonObject())));
        return list;
    }

    private static Map<String, Object> map(JsonArray entries) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonValue entry : entries) {
            JsonArray pair = entry.asJsonArray();
            JsonValue key = pair.get(0);
            String name = key.getValueType() == JsonValue.ValueType.STRING
                    ? ((JsonString) key).getString() : String.valueOf(java(key.asJsonObject()));
            map.put(name, java(pair.getJsonObject(1)));
        }
        return map;
    }
}
