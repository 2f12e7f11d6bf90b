package dev.beacon.core.console;

import dev.beacon.core.observe.OncePerName;
import dev.beacon.core.settings.BeaconConfig;
import dev.beacon.core.settings.ConsoleSettings;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Serves the console at {@value BeaconConfig#CONSOLE_PATH}: its page, the script and style sheet the page loads, and
 * at {@code data} the state the page polls, to whom {@link ConsoleAccess} lets in; {@code 403}, saying why, to anyone
 * else. The page loads nothing from elsewhere, and its own policy says so.
 */
public final class ConsoleServlet extends HttpServlet {

    /** The servlet's name: the application's own declaration of a servlet by this name wins. */
    public static final String NAME = "beacon-console";

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(ConsoleServlet.class.getName());
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self';"
            + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final Map<String, Resource> RESOURCES = Map.of(
            "/", Resource.read("console.html", "text/html;charset=UTF-8"),
            "/console.js", Resource.read("console.js", "text/javascript;charset=UTF-8"),
            "/console.css", Resource.read("console.css", "text/css;charset=UTF-8"));

    private final transient BeaconConsole console;
    private final transient ConsoleAccess access;
    private final transient OncePerName refusalsSaid = new OncePerName(16);

    private ConsoleServlet(BeaconConsole console, ConsoleAccess access) {
        this.console = console;
        this.access = access;
    }

    /**
     * Serves the console. Call it from a {@code ServletContainerInitializer}, where the application's settings turn the
     * console on.
     *
     * @param application the application starting
     * @param config its settings
     * @param console what its console shows
     * @throws IllegalArgumentException naming the setting, where an allowed address is no address
     */
    public static void registerIn(ServletContext application, BeaconConfig config, BeaconConsole console) {
        ConsoleSettings settings = config.console();
        if (application.getServletRegistration(NAME) != null) {
            // The other beacon jar's initializer registered it, or the application declares its own. Asked first:
            // Open Liberty logs an error for each servlet added under a name already taken, though the answer is null.
            return;
        }
        ServletRegistration.Dynamic registration = application.addServlet(NAME, new ConsoleServlet(console, ConsoleAccess.of(config)));
        registration.addMapping(settings.path(), settings.path() + "/*");
        LOGGER.info(() -> "Beacon console at " + application.getContextPath() + settings.path() + ", open to "
                + (settings.role().isEmpty() ? "" : "users in the role '" + settings.role() + "'")
                + (settings.role().isEmpty() || settings.allowedAddresses().isEmpty() ? "" : " at ")
                + (settings.allowedAddresses().isEmpty() ? "" : "the addresses " + String.join(", ", settings.allowedAddresses()))
                + (config.reportRollupWindow().isZero() ? "; its top faults need " + BeaconConfig.REPORT_ROLLUP_WINDOW + ", which is not set" : ""));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> refusal = access.refusal(request);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (refusal.isPresent()) {
            if (refusalsSaid.claim(request.getRemoteAddr())) {
                LOGGER.info(() -> "Refused the beacon console to " + request.getRemoteAddr() + ": " + refusal.get()
                        + " Logged once per address, for the first 16.");
            }
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(refusal.get());
            return;
        }
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (path.equals("/data")) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            console.state().writeJson(response.getWriter());
            return;
        }
        Resource resource = RESOURCES.get(path);
        if (resource == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (path.equals("/") && !request.getRequestURI().endsWith("/")) {
            // The page loads its script, style and data relative to itself, as a directory.
            response.sendRedirect(request.getRequestURI() + "/");
            return;
        }
        response.setHeader("Content-Security-Policy", POLICY);
        response.setContentType(resource.type());
        response.getOutputStream().write(resource.bytes());
    }

    /** A file of the page, read once. */
    private record Resource(byte[] bytes, String type) {

        static Resource read(String name, String type) {
            try (InputStream in = ConsoleServlet.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("The beacon-core jar lacks " + name);
                }
                return new Resource(in.readAllBytes(), type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
