package dev.beacon.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector's metrics intake (OTLP over HTTP, protobuf, gzip as exporters send it), on
 * 127.0.0.1: it keeps the latest value of each number data point it is sent, keyed
 * {@code service/scope/metric}, followed by {@code {name=value,...}} when the point has attributes, e.g.
 * {@code shop/dev.beacon/beacon.rejected{http.response.status_code=415}}.
 */
final class OtlpReceiver implements AutoCloseable {

    private final Map<String, Long> latest = new ConcurrentHashMap<>();
    private final HttpServer server;

    private OtlpReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/v1/metrics", this::export);
        server.start();
    }

    static OtlpReceiver listenOn(int port) throws IOException {
        return new OtlpReceiver(port);
    }

    /** @return the latest values of one meter's instruments, whatever service sent them, sorted by key: what a failure message shows */
    Map<String, Long> ofScope(String scope) {
        return latest.entrySet().stream().filter(entry -> entry.getKey().contains("/" + scope + "/"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b, TreeMap::new));
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
            record(ExportMetricsServiceRequest.parseFrom(body));
            byte[] answer = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private void record(ExportMetricsServiceRequest request) {
        for (ResourceMetrics resource : request.getResourceMetricsList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(attribute -> attribute.getKey().equals("service.name"))
                    .map(attribute -> attribute.getValue().getStringValue()).findFirst().orElse("");
            for (ScopeMetrics scope : resource.getScopeMetricsList()) {
                for (Metric metric : scope.getMetricsList()) {
                    String name = service + "/" + scope.getScope().getName() + "/" + metric.getName();
                    for (NumberDataPoint point : metric.hasSum() ? metric.getSum().getDataPointsList() : metric.getGauge().getDataPointsList()) {
                        latest.put(name + attributes(point), point.getAsInt());
                    }
                }
            }
        }
    }

    private static String attributes(NumberDataPoint point) {
        if (point.getAttributesCount() == 0) {
            return "";
        }
        return point.getAttributesList().stream().map(OtlpReceiver::attribute).sorted().collect(Collectors.joining(",", "{", "}"));
    }

    private static String attribute(KeyValue attribute) {
        var value = attribute.getValue();
        return attribute.getKey() + "=" + (value.hasIntValue() ? String.valueOf(value.getIntValue()) : value.getStringValue());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
