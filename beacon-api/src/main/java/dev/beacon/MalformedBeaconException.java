package dev.beacon;

/**
 * Thrown by an accessor of {@link Beacon} when the body cannot be read as the accessor asks: a
 * {@code multipart/form-data} body without a boundary or with a truncated part, invalid
 * percent-encoding in a form, a JSON body that does not parse, or a charset the JVM does not know.
 * <p>
 * The body bytes themselves ({@link Beacon#body()}) are always available, so an observer that
 * catches this exception can still keep or log what arrived:
 * <pre>{@code
 * void onBeacon(@Observes Beacon beacon) {
 *     try {
 *         beacon.json().ifPresent(this::store);
 *     } catch (MalformedBeaconException e) {
 *         quarantine(beacon.body(), e.getMessage());
 *     }
 * }
 * }</pre>
 */
public class MalformedBeaconException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong with the body, in one line
     */
    public MalformedBeaconException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong with the body, in one line
     * @param cause the parser's own exception
     */
    public MalformedBeaconException(String message, Throwable cause) {
        super(message, cause);
    }
}
