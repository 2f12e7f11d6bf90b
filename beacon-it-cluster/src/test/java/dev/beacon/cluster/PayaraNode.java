package dev.beacon.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Payara Micro node: {@code java -jar payara-micro.jar --deploy cluster.war}, listening on 127.0.0.1 only.
 */
final class PayaraNode extends ServerNode {

    private final Map<String, String> settings;

    /**
     * @param name its name, for its log
     * @param port its HTTP port
     * @param settings the node's settings, as system properties
     */
    PayaraNode(String name, int port, Map<String, String> settings) throws IOException {
        super(name, port);
        this.settings = settings;
    }

    @Override
    List<String> command() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(systemProperties(settings));
        command.addAll(List.of("-jar", System.getProperty("payara.micro"), "--nocluster", "--port", Integer.toString(port()),
                "--prebootcommandfile", System.getProperty("payara.preboot"),
                "--deploy", System.getProperty("cluster.war"), "--contextroot", "cluster"));
        return command;
    }

    @Override
    Map<String, String> environment() {
        return Map.of();
    }
}
