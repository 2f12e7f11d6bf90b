package dev.beacon.core.observe;

import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * One MXBean of an application's, registered in the platform MBean server as
 * {@code dev.beacon:type=<type>,context=<context path>} until closed. JMX is the JDK's own: it needs no API the
 * server may lack. A name already taken (two applications with one context path on different virtual hosts) leaves
 * the second unpublished, said at {@code FINE}.
 */
public final class JmxPublication implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger(JmxPublication.class.getName());

    private final MBeanServer server;
    private final ObjectName name;

    private JmxPublication(MBeanServer server, ObjectName name) {
        this.server = server;
        this.name = name;
    }

    /**
     * @param type what the bean shows, e.g. {@code BeaconStatistics}
     * @param contextPath the application's context path, empty for the root
     * @param mxBean an implementation of an MXBean interface
     * @return the publication, to close when the application stops; one that publishes nothing when it could not register
     */
    public static JmxPublication register(String type, String contextPath, Object mxBean) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = new ObjectName("dev.beacon:type=" + type + ",context=" + ObjectName.quote(contextPath.isEmpty() ? "/" : contextPath));
            server.registerMBean(mxBean, name);
            return new JmxPublication(server, name);
        } catch (JMException e) {
            LOGGER.log(Level.FINE, e, () -> type + " of " + contextPath + " not published over JMX");
            return new JmxPublication(server, null);
        }
    }

    /** Unregisters the bean. */
    @Override
    public void close() {
        if (name == null) {
            return;
        }
        try {
            server.unregisterMBean(name);
        } catch (JMException e) {
            LOGGER.log(Level.FINE, e, () -> name + " already gone from JMX");
        }
    }
}
