package dev.beacon.tomcat;

import dev.beacon.testing.Polling;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Tomcat from its own distribution, started with {@code catalina.sh run} as its own process on 127.0.0.1,
 * with a fresh {@code CATALINA_BASE} holding the given WARs; stopped with SIGTERM, which Tomcat answers
 * with an orderly shutdown.
 */
final class TomcatServer implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final Process process;
    private final Path console;
    private final URI root;

    private TomcatServer(Process process, Path console, URI root) {
        this.process = process;
        this.console = console;
        this.root = root;
    }

    /**
     * @param home the unpacked distribution ({@code CATALINA_HOME})
     * @param base an empty folder for this run ({@code CATALINA_BASE})
     * @param wars the applications, by context name
     * @param readyPath a path that answers {@code 200} once the applications are deployed
     */
    static TomcatServer start(Path home, Path base, int port, Map<String, Path> wars, String readyPath) throws Exception {
        for (String folder : new String[] {"conf", "logs", "webapps", "work", "temp"}) {
            Files.createDirectories(base.resolve(folder));
        }
        try (var files = Files.list(home.resolve("conf"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, base.resolve("conf").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path serverXml = base.resolve("conf/server.xml");
        Files.writeString(serverXml, Files.readString(serverXml)
                .replace("<Server port=\"8005\"", "<Server port=\"-1\"") // no shutdown port: the process is stopped by its PID
                .replace("<Connector port=\"8080\"", "<Connector address=\"127.0.0.1\" port=\"" + port + "\""));
        for (Map.Entry<String, Path> war : wars.entrySet()) {
            Files.copy(war.getValue(), base.resolve("webapps").resolve(war.getKey() + ".war"), StandardCopyOption.REPLACE_EXISTING);
        }
        Path console = base.resolve("logs/console.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/catalina.sh").toString(), "run")
                .redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().put("CATALINA_HOME", home.toString());
        builder.environment().put("CATALINA_BASE", base.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("CATALINA_PID", base.resolve("tomcat.pid").toString());
        home.resolve("bin/catalina.sh").toFile().setExecutable(true);
        TomcatServer tomcat = new TomcatServer(builder.start(), console, URI.create("http://127.0.0.1:" + port + "/"));
        try {
            tomcat.awaitReady(readyPath);
        } catch (Exception | AssertionError e) {
            tomcat.close();
            throw e;
        }
        return tomcat;
    }

    private void awaitReady(String path) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Polling.until("Tomcat to serve " + path + " (its console: " + console + ")", () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Tomcat exited with " + process.exitValue() + "; its console: " + console);
            }
            try {
                return http.send(HttpRequest.newBuilder(root.resolve(path)).GET().build(), BodyHandlers.discarding()).statusCode();
            } catch (IOException notYetListening) {
                return -1;
            }
        }, status -> status == 200, STARTUP);
    }

    /** @return {@code http://127.0.0.1:PORT/} */
    URI root() {
        return root;
    }

    /** @return what Tomcat and the applications wrote to the console so far */
    String console() throws IOException {
        return Files.readString(console);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
