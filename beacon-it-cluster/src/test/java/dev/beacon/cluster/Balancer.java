package dev.beacon.cluster;

import dev.beacon.kafka.testing.Processes;
import dev.beacon.testing.Polling;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * HAProxy from the machine's packages, in front of the nodes: {@code haproxy.cfg} with the ports given in its
 * environment, run in the foreground as a process of the test's, and stopped by its PID.
 */
final class Balancer implements AutoCloseable {

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private final Process process;

    private Balancer(Process process) {
        this.process = process;
    }

    /**
     * @param ports the configuration's port variables, e.g. {@code BALANCER_PORT}
     * @param listening a port it opens, waited for
     */
    static Balancer start(Map<String, String> ports, int listening) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", System.getProperty("haproxy.config"))
                .redirectErrorStream(true).redirectOutput(Path.of("target", "haproxy.log").toFile());
        builder.environment().putAll(ports);
        Balancer balancer = new Balancer(builder.start());
        Processes.stopWithTheTest(balancer.process);
        Polling.until("HAProxy listening on " + listening, () -> balancer.accepts(listening), up -> up, Duration.ofSeconds(30));
        return balancer;
    }

    /**
     * @return whether HAProxy is installed
     */
    static boolean isInstalled() {
        return Files.isExecutable(HAPROXY);
    }

    private boolean accepts(int port) {
        if (!process.isAlive()) {
            throw new IllegalStateException("HAProxy exited with " + process.exitValue() + "; see target/haproxy.log");
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        Processes.terminate(process, Duration.ofSeconds(30));
    }
}
