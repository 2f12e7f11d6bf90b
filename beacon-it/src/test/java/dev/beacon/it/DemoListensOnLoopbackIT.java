package dev.beacon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.testing.Polling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The README says the demo listens on 127.0.0.1 only: started as {@code ./mvnw -Pdemo package} starts it (the same
 * Payara Micro, the same options, the same WAR), every socket it listens on, TCP or UDP, is on the loopback address,
 * and they are its HTTP and HTTPS ports alone.
 * Read from Linux's {@code /proc}: the sockets the server's process holds, and where each is bound.
 */
@EnabledOnOs(OS.LINUX)
@EnabledIfSystemProperty(named = "arquillian.launch", matches = "payara-micro")
class DemoListensOnLoopbackIT {

    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final int PORT = 28380;
    private static final int SSL_PORT = 28381;

    @Test
    void everySocketTheDemoListensOnIsOnTheLoopbackAddress() throws Exception {
        Path console = Files.createTempFile("demo-console", ".log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", System.getProperty("payara.microJar")));
        command.addAll(Arrays.asList(System.getProperty("demo.microOptions").trim().split("\\s+")));
        command.addAll(List.of("--port", Integer.toString(PORT), "--sslport", Integer.toString(SSL_PORT),
                "--deploy", System.getProperty("beacon.war")));
        Process demo = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile()).start();
        try {
            Polling.until("the demo's start", () -> Files.readString(console), output -> output.contains("Payara Micro URLs")
                    || !demo.isAlive(), STARTUP);
            String output = Files.readString(console);
            assertTrue(demo.isAlive(), () -> "The demo stopped:\n" + output);

            List<String> listening = listeningSockets(demo.pid());

            assertTrue(listening.contains("tcp 127.0.0.1:" + PORT) || listening.contains("tcp6 ::ffff:127.0.0.1:" + PORT), listening::toString);
            assertEquals(List.of(), listening.stream().filter(socket -> !isLoopback(socket)).toList(), listening::toString);
            // HTTP and HTTPS, and nothing else, as docs/demo.md says
            assertEquals(Set.of(Integer.toString(PORT), Integer.toString(SSL_PORT)),
                    listening.stream().map(socket -> socket.substring(socket.lastIndexOf(':') + 1)).collect(Collectors.toSet()), listening::toString);
        } finally {
            demo.destroy();
            if (!demo.waitFor(60, TimeUnit.SECONDS)) {
                demo.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(console);
        }
    }

    /** Each TCP socket the process listens on, and each UDP socket it has bound, as "protocol address:port". */
    private static List<String> listeningSockets(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            descriptors.forEach(descriptor -> {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed between listing and reading: not a listening socket
                }
            });
        }
        List<String> sockets = new ArrayList<>();
        for (String protocol : List.of("tcp", "tcp6", "udp", "udp6")) {
            List<String> table = Files.readAllLines(Path.of("/proc/net", protocol));
            for (String row : table.subList(1, table.size())) {
                String[] columns = row.trim().split("\\s+");
                boolean listens = protocol.startsWith("udp") || columns[3].equals("0A"); // 0A: TCP_LISTEN
                if (listens && inodes.contains(columns[9])) {
                    sockets.add(protocol + " " + address(columns[1]));
                }
            }
        }
        return sockets;
    }

    /** A /proc/net address, "0100007F:6F18", as "127.0.0.1:28440"; an IPv6 one as its groups, "::ffff:127.0.0.1" where mapped. */
    private static String address(String hexAddressAndPort) {
        String[] parts = hexAddressAndPort.split(":");
        int port = Integer.parseInt(parts[1], 16);
        byte[] bytes = new byte[parts[0].length() / 2];
        // The kernel prints each 32-bit word in host order: little-endian on the machines this runs on.
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = (word * 4 + 3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(parts[0].substring(at, at + 2), 16);
            }
        }
        return text(bytes) + ":" + port;
    }

    private static String text(byte[] bytes) {
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= bytes[i] == 0;
        }
        mapped &= bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
        if (mapped) {
            return "::ffff:" + text(Arrays.copyOfRange(bytes, 12, 16));
        }
        StringBuilder groups = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            groups.append(i == 0 ? "" : ":").append(Integer.toHexString((bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff));
        }
        return groups.toString();
    }

    private static boolean isLoopback(String socket) {
        String address = socket.substring(socket.indexOf(' ') + 1, socket.lastIndexOf(':'));
        return address.startsWith("127.") || address.startsWith("::ffff:127.") || address.equals("0:0:0:0:0:0:0:1");
    }
}
