package dev.beacon.bench;

import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The little of a {@link ServletContext} that the library asks of an application starting: its attributes, its
 * context parameters (the library's settings) and context path; and, declared by no one, no filter of the library's name. Enough for
 * {@code BeaconRuntime.of}, the entry point both of the library's doors go through, to build the application's
 * intake as a server would.
 */
final class ApplicationContext {

    private ApplicationContext() {
    }

    static ServletContext started() {
        return started(Map.of());
    }

    /**
     * @param settings the application's context parameters
     * @return the application, started
     */
    static ServletContext started(Map<String, String> settings) {
        Map<String, Object> attributes = new ConcurrentHashMap<>();
        return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(), new Class<?>[] {ServletContext.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) arguments[0]);
                    case "setAttribute" -> attributes.put((String) arguments[0], arguments[1]);
                    case "getInitParameterNames" -> Collections.enumeration(settings.keySet());
                    case "getInitParameter" -> settings.get((String) arguments[0]);
                    case "getFilterRegistration" -> null;
                    case "getContextPath" -> "/bench";
                    case "addListener" -> throw new IllegalStateException("started already: the first beacon finds the container");
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    case "toString" -> "the benchmark's application";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
