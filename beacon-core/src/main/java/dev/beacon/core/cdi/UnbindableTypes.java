package dev.beacon.core.cdi;

import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Optional;

/**
 * Why a beacon's body could never be bound to a type an observer asks for at an endpoint: the library binds a JSON
 * body, with JSON-B, to a class with the body's properties, a record or a bean, and fires nothing else.
 */
final class UnbindableTypes {

    private UnbindableTypes() {
    }

    /**
     * @param observed the type an observer of an endpoint observes, other than {@code Beacon}, a report or {@code Object}
     * @return why no beacon can be bound to it; empty when one can
     */
    static Optional<String> whyNot(Type observed) {
        if (!(observed instanceof Class<?> type)) {
            return Optional.of("the library fires the application's own classes, never a parameterized type such as " + observed.getTypeName());
        }
        if (type.isPrimitive() || type.isArray() || type.isEnum() || type.getName().startsWith("java.")
                || type.getName().startsWith("jakarta.json.")) {
            return Optional.of("it binds a JSON body to a class of the application's with the body's properties, not to a "
                    + type.getSimpleName());
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return Optional.of("JSON-B cannot construct an interface or an abstract class");
        }
        if (type.isRecord()) {
            return Optional.empty();
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            return Optional.of("JSON-B cannot construct an inner class without its outer instance; make it static");
        }
        if (hasNoArgumentConstructor(type) || JsonbAnnotations.hasCreator(type)) {
            return Optional.empty();
        }
        return Optional.of("JSON-B cannot construct " + type.getSimpleName()
                + ": it has neither a constructor without arguments nor one marked @JsonbCreator");
    }

    private static boolean hasNoArgumentConstructor(Class<?> type) {
        return Arrays.stream(type.getDeclaredConstructors()).anyMatch(constructor -> constructor.getParameterCount() == 0);
    }
}
