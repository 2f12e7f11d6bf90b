package dev.beacon;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JSON properties an application's class declares for JSON-B to set, by name, with the type each is read as: its
 * record components, fields and setters, and the parameters of its {@code @JsonbCreator}, under the name
 * {@link JsonbProperty} gives them. Learnt once per class.
 *
 * @param byName the type of each property, by its JSON name
 * @param readByItself whether the class, through its own adapter or deserializer, reads its JSON itself: then its
 *        properties are its business
 */
record DeclaredProperties(Map<String, Type> byName, boolean readByItself) {

    private static final ClassValue<DeclaredProperties> OF = new ClassValue<>() {
        @Override
        protected DeclaredProperties computeValue(Class<?> type) {
            return learn(type);
        }
    };

    /**
     * @param type an application's class
     * @return what JSON-B can set on it; a property read by an adapter of the application's has the type {@code Object}
     */
    static DeclaredProperties of(Class<?> type) {
        return OF.get(type);
    }

    /** Whether JSON-B hands the JSON of a class or property to an adapter or deserializer of the application's. */
    private static boolean readByItself(AnnotatedElement element) {
        return element.isAnnotationPresent(JsonbTypeAdapter.class) || element.isAnnotationPresent(JsonbTypeDeserializer.class);
    }

    private static DeclaredProperties learn(Class<?> type) {
        Map<String, Type> byName = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                byName.put(nameOf(component.getAccessor(), component.getName()), typeOf(component.getAccessor(), component.getGenericType()));
            }
        }
        for (Class<?> declaring = type; declaring != null && declaring != Object.class; declaring = declaring.getSuperclass()) {
            for (Field field : declaring.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                    byName.putIfAbsent(nameOf(field, field.getName()), typeOf(field, field.getGenericType()));
                }
            }
        }
        for (Method method : type.getMethods()) {
            if (isSetter(method)) {
                byName.putIfAbsent(nameOf(method, decapitalize(method.getName().substring(3))), typeOf(method, method.getGenericParameterTypes()[0]));
            }
        }
        creatorOf(type).ifPresent(creator -> {
            for (Parameter parameter : creator.getParameters()) {
                byName.putIfAbsent(nameOf(parameter, parameter.getName()), typeOf(parameter, parameter.getParameterizedType()));
            }
        });
        return new DeclaredProperties(Collections.unmodifiableMap(byName), readByItself(type)); // in the order the class declares them
    }

    /** A property read by the application's own adapter may hold any JSON: {@code Object} says so. */
    private static Type typeOf(AnnotatedElement property, Type declared) {
        return readByItself(property) ? Object.class : declared;
    }

    private static boolean isSetter(Method method) {
        return method.getName().length() > 3 && method.getName().startsWith("set") && method.getParameterCount() == 1
                && !Modifier.isStatic(method.getModifiers());
    }

    private static Optional<Executable> creatorOf(Class<?> type) {
        return Stream.concat(Stream.of(type.getDeclaredConstructors()), Stream.of(type.getDeclaredMethods()))
                .filter(executable -> executable.isAnnotationPresent(JsonbCreator.class))
                .map(Executable.class::cast)
                .findFirst();
    }

    private static String nameOf(AnnotatedElement element, String javaName) {
        JsonbProperty property = element.getAnnotation(JsonbProperty.class);
        return property == null || property.value().isEmpty() ? javaName : property.value();
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
