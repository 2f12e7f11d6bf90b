package dev.beacon;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Holds a body to the class it binds to, before JSON-B binds it: JSON-B alone skips a property the class does not
 * declare and cuts a number down to an integral property, so {@code {"metric":"LCP","val":1.5}} sent to
 * {@code WebVital(name, value, delta)} would be delivered as {@code name=null value=0.0}, and {@code "delta": 1.7} as
 * {@code 1}. Both are refused instead, naming the property, through nested objects of the application's classes and
 * arrays of them. What JSON-B reads into {@code Object}, a {@code Map}, a JSON-P type or through an application's
 * adapter is left as it is.
 */
final class StrictBinding {

    /** What a refusal quotes of a property's name or value: the client chose them, and the reason is one line. */
    private static final int MOST_QUOTED = 60;
    private static final String LENIENT = "set beacon.binding=lenient to bind as JSON-B alone does";

    private StrictBinding() {
    }

    /**
     * @param json the body's JSON, or its form fields as a JSON object
     * @param type the application's class it is to bind to
     * @throws MalformedBeaconException naming the first property the class does not declare, or the first number that
     *         its integral property cannot hold
     */
    static void check(JsonValue json, Class<?> type) {
        checkValue(json, type, "", type);
    }

    private static void checkValue(JsonValue value, Type declared, String path, Class<?> bound) {
        Type type = withoutOptional(declared);
        Class<?> raw = rawOf(type);
        switch (value.getValueType()) {
            case OBJECT -> {
                if (isApplicationClass(raw)) {
                    checkObject(value.asJsonObject(), raw, path, bound);
                }
            }
            case ARRAY -> {
                Type element = elementOf(type, raw);
                JsonArray array = value.asJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    checkValue(array.get(i), element, path + "[" + i + "]", bound);
                }
            }
            case NUMBER -> checkNumber((JsonNumber) value, raw, path, bound);
            default -> { }
        }
    }

    private static void checkObject(JsonObject object, Class<?> type, String path, Class<?> bound) {
        DeclaredProperties properties = DeclaredProperties.of(type);
        if (properties.readByItself()) {
            return;
        }
        for (Map.Entry<String, JsonValue> property : object.entrySet()) {
            String name = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
            Type declared = properties.byName().get(property.getKey());
            if (declared == null) {
                throw refusal(bound, "property " + quoted(name) + " is not one " + type.getSimpleName() + " declares ("
                        + String.join(", ", properties.byName().keySet()) + "); declare it, or " + LENIENT);
            }
            checkValue(property.getValue(), declared, name, bound);
        }
    }

    private static void checkNumber(JsonNumber number, Class<?> type, String path, Class<?> bound) {
        IntegralRange range = IntegralRange.OF.get(type);
        if (range != null && !range.holds(number.bigDecimalValue())) {
            throw refusal(bound, "property " + quoted(path) + " is " + quoted(number.toString()) + ", which " + type.getSimpleName()
                    + " cannot hold without loss; declare a type that can, or " + LENIENT);
        }
    }

    private static MalformedBeaconException refusal(Class<?> bound, String why) {
        return new MalformedBeaconException("Body not bindable to " + bound.getSimpleName() + ": " + why);
    }

    private static String quoted(String text) {
        return "'" + (text.length() > MOST_QUOTED ? text.substring(0, MOST_QUOTED) + "…" : text) + "'";
    }

    private static Type withoutOptional(Type type) {
        return rawOf(type) == Optional.class ? argumentOf(type) : type;
    }

    private static Type elementOf(Type type, Class<?> raw) {
        if (raw.isArray()) {
            return raw.getComponentType();
        }
        return Collection.class.isAssignableFrom(raw) ? argumentOf(type) : Object.class;
    }

    private static Type argumentOf(Type type) {
        return type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[0] : Object.class;
    }

    private static Class<?> rawOf(Type type) {
        if (type instanceof Class<?> raw) {
            return raw;
        }
        // A type variable or a wildcard says nothing JSON-B could hold a value to.
        return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : Object.class;
    }

    /** A class of the application's own, whose properties JSON-B sets one by one: not the JDK's, JSON-P's or an abstraction. */
    private static boolean isApplicationClass(Class<?> type) {
        String name = type.getName();
        return !type.isPrimitive() && !type.isArray() && !type.isInterface() && !type.isEnum() && !Modifier.isAbstract(type.getModifiers())
                && !name.startsWith("java.") && !name.startsWith("javax.") && !name.startsWith("jakarta.");
    }

    /**
     * The values an integral type holds without loss: whole numbers from {@code min} to {@code max}; no bound is
     * {@code null}, as for {@code BigInteger}, which holds every whole number.
     */
    private record IntegralRange(BigInteger min, BigInteger max) {

        static final Map<Class<?>, IntegralRange> OF = Map.of(
                byte.class, of(Byte.MIN_VALUE, Byte.MAX_VALUE), Byte.class, of(Byte.MIN_VALUE, Byte.MAX_VALUE),
                short.class, of(Short.MIN_VALUE, Short.MAX_VALUE), Short.class, of(Short.MIN_VALUE, Short.MAX_VALUE),
                int.class, of(Integer.MIN_VALUE, Integer.MAX_VALUE), Integer.class, of(Integer.MIN_VALUE, Integer.MAX_VALUE),
                long.class, of(Long.MIN_VALUE, Long.MAX_VALUE), Long.class, of(Long.MIN_VALUE, Long.MAX_VALUE),
                BigInteger.class, new IntegralRange(null, null));

        private static IntegralRange of(long min, long max) {
            return new IntegralRange(BigInteger.valueOf(min), BigInteger.valueOf(max));
        }

        boolean holds(BigDecimal number) {
            BigDecimal exact = number.stripTrailingZeros();
            if (exact.scale() > 0) {
                return false;
            }
            BigInteger whole = exact.toBigIntegerExact();
            return min == null || whole.compareTo(min) >= 0 && whole.compareTo(max) <= 0;
        }
    }
}
