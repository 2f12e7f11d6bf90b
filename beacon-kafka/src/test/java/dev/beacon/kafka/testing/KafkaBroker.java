package dev.beacon.kafka.testing;

import dev.beacon.testing.Folders;
import dev.beacon.testing.Polling;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A real Apache Kafka broker, in KRaft mode (broker and controller in one), run as a process of its own on
 * 127.0.0.1 from Apache Kafka's own artifacts: the class path in the file named by the system property
 * {@code kafka.broker.classpath}. It can be stopped, as an operator stops it (SIGTERM, a controlled
 * shutdown), and started again on the same port and data.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** Any valid cluster id: the broker is formatted with it once. */
    private static final String CLUSTER_ID = "YmVhY29uLWt0ZXN0LWlkMQ";

    private final Path directory;
    private final int port;
    private final String classPath;
    private Process process;

    private KafkaBroker(Path directory, int port, String classPath) {
        this.directory = directory;
        this.port = port;
        this.classPath = classPath;
    }

    /**
     * Formats a broker's storage in the directory and starts it on a free port.
     *
     * @param directory where its configuration, data and log go; emptied first
     * @return the running broker
     */
    public static KafkaBroker start(Path directory) throws Exception {
        String classPathFile = System.getProperty("kafka.broker.classpath");
        if (classPathFile == null) {
            throw new IllegalStateException("kafka.broker.classpath is not set: run the tests with Maven, which writes it");
        }
        KafkaBroker broker = new KafkaBroker(directory, freePort(), Files.readString(Path.of(classPathFile)).trim());
        broker.format();
        broker.start();
        return broker;
    }

    /**
     * @return the one bootstrap server, {@code 127.0.0.1:port}
     */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * Creates topics, and waits until the broker has them.
     *
     * @param partitions partitions per topic
     * @param topics their names
     */
    public void createTopics(int partitions, String... topics) throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(topics).stream().map(topic -> new NewTopic(topic, partitions, (short) 1)).toList()).all().get();
        }
    }

    /** Starts the broker on its port and data, unless it runs, and waits until it answers. */
    public synchronized void start() throws Exception {
        if (process != null) {
            return;
        }
        Path log = directory.resolve("broker.log");
        process = new ProcessBuilder(javaCommand("kafka.Kafka", directory.resolve("server.properties").toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Processes.stopWithTheTest(process);
        Polling.until("the Kafka broker at " + bootstrapServers() + " answering (log: " + log + ")", this::answers, up -> up, START_TIMEOUT);
    }

    /** Stops the broker as an operator does, with SIGTERM, and waits until it has exited. */
    public synchronized void stop() {
        if (process != null) {
            Processes.terminate(process, Duration.ofSeconds(60));
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * @return an admin client of this broker, to close
     */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    private boolean answers() {
        if (!process.isAlive()) {
            throw new IllegalStateException("The Kafka broker exited with " + process.exitValue() + "; see " + directory.resolve("broker.log"));
        }
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void format() throws IOException, InterruptedException {
        Folders.deleteIfExists(directory);
        Files.createDirectories(directory);
        int controllerPort = freePort();
        Properties server = new Properties();
        server.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", directory.resolve("data").toString()),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // Topics exist because the test created them, as in production: a sink never creates one.
                Map.entry("auto.create.topics.enable", "false")));
        try (var out = Files.newBufferedWriter(directory.resolve("server.properties"))) {
            server.store(out, "a test broker");
        }
        Process formatting = new ProcessBuilder(javaCommand("kafka.tools.StorageTool", "format", "-t", CLUSTER_ID, "-c",
                directory.resolve("server.properties").toString()))
                .redirectErrorStream(true).redirectOutput(directory.resolve("format.log").toFile()).start();
        if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
            throw new IllegalStateException("Formatting the broker's storage failed; see " + directory.resolve("format.log"));
        }
    }

    private List<String> javaCommand(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx512m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classPath, mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
