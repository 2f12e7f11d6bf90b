package dev.beacon.it;

import dev.beacon.BeaconEndpoint;
import dev.beacon.BeaconStatistics;
import dev.beacon.report.CspViolation;
import dev.beacon.report.ReportRollup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Added by {@link ReportRollupsIT}: records what each rollup of endpoint {@code csp} says, as one line (window start,
 * fingerprint, count, delivered, the sample's blocked URL), never the rollup itself, and counts the CSP violations delivered one by one.
 * {@code GET /rollups} answers the lines, then {@code observed N} and {@code overflowed N} (the library's counter); {@code GET /rollups?heap} the heap used after a
 * collection, in bytes.
 */
@ApplicationScoped
public class RollupRecorder {

    static final Queue<String> ROLLUPS = new ConcurrentLinkedQueue<>();
    static final AtomicLong OBSERVED = new AtomicLong();

    void onRollup(@ObservesAsync @BeaconEndpoint("csp") ReportRollup rollup) {
        String blocked = rollup.sample() instanceof CspViolation violation ? violation.blockedURL().orElse("-") : "-";
        ROLLUPS.add(rollup.windowStart() + " " + rollup.fingerprint() + " " + rollup.count() + " " + rollup.delivered() + " " + blocked);
    }

    void onViolation(@Observes @BeaconEndpoint("csp") CspViolation violation) {
        OBSERVED.incrementAndGet();
    }

    /** What was recorded. */
    @WebServlet("/rollups")
    public static class Recorded extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Inject
        private BeaconStatistics statistics;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain;charset=UTF-8");
            if (request.getParameter("heap") != null) {
                System.gc(); // the test compares what stays, before and after a flood
                response.getWriter().write(Long.toString(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()));
                return;
            }
            StringBuilder lines = new StringBuilder();
            ROLLUPS.forEach(line -> lines.append(line).append('\n'));
            lines.append("observed ").append(OBSERVED.get()).append('\n');
            response.getWriter().write(lines.append("overflowed ").append(statistics.reportsOverflowed()).append('\n').toString());
        }
    }
}
