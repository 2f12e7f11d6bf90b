package dev.beacon.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;

/**
 * Added to a deployment by the tests: what the library logs at {@code WARNING} and above, and what its console and the
 * README's own classes (package {@code com.shop}) log at {@code INFO} and above, through the server's own logging, from this
 * application's start. {@code GET /library-log?from=FailureLog} answers one line per record of the class of that simple
 * name at {@code WARNING} or above ({@code &level=INFO} for more): its message, without the stack trace. With
 * {@link LibraryLogCapture} in the deployment, from the application's deployment.
 */
@WebServlet(urlPatterns = "/library-log", loadOnStartup = 1)
public class LibraryLogServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** More than any test makes the library log: past it, records are not kept, and a test that counts them fails. */
    private static final int MOST_RECORDS = 1000;

    /** Held, so that the loggers and the handler on them live as long as the application. */
    private static final Logger LIBRARY = Logger.getLogger("dev.beacon");
    /** The README's classes: their observers log at INFO what they received, once per beacon. */
    private static final Logger README = Logger.getLogger("com.shop");
    private static final String CONSOLE = "dev.beacon.core.console";
    private static final List<LogRecord> RECORDS = new CopyOnWriteArrayList<>();
    private static final Handler KEEPING = new Handler() {
        @Override
        public void publish(LogRecord record) {
            // The demo's own observer logs every beacon at INFO under dev.beacon: the library's WARNINGs only, but for
            // the console's, which logs its refusals at INFO and few of them.
            Level least = record.getLoggerName().startsWith("com.shop") || record.getLoggerName().startsWith(CONSOLE) ? Level.INFO : Level.WARNING;
            if (record.getLevel().intValue() >= least.intValue() && RECORDS.size() < MOST_RECORDS) {
                RECORDS.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private static final AtomicBoolean KEPT = new AtomicBoolean();

    /** Keeps records from now on, once however often it is called: from {@link LibraryLogCapture}, and from {@link #init()}. */
    static void keepRecords() {
        if (KEPT.compareAndSet(false, true)) {
            LIBRARY.addHandler(KEEPING);
            README.addHandler(KEEPING);
        }
    }

    @Override
    public void init() {
        keepRecords();
    }

    @Override
    public void destroy() {
        LIBRARY.removeHandler(KEEPING);
        README.removeHandler(KEEPING);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String from = "." + request.getParameter("from");
        Level least = Level.parse(Objects.requireNonNullElse(request.getParameter("level"), "WARNING"));
        SimpleFormatter formatter = new SimpleFormatter();
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(RECORDS.stream()
                .filter(record -> record.getLoggerName().endsWith(from) && record.getLevel().intValue() >= least.intValue())
                .map(record -> formatter.formatMessage(record).replace('\n', ' ') + "\n").collect(Collectors.joining()));
    }
}
