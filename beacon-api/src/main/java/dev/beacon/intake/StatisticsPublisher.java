package dev.beacon.intake;

import dev.beacon.BeaconStatistics;
import dev.beacon.BeaconStatisticsMXBean;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Publishes an application's {@link BeaconStatistics} as a JMX MXBean while the application runs. JMX is
 * the JDK's own: it needs no API the server may lack. A name already taken (two applications with one
 * context path on different virtual hosts) leaves the second unpublished, said at {@code FINE}.
 */
final class StatisticsPublisher implements BeaconStatisticsMXBean {

    private static final Logger LOGGER = Logger.getLogger(StatisticsPublisher.class.getName());

    private final Supplier<BeaconStatistics> statistics;

    private StatisticsPublisher(Supplier<BeaconStatistics> statistics) {
        this.statistics = statistics;
    }

    /**
     * Registers the application's MXBean now, and unregisters it when the application stops.
     *
     * @param application the application, still starting: its listeners can be added
     * @param statistics the application's counters once its CDI container is reached, {@code null} until then
     */
    static void publish(ServletContext application, Supplier<BeaconStatistics> statistics) {
        String contextPath = application.getContextPath();
        try {
            ObjectName name = new ObjectName("dev.beacon:type=BeaconStatistics,context="
                    + ObjectName.quote(contextPath.isEmpty() ? "/" : contextPath));
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            server.registerMBean(new StatisticsPublisher(statistics), name);
            application.addListener(new ServletContextListener() {
                @Override
                public void contextDestroyed(ServletContextEvent stopped) {
                    unregister(server, name);
                }
            });
        } catch (JMException | IllegalStateException | UnsupportedOperationException e) {
            // IllegalStateException: built outside the application's start, where no listener can be added.
            LOGGER.log(Level.FINE, e, () -> "Beacon statistics of " + contextPath + " not published over JMX");
        }
    }

    private static void unregister(MBeanServer server, ObjectName name) {
        try {
            server.unregisterMBean(name);
        } catch (JMException e) {
            LOGGER.log(Level.FINE, e, () -> "Beacon statistics " + name + " already gone from JMX");
        }
    }

    private BeaconStatistics current() {
        BeaconStatistics current = statistics.get();
        return current == null ? NONE_YET : current;
    }

    /** What an application that has received no beacon yet has done: nothing. */
    private static final BeaconStatistics NONE_YET = new BeaconCounters();

    @Override
    public long getAccepted() {
        return current().accepted();
    }

    @Override
    public long getDelivered() {
        return current().delivered();
    }

    @Override
    public long getInFlight() {
        return current().inFlight();
    }

    @Override
    public long getObserverFailures() {
        return current().observerFailures();
    }

    @Override
    public long getMalformedReports() {
        return current().malformedReports();
    }

    @Override
    public long getExtensionReportsDropped() {
        return current().extensionReportsDropped();
    }

    @Override
    public long getDuplicates() {
        return current().duplicates();
    }

    @Override
    public Map<Integer, Long> getRejectedByStatus() {
        return current().rejectedByStatus();
    }
}
