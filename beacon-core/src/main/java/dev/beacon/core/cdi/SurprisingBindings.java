package dev.beacon.core.cdi;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a class that beacons can be bound to would still surprise: fields JSON-B never sets, because they are not
 * public (or are final) and have no public setter. Strict binding accepts a body's property by the field's name, so
 * every beacon would arrive with that field empty and nothing would say why. Records, and classes that bind through a
 * {@code @JsonbCreator} or choose their own {@code @JsonbVisibility}, set what they declare.
 */
final class SurprisingBindings {

    private SurprisingBindings() {
    }

    /**
     * @param type an application's class that an observer of an endpoint receives beacons as
     * @return what would surprise, and the fix; empty when JSON-B sets every field the class declares
     */
    static Optional<String> of(Class<?> type) {
        if (type.isRecord() || JsonbAnnotations.isPresent(type, "JsonbVisibility") || JsonbAnnotations.hasCreator(type)) {
            return Optional.empty();
        }
        List<String> neverSet = new ArrayList<>();
        for (Class<?> declaring = type; declaring != null && declaring != Object.class; declaring = declaring.getSuperclass()) {
            for (Field field : declaring.getDeclaredFields()) {
                if (isProperty(field) && !isSettable(field, type)) {
                    neverSet.add("'" + field.getName() + "'");
                }
            }
        }
        if (neverSet.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(type.getName() + " has field(s) " + String.join(", ", neverSet) + " that JSON-B never sets: they are"
                + " private or final, with no public setter, so every beacon would reach observers with them empty. Make "
                + type.getSimpleName() + " a record, or give those fields public setters.");
    }

    private static boolean isProperty(Field field) {
        int modifiers = field.getModifiers();
        return !Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic() && !JsonbAnnotations.isPresent(field, "JsonbTransient");
    }

    private static boolean isSettable(Field field, Class<?> type) {
        int modifiers = field.getModifiers();
        if (Modifier.isPublic(modifiers) && !Modifier.isFinal(modifiers)) {
            return true;
        }
        String setter = "set" + Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
        for (Method method : type.getMethods()) {
            if (method.getName().equals(setter) && method.getParameterCount() == 1 && !Modifier.isStatic(method.getModifiers())) {
                return true;
            }
        }
        return false;
    }
}
