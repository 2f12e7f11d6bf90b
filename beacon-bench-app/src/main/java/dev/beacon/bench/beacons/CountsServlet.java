package dev.beacon.bench.beacons;

import dev.beacon.BeaconStatistics;
import dev.beacon.bench.baseline.HandWrittenAsyncObserver;
import dev.beacon.bench.baseline.HandWrittenObserver;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * What the observers counted, for the benchmark to check against the 204s it got; what still awaits an
 * asynchronous observer ({@code inFlight}, the library's and the hand-written one's together), so that the
 * benchmark waits for none between runs; and the bytes the server's threads have allocated since it started,
 * so that the benchmark divides a run's by its requests.
 */
@WebServlet("/counts")
public class CountsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private CountingObservers observers;

    @Inject
    private HandWrittenObserver handWritten;

    @Inject
    private HandWrittenAsyncObserver handWrittenAsync;

    @Inject
    private BeaconStatistics statistics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("sync=" + observers.sync() + " async=" + observers.async() + " handwritten=" + handWritten.received()
                + " handwrittenAsync=" + handWrittenAsync.received() + " accepted=" + statistics.accepted()
                + " inFlight=" + (statistics.inFlight() + handWrittenAsync.pending()) + " rejected=" + statistics.rejectedByStatus()
                + " allocated=" + allocatedBytes() + "\n");
    }

    /**
     * HotSpot's count, for every thread since the start, ended ones included; -1 where the JVM has none. Read as an
     * attribute of the platform's threading MBean: WildFly's modules hide the com.sun.management types from a WAR.
     */
    private static long allocatedBytes() {
        try {
            return (Long) ManagementFactory.getPlatformMBeanServer().getAttribute(new ObjectName(ManagementFactory.THREAD_MXBEAN_NAME),
                    "TotalThreadAllocatedBytes");
        } catch (JMException | ClassCastException e) {
            return -1;
        }
    }
}
