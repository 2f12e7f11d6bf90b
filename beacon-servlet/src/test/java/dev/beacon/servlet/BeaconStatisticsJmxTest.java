package dev.beacon.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.BeaconStatisticsMXBean;
import dev.beacon.testing.RecordingObservers;
import dev.beacon.testing.TestContainer;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;
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
                BeaconStatisticsMXBean published = JMX.newMXBeanProxy(server, name, BeaconStatisticsMXBean.class);
                assertEquals(0, published.getAccepted(), "nothing yet, and no error for it");

                HttpClient http = HttpClient.newHttpClient();
                http.send(HttpRequest.newBuilder(app.uri("/beacon/jmx")).header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.discarding());
                http.send(HttpRequest.newBuilder(app.uri("/beacon/jmx")).header("Content-Type", "image/png")
                        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.discarding());
                container.bean(RecordingObservers.class).sync().awaitOne("jmx");

                assertEquals(1, published.getAccepted());
                assertEquals(Map.of(415, 1L), published.getRejectedByStatus());
            }
            assertFalse(server.isRegistered(name), "unpublished when the application stopped");
        }
    }
}
