package dev.beacon.it;

import dev.beacon.Beacon;
import dev.beacon.BeaconSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Added by {@link NewcomerMistakesIT}: a sink that takes endpoint {@value #ENDPOINT} by name, as the Kafka sink takes
 * an endpoint with a topic of its own, and keeps the endpoint of each beacon written to it. {@code GET /sunk} lists them.
 */
@ApplicationScoped
public class NamingSink implements BeaconSink {

    static final String ENDPOINT = "sunk";

    private final List<String> written = new CopyOnWriteArrayList<>();

    @Override
    public Optional<Reservation> reserve(Beacon beacon) {
        return Optional.of(new Reservation() {
            @Override
            public void write() {
                written.add(beacon.endpoint());
            }

            @Override
            public void cancel() {
                // nothing was held
            }
        });
    }

    @Override
    public Set<String> endpoints() {
        return Set.of(ENDPOINT);
    }

    List<String> written() {
        return written;
    }

    /** The endpoints of the beacons written to the sink, one per line. */
    @WebServlet("/sunk")
    public static class Written extends HttpServlet {

        @Inject
        private NamingSink sink;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(String.join("\n", sink.written()));
        }
    }
}
