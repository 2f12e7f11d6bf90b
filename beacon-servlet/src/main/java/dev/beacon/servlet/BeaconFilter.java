package dev.beacon.servlet;

import dev.beacon.core.exchange.Answer;
import dev.beacon.core.exchange.AnswerWriter;
import dev.beacon.core.exchange.BeaconPaths;
import dev.beacon.core.exchange.IncomingRequest;
import dev.beacon.core.exchange.ServletIncomingRequest;
import dev.beacon.core.intake.BeaconIntake;
import dev.beacon.core.runtime.BeaconRuntime;
import dev.beacon.core.settings.BeaconConfig;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Receives browser beacons ({@code navigator.sendBeacon()}, {@code fetch(..., {keepalive: true})},
 * CSP and Reporting API reports) and fires them as CDI events of type {@link dev.beacon.Beacon}.
 * <p>
 * <b>Installation:</b> put {@code beacon-servlet.jar} in {@code WEB-INF/lib}. The filter registers
 * itself, named {@value #NAME}, before the application's own filters, on {@code /beacon/*}.
 * Write an observer:
 * <pre>{@code
 * @ApplicationScoped
 * public class Analytics {
 *     void onBeacon(@Observes Beacon beacon) { ... }
 * }
 * }</pre>
 * <p>
 * <b>What it does:</b> a {@code POST} to {@code /beacon} (endpoint {@code default}) or
 * {@code /beacon/{name}} (endpoint {@code name}) is answered {@code 204 No Content}, flushed to the
 * browser, and only then delivered to {@code @Observes} and {@code @ObservesAsync} observers; it never
 * travels down the filter chain. The answers to everything else are listed in
 * {@link BeaconIntake}. Requests to other paths pass straight through.
 * <p>
 * <b>Reading:</b> the body is read with non-blocking I/O, so a client that
 * trickles it holds a connection, not a request thread, and gets {@code 408} after
 * {@value BeaconConfig#READ_TIMEOUT}. Where the request cannot go async (Undertow asks every filter on
 * the path to be {@code async-supported}) the body is read blocking, and a warning says so once.
 * <p>
 * <b>Configuration</b> ({@link BeaconConfig} lists every setting, which the application's
 * {@code BeaconResource} shares) as context parameters, e.g.
 * <pre>{@code
 * <context-param>
 *     <param-name>beacon.max-body-size</param-name>
 *     <param-value>2097152</param-value>
 * </context-param>
 * }</pre>
 * <p>
 * <b>Switching it off or taking it over:</b> {@code beacon.enabled=false} keeps it from
 * registering; a filter named {@value #NAME} in the application's {@code web.xml} replaces the
 * registration (then its {@code <init-param>}s are settings too, read before the context parameters,
 * its mapping decides the order, and it should be {@code <async-supported>true</async-supported>});
 * an {@code <absolute-ordering>} that leaves out the web fragment named {@code beacon} removes it.
 */
public class BeaconFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The filter's name, in its registration and in {@code web-fragment.xml}. */
    public static final String NAME = BeaconRuntime.FILTER_NAME;

    private static final Logger LOGGER = Logger.getLogger(BeaconFilter.class.getName());

    private transient BeaconPaths paths;
    private transient BeaconIntake intake;
    private transient ReadDeadlines deadlines;
    private final transient AtomicBoolean blockingReadsReported = new AtomicBoolean();

    @Override
    public void init() {
        BeaconRuntime application = BeaconRuntime.of(getServletContext());
        BeaconConfig config = application.config();
        paths = new BeaconPaths(config.paths());
        intake = application.intake();
        deadlines = new ReadDeadlines(config.readTimeout());
        String contextPath = getServletContext().getContextPath();
        LOGGER.info(() -> "Beacon filter receives beacons at " + config.paths().stream()
                .map(base -> contextPath + base + ", " + contextPath + base + "/{name}").collect(Collectors.joining(", ")));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String pathInContext = request.getRequestURI().substring(request.getContextPath().length());
        Optional<String> endpoint = paths.endpointOf(pathInContext);
        if (endpoint.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        IncomingRequest incoming = new ServletIncomingRequest(request);
        Optional<Answer> withoutBody = intake.answerBeforeBody(incoming, endpoint.get());
        if (withoutBody.isPresent()) {
            AnswerWriter.sendThenDeliver(withoutBody.get(), response);
        } else if (!request.isAsyncSupported()) {
            reportBlockingReads(request);
            AnswerWriter.sendThenDeliver(intake.readAndAnswer(incoming, endpoint.get()).awaitSettled(), response);
        } else if (hasArrivedWhole(request, incoming.contentLength())) {
            // Nearly every beacon: its body came with its headers, and reading it cannot block.
            Answer answer = intake.readAndAnswer(incoming, endpoint.get());
            if (answer.isSettled()) {
                AnswerWriter.sendThenDeliver(answer, response);
            } else {
                AsyncContext async = request.startAsync(request, response);
                async.setTimeout(0); // the answer timeout ends the wait, with a 503
                AnswerWriter.sendOnceSettled(answer, async, response);
            }
        } else {
            NonBlockingBody.read(request, response, incoming, endpoint.get(), intake, deadlines);
        }
    }

    /**
     * Whether the whole body is already in the server's buffers. An empty body always is: given to a
     * {@code ReadListener}, it would have Grizzly (Payara) wait on the connection for bytes that never come.
     * An HTTP/1 request with neither {@code Content-Length} nor {@code Transfer-Encoding} has an empty body.
     */
    private static boolean hasArrivedWhole(HttpServletRequest request, long contentLength) {
        if (contentLength < 0) {
            return request.getHeader("Transfer-Encoding") == null && request.getProtocol().startsWith("HTTP/1.");
        }
        if (contentLength == 0) {
            return true;
        }
        try {
            return request.getInputStream().available() >= contentLength;
        } catch (IOException clientGone) {
            return false; // Jetty says so when the client stopped sending early: the reader answers that
        }
    }

    /** Once: every beacon takes this path alike, for as long as the application runs. */
    private void reportBlockingReads(HttpServletRequest request) {
        if (blockingReadsReported.compareAndSet(false, true)) {
            LOGGER.warning(() -> "Beacon bodies to " + request.getRequestURI() + " are read blocking: a filter or servlet on"
                    + " that path does not support async (<async-supported>true</async-supported>; Undertow asks it of every"
                    + " one, other containers of those before the beacon filter). A client that sends its body slowly then"
                    + " holds a request thread, and " + BeaconConfig.READ_TIMEOUT + " does not apply; with " + BeaconConfig.ANSWER_WHEN
                    + "=stored, so does every beacon until it is stored.");
        }
    }

    @Override
    public void destroy() {
        deadlines.close();
    }
}
