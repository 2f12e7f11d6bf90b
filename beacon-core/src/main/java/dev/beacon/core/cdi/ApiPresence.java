package dev.beacon.core.cdi;

import java.util.logging.Logger;

/** Whether an optional API is on the application's class path: looked for, not linked. */
public final class ApiPresence {

    private static final Logger LOGGER = Logger.getLogger(ApiPresence.class.getName());

    private ApiPresence() {
    }

    /**
     * @param apiClass a class of the API, by name
     * @return whether it can be loaded; without it, the classes that use the API are never loaded
     */
    public static boolean isPresent(String apiClass) {
        try {
            Class.forName(apiClass, false, ApiPresence.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            LOGGER.fine(() -> "Not on this server, so not used: " + apiClass);
            return false;
        }
    }
}
