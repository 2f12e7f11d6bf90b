package dev.beacon.it;

import dev.beacon.Beacon;
import dev.beacon.BeaconSink;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Added by {@link StoredAnswersIT}: a sink that confirms storage, as a broker acknowledges a write, at once for every
 * beacon but those of endpoint {@value #ENDPOINT}, whose storage it never confirms, as a broker that is away.
 */
@ApplicationScoped
public class UnstoringSink implements BeaconSink {

    static final String ENDPOINT = "unstored";

    @Override
    public boolean confirmsStorage() {
        return true;
    }

    @Override
    public Optional<Reservation> reserve(Beacon beacon) {
        boolean stored = !beacon.endpoint().equals(ENDPOINT);
        return Optional.of(new Reservation() {
            @Override
            public void write() {
                throw new IllegalStateException("Never asked with beacon.answer-when=stored");
            }

            @Override
            public void cancel() {
                // nothing was held
            }

            @Override
            public CompletionStage<Void> store() {
                return stored ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
            }
        });
    }
}
