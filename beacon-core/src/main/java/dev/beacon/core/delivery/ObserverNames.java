package dev.beacon.core.delivery;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which observer method threw, read from the failure's own stack: CDI's {@code ObserverMethod} names the bean's class
 * but not the method, and an asynchronous observer's failure reaches the library without either.
 */
final class ObserverNames {

    private ObserverNames() {
    }

    /**
     * @param failure what an observer threw
     * @param observerClasses the classes of the observers that may have thrown it
     * @return {@code com.shop.Analytics#onBeacon}: the outermost frame of one of those classes, the observer method
     *         itself rather than a helper it called; empty when none of them is on the stack
     */
    static Optional<String> whoThrew(Throwable failure, List<Class<?>> observerClasses) {
        StackTraceElement outermost = null;
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (observerClasses.stream().anyMatch(type -> type.getName().equals(frame.getClassName()))) {
                outermost = frame;
            }
        }
        return Optional.ofNullable(outermost).map(frame -> frame.getClassName() + "#" + frame.getMethodName());
    }

    /**
     * @param failure what an asynchronous observer threw, which reaches the library without naming it
     * @param observerClasses the classes of the asynchronous observers that may have thrown it, each once
     * @return the observer that threw it, as {@link #whoThrew} finds it; when the failure was made elsewhere and none
     *         of them is on its stack, the class of each observer that may have thrown it
     */
    static String ofAsynchronous(Throwable failure, List<Class<?>> observerClasses) {
        return whoThrew(failure, observerClasses).map(method -> "Beacon observer " + method).orElseGet(() -> observerClasses.size() == 1
                ? "Beacon observer " + observerClasses.get(0).getName()
                : "One of the asynchronous beacon observers " + observerClasses.stream().map(Class::getName).sorted()
                        .collect(Collectors.joining(", ")));
    }
}
