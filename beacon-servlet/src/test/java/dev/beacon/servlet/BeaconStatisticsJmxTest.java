package dev.beacon.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.testing.RecordingObservers;
import dev.beacon.testing.TestContainer;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.Attribute;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

/**
 * The application's counters in the platform MBean server, as JConsole or an exporter reads them: there
 * while the application runs, gone when it stops.
 */
class BeaconStatisticsJmxTest {

    @Test
    void theApplicationsCountersArePublishedWhileItRunsAndUnpublishedWhenItStops() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("dev.beacon:type=BeaconStatistics,context=\"/app\"");
        try (TestContainer container = TestContainer.start()) {
            try (JettyApp app = JettyApp.start(Map.of(), context -> { })) {
                assertTrue(server.isRegistered(name), "published when the application started");
                assertEquals(0L, server.getAttribute(name, "Accepted"), "nothing yet, and no error for it");
                assertEquals(Set.of("Accepted", "Delivered", "InFlight", "ObserverFailures", "Duplicates", "MalformedReports",
                        "ExtensionReportsDropped", "ImpossibleReportsDropped", "IgnoredReports", "ReportsSampledOut", "ReportsOverflowed", "BeaconsSampledOut", "RejectedByStatus"), attributesOf(server.getMBeanInfo(name)), "every counter");

                HttpClient http = HttpClient.newHttpClient();
                http.send(HttpRequest.newBuilder(app.uri("/beacon/jmx")).header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.discarding());
                http.send(HttpRequest.newBuilder(app.uri("/beacon/jmx")).header("Content-Type", "image/png")
                        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.discarding());
                container.bean(RecordingObservers.class).sync().awaitOne("jmx");

                assertEquals(1L, server.getAttribute(name, "Accepted"));
                TabularData rejected = (TabularData) server.getAttribute(name, "RejectedByStatus");
                assertEquals(1, rejected.size(), "one status");
                assertEquals(1L, rejected.get(new Object[] {415}).get("value"), "one 415");
                assertThrows(AttributeNotFoundException.class, () -> server.setAttribute(name, new Attribute("Accepted", 0L)),
                        "only the library counts");
            }
            assertFalse(server.isRegistered(name), "unpublished when the application stopped");
        }
    }

    private static Set<String> attributesOf(MBeanInfo info) {
        return Arrays.stream(info.getAttributes()).map(MBeanAttributeInfo::getName).collect(Collectors.toSet());
    }
}
