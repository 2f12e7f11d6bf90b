package dev.beacon.core.observe;

import dev.beacon.BeaconStatistics;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.ReflectionException;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;

/**
 * Publishes an application's {@link BeaconStatistics} over JMX ({@link JmxPublication}) while the application runs, as
 * {@code dev.beacon:type=BeaconStatistics,context="/app"}: one read-only attribute per {@link PublishedCounter}
 * ({@code Accepted}, {@code InFlight}, ...), a {@code long}, and {@code RejectedByStatus}, a table of HTTP status to
 * count, as an MXBean would show a {@code Map<Integer, Long>}. Made from the list the metrics and instruments are made
 * from, so no counter is published one way and forgotten another.
 */
public final class StatisticsPublisher implements DynamicMBean {

    private static final Logger LOGGER = Logger.getLogger(StatisticsPublisher.class.getName());

    static final String REJECTED_BY_STATUS = "RejectedByStatus";
    private static final String STATUS_TABLE = "java.util.Map<java.lang.Integer, java.lang.Long>";
    private static final String[] STATUS_COLUMNS = {"key", "value"};
    /** What an application that has received no beacon yet has done: nothing. */
    private static final BeaconStatistics NONE_YET = new BeaconCounters();

    private final Supplier<BeaconStatistics> statistics;
    private final TabularType rejectedType;

    private StatisticsPublisher(Supplier<BeaconStatistics> statistics) throws OpenDataException {
        this.statistics = statistics;
        CompositeType row = new CompositeType(STATUS_TABLE, STATUS_TABLE, STATUS_COLUMNS, STATUS_COLUMNS,
                new OpenType<?>[] {SimpleType.INTEGER, SimpleType.LONG});
        this.rejectedType = new TabularType(STATUS_TABLE, STATUS_TABLE, row, new String[] {"key"});
    }

    /**
     * Registers the application's MBean now, and unregisters it when the application stops.
     *
     * @param application the application, still starting: its listeners can be added
     * @param statistics the application's counters once its CDI container is reached, {@code null} until then
     */
    public static void publish(ServletContext application, Supplier<BeaconStatistics> statistics) {
        JmxPublication publication;
        try {
            publication = JmxPublication.register("BeaconStatistics", application.getContextPath(), new StatisticsPublisher(statistics));
        } catch (OpenDataException e) {
            throw new IllegalStateException("The JMX type of the rejections is invalid", e);
        }
        try {
            application.addListener(new ServletContextListener() {
                @Override
                public void contextDestroyed(ServletContextEvent stopped) {
                    publication.close();
                }
            });
        } catch (IllegalStateException | UnsupportedOperationException e) {
            // Built outside the application's start, where no listener can be added: published while the JVM runs.
            LOGGER.log(Level.FINE, e, () -> "Beacon statistics of " + application.getContextPath() + " published until the JVM stops");
        }
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        BeaconStatistics reached = statistics.get();
        BeaconStatistics current = reached == null ? NONE_YET : reached;
        if (attribute.equals(REJECTED_BY_STATUS)) {
            return rejectedTable(current.rejectedByStatus());
        }
        return Arrays.stream(PublishedCounter.values()).filter(counter -> counter.attributeName().equals(attribute)).findFirst()
                .map(counter -> counter.readFrom(current))
                .orElseThrow(() -> new AttributeNotFoundException(attribute));
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        AttributeList values = new AttributeList();
        for (String attribute : attributes) {
            try {
                values.add(new Attribute(attribute, getAttribute(attribute)));
            } catch (AttributeNotFoundException e) {
                // left out, as the JMX specification asks of attributes that cannot be read
            }
        }
        return values;
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException(attribute.getName() + " is read-only: only the library counts");
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) throws ReflectionException {
        throw new ReflectionException(new NoSuchMethodException(actionName), "The beacon statistics have no operations");
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        List<MBeanAttributeInfo> attributes = new ArrayList<>();
        for (PublishedCounter counter : PublishedCounter.values()) {
            attributes.add(new MBeanAttributeInfo(counter.attributeName(), "long", counter.description(), true, false, false));
        }
        attributes.add(new MBeanAttributeInfo(REJECTED_BY_STATUS, TabularDataSupport.class.getName(),
                PublishedCounter.REJECTED + ", by status", true, false, false));
        return new MBeanInfo(getClass().getName(), "What the application's beacon endpoints have done since it started",
                attributes.toArray(MBeanAttributeInfo[]::new), null, null, null);
    }

    private TabularDataSupport rejectedTable(Map<Integer, Long> byStatus) {
        TabularDataSupport table = new TabularDataSupport(rejectedType);
        byStatus.forEach((status, count) -> {
            try {
                table.put(new CompositeDataSupport(rejectedType.getRowType(), STATUS_COLUMNS, new Object[] {status, count}));
            } catch (OpenDataException e) {
                throw new IllegalStateException(e); // an Integer and a Long always fit the row type
            }
        });
        return table;
    }
}
