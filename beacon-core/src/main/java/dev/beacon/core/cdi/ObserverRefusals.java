package dev.beacon.core.cdi;

import dev.beacon.BeaconEndpoint;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.util.Optional;

/**
 * The observers of beacons, reports and typed payloads that the library cannot serve as the container would, each
 * refused at deployment with the reason and the fix, instead of notified with something the container would not give:
 * <ul>
 * <li>a transactional observer ({@code during = TransactionPhase.AFTER_SUCCESS}): beacons are delivered after their
 * {@code 204}, where no transaction is in progress, so CDI itself would notify it at once, never after a commit;</li>
 * <li>a synchronous observer that injects {@link EventMetadata}: the library notifies each synchronous observer on its
 * own, so that one observer's failure keeps no other from the beacon, and the container fills that metadata only
 * for the notifications it makes itself;</li>
 * <li>an observer of an endpoint whose type no beacon can be bound to ({@code String}, {@code Map<String, String>},
 * an interface, a class JSON-B cannot construct): it would never be notified, or turn every beacon to its endpoint
 * into a {@code 400} ({@link UnbindableTypes}).</li>
 * </ul>
 */
final class ObserverRefusals {

    private ObserverRefusals() {
    }

    /**
     * @param observer an observer of the library's events
     * @param method its method, {@code null} for an observer an extension added
     * @param endpoint the endpoint its {@link BeaconEndpoint} qualifier names; {@code null} when it names none
     * @return why the library refuses it, and what to do instead; empty when it serves it
     */
    static Optional<String> of(ObserverMethod<?> observer, AnnotatedMethod<?> method, String endpoint) {
        if (observer.getTransactionPhase() != TransactionPhase.IN_PROGRESS) {
            return Optional.of(nameOf(observer, method) + " with during = TransactionPhase." + observer.getTransactionPhase()
                    + ", which the library cannot honour: beacons are delivered after their 204, where no transaction is in progress,"
                    + " so it would be notified at once and never after a commit. Remove 'during', and open the transaction the"
                    + " observer needs inside it (e.g. with @Transactional on an @ObservesAsync observer).");
        }
        if (!observer.isAsync() && method != null && method.getParameters().stream().anyMatch(ObserverRefusals::isEventMetadata)) {
            return Optional.of(nameOf(observer, method) + " and injects EventMetadata, which the library cannot give a synchronous observer:"
                    + " it notifies each one on its own, so that one observer's failure keeps no other from the beacon, and the"
                    + " container fills EventMetadata only when it notifies. Remove the parameter: the endpoint is beacon.endpoint()"
                    + " or report.endpoint(). An @ObservesAsync observer may inject it.");
        }
        if (endpoint == null || !ObservedEndpoints.isPayloadType(observer.getObservedType())) {
            return Optional.empty();
        }
        return UnbindableTypes.whyNot(observer.getObservedType()).map(why -> nameOf(observer, method) + " at endpoint '" + endpoint
                + "', which no beacon can be bound to: " + why + ". Observe Beacon and read beacon.text(), beacon.json() or"
                + " beacon.form(); or observe a record, or a class with a constructor without arguments, whose properties"
                + " are the body's.");
    }

    private static boolean isEventMetadata(AnnotatedParameter<?> parameter) {
        return parameter.getBaseType() == EventMetadata.class;
    }

    /** The observer as its author finds it: its class and, unless an extension added it, its method. */
    private static String nameOf(ObserverMethod<?> observer, AnnotatedMethod<?> method) {
        String name = observer.getBeanClass().getName() + (method != null ? "#" + method.getJavaMember().getName() : "");
        return "Beacon observer " + name + " observes " + observer.getObservedType().getTypeName();
    }
}
