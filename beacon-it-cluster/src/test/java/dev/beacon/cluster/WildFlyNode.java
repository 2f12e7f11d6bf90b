package dev.beacon.cluster;

import dev.beacon.testing.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A WildFly node: a copy of the distribution of its own, the application in its deployments folder, started
 * with {@code standalone.sh} on 127.0.0.1 and its ports shifted so that HTTP is on the node's port.
 */
final class WildFlyNode extends ServerNode {

    /** WildFly's HTTP port before any offset. */
    private static final int HTTP_PORT = 8080;
    /** Its management port before any offset. */
    private static final int MANAGEMENT_PORT = 9990;

    private final Map<String, String> settings;
    private final Path home;

    /**
     * @param name its name, for its log and its copy of WildFly
     * @param port its HTTP port
     * @param settings the node's settings, as system properties
     */
    WildFlyNode(String name, int port, Map<String, String> settings) throws IOException {
        super(name, port);
        this.settings = settings;
        this.home = Path.of("target", name + "-wildfly").toAbsolutePath();
        copy(Path.of(System.getProperty("wildfly.home")), home);
        Files.copy(Path.of(System.getProperty("cluster.war")), home.resolve("standalone/deployments/cluster.war"));
    }

    @Override
    List<String> command() {
        // The MicroProfile configuration: its Health subsystem serves the library's readiness check, which HAProxy polls.
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(), "-c", "standalone-microprofile.xml",
                "-Djboss.bind.address=127.0.0.1", "-Djboss.bind.address.management=127.0.0.1",
                "-Djboss.socket.binding.port-offset=" + (port() - HTTP_PORT)));
        command.addAll(systemProperties(settings));
        return command;
    }

    /**
     * @param port a node's HTTP port
     * @return its management port, where WildFly serves {@code /health/ready}: both moved by the same offset
     */
    static int managementPort(int port) {
        return MANAGEMENT_PORT + port - HTTP_PORT;
    }

    @Override
    Map<String, String> environment() {
        // standalone.sh passes a SIGTERM on to the server only when it runs the server in the background.
        return Map.of("LAUNCH_JBOSS_IN_BACKGROUND", "1", "JAVA_OPTS", "-Xmx512m -Djava.net.preferIPv4Stack=true");
    }

    private static void copy(Path from, Path to) throws IOException {
        Folders.deleteIfExists(to);
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(file -> {
                try {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
