package dev.beacon.core.cdi;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * JSON-B's annotations on an application's class, looked up by name: they are the application's, loaded by its class
 * loader, and the library must not fail where JSON-B is absent.
 */
final class JsonbAnnotations {

    private static final String PACKAGE = "jakarta.json.bind.annotation.";

    private JsonbAnnotations() {
    }

    /**
     * @param element a class, a member or a parameter
     * @param simpleName the annotation's simple name, e.g. {@code JsonbCreator}
     * @return whether JSON-B's annotation of that name is on it
     */
    static boolean isPresent(AnnotatedElement element, String simpleName) {
        for (Annotation present : element.getAnnotations()) {
            if (present.annotationType().getName().equals(PACKAGE + simpleName)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param type an application's class
     * @return whether one of its constructors or static factories is its {@code @JsonbCreator}
     */
    static boolean hasCreator(Class<?> type) {
        return Stream.concat(Arrays.stream(type.getDeclaredConstructors()), Arrays.stream(type.getDeclaredMethods()))
                .map(Executable.class::cast)
                .anyMatch(creator -> isPresent(creator, "JsonbCreator"));
    }
}
