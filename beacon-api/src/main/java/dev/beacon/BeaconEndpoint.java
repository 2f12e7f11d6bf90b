package dev.beacon;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * Routes an observer to the beacons of one endpoint.
 * <p>
 * A beacon posted to {@code /beacon/csp} belongs to endpoint {@code csp}; one posted to
 * {@code /beacon} belongs to endpoint {@value #DEFAULT}. Every beacon is fired with this qualifier,
 * so observers without it receive all beacons and observers with it receive only their endpoint's:
 * <pre>{@code
 * void onEveryBeacon(@Observes Beacon beacon) { ... }
 * void onCspReport(@ObservesAsync @BeaconEndpoint("csp") Beacon report) { ... }
 * }</pre>
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({PARAMETER, FIELD, METHOD, TYPE})
public @interface BeaconEndpoint {

    /**
     * The endpoint name of beacons posted to the bare beacon path, e.g. {@code /beacon}.
     */
    String DEFAULT = "default";

    /**
     * @return the endpoint name: the last segment of the beacon path, or {@value #DEFAULT}
     */
    String value();

    /**
     * A {@link BeaconEndpoint} instance, for {@code Event.select(...)} or {@code Instance.select(...)}.
     */
    final class Literal extends AnnotationLiteral<BeaconEndpoint> implements BeaconEndpoint {

        private static final long serialVersionUID = 1L;

        /** The endpoint name. */
        private final String value;

        private Literal(String value) {
            this.value = Objects.requireNonNull(value, "value");
        }

        /**
         * @param endpoint the endpoint name
         * @return the qualifier for that endpoint
         */
        public static Literal of(String endpoint) {
            return new Literal(endpoint);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
