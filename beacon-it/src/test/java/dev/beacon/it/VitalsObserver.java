package dev.beacon.it;

import dev.beacon.BeaconEndpoint;
import dev.beacon.demo.WebVital;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Added by {@link NewcomerMistakesIT}: the application's one observer, of endpoint {@code vitals} as the README's
 * {@code WebVital}, and nothing that observes every endpoint. {@code GET /vitals-received} lists the ids it received.
 */
@ApplicationScoped
public class VitalsObserver {

    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    void onVital(@Observes @BeaconEndpoint("vitals") WebVital vital) {
        RECEIVED.add(vital.id());
    }

    /** Lists the ids of the vitals received, one per line. */
    @WebServlet("/vitals-received")
    public static class Received extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(String.join("\n", RECEIVED));
        }
    }
}
