package dev.beacon.cluster;

import dev.beacon.kafka.testing.Processes;
import dev.beacon.testing.Polling;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One node: a Payara Micro process on 127.0.0.1 running the cluster application, started as an operator
 * starts it, and stopped as one stops it (SIGTERM, which undeploys the application), by its PID.
 */
final class PayaraNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Map<String, String> systemProperties;
    private final Path log;
    private Process process;

    /**
     * @param name its name, for its log
     * @param port its HTTP port
     * @param systemProperties the node's settings
     */
    PayaraNode(String name, int port, Map<String, String> systemProperties) throws IOException {
        this.name = name;
        this.port = port;
        this.systemProperties = systemProperties;
        this.log = Path.of("target", name + ".log");
        Files.deleteIfExists(log); // this run's, restarts included
    }

    int port() {
        return port;
    }

    /** Starts the process; {@link #awaitReady} waits for the application. */
    synchronized void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", System.getProperty("payara.micro"), "--nocluster", "--port", Integer.toString(port),
                "--prebootcommandfile", System.getProperty("payara.preboot"),
                "--deploy", System.getProperty("cluster.war"), "--contextroot", "cluster"));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Processes.stopWithTheTest(process);
    }

    void awaitReady() throws Exception {
        Polling.until(name + " serving the application (log: " + log + ")", () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            return statisticsIfUp() != null;
        }, up -> up, START_TIMEOUT);
    }

    /**
     * @return the node's counters: {@code accepted}, and its sink's {@code sent}, {@code failed}, {@code buffered}, {@code refused}
     */
    JsonObject statistics() throws Exception {
        JsonObject statistics = statisticsIfUp();
        if (statistics == null) {
            throw new IllegalStateException(name + " does not answer");
        }
        return statistics;
    }

    private JsonObject statisticsIfUp() throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cluster/statistics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Json.createReader(new StringReader(response.body())).readObject() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Stops the node as an operator does, with SIGTERM, and waits until it has exited. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        boolean stopped = Processes.terminate(process, Duration.ofSeconds(90));
        process = null;
        if (!stopped) {
            throw new IllegalStateException(name + " did not stop within 90 s of SIGTERM; killed. See " + log);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
