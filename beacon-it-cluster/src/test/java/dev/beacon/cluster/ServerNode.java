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
import java.util.List;
import java.util.Map;

/**
 * One node: a server process on 127.0.0.1 running the cluster application at {@code /cluster}, started as
 * an operator starts it, and stopped as one stops it (SIGTERM, which undeploys the application), by its PID.
 */
abstract class ServerNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    /**
     * HTTP/1.1: the client's default, HTTP/2, offers Payara Micro an upgrade (h2c), and a Grizzly HTTP/2 session to a node
     * started again once left every request for its statistics to time out, though the node served beacons.
     */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private Process process;

    /**
     * @param name its name, for its log
     * @param port its HTTP port
     */
    ServerNode(String name, int port) throws IOException {
        this.name = name;
        this.port = port;
        this.log = Path.of("target", name + ".log");
        Files.deleteIfExists(log); // this run's, restarts included
    }

    /**
     * @return the command that starts the server with the application deployed
     */
    abstract List<String> command();

    /**
     * @return what the command's environment adds
     */
    abstract Map<String, String> environment();

    /**
     * @return the JVM options that give the node its settings, {@code -Dname=value}
     */
    static List<String> systemProperties(Map<String, String> settings) {
        return settings.entrySet().stream().map(setting -> "-D" + setting.getKey() + "=" + setting.getValue()).toList();
    }

    int port() {
        return port;
    }

    String name() {
        return name;
    }

    /** Starts the process; {@link #awaitReady} waits for the application. */
    synchronized void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment());
        process = builder.start();
        Processes.stopWithTheTest(process);
    }

    /** Waits for the application to answer; a timeout names what the node last answered, to tell slow from broken. */
    void awaitReady() throws Exception {
        Polling.until(name + " serving the application (log: " + log + ")", () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            return statisticsAnswer();
        }, answer -> answer.equals("200"), START_TIMEOUT);
    }

    /** @return {@code 200}, or the other status and body, or the exception, of one request for the statistics */
    private String statisticsAnswer() throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(statisticsRequest(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? "200"
                    : response.statusCode() + " " + response.body().substring(0, Math.min(200, response.body().length()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private HttpRequest statisticsRequest() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cluster/statistics")).timeout(Duration.ofSeconds(5)).build();
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
            HttpResponse<String> response = HTTP.send(statisticsRequest(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Json.createReader(new StringReader(response.body())).readObject() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * @return whether the node's log holds the text, this run's restarts included
     */
    boolean logContains(String text) throws IOException {
        return Files.exists(log) && Files.readString(log).contains(text);
    }

    /**
     * @return whether the node still runs
     */
    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * @return whether the application answers at all
     */
    boolean servesTheApplication() throws InterruptedException {
        return statisticsIfUp() != null;
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

    /**
     * Kills the node with SIGKILL, as an OOM killer or a host failure does: nothing of it runs on, nothing flushes. The
     * server first, where a script started it, then the script.
     */
    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
