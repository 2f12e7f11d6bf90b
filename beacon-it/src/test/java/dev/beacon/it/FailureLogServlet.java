package dev.beacon.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Added to the deployment by the tests: counts what the library logs about failing observers and sinks, at
 * {@code WARNING} and above, through the server's own logging, from this application's start; {@code GET
 * /failure-log} answers {@code records=N}.
 */
@WebServlet(urlPatterns = "/failure-log", loadOnStartup = 1)
public class FailureLogServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Held, so that the logger and the handler on it live as long as the application. */
    private static final Logger FAILURES = Logger.getLogger("dev.beacon.core.observe.FailureLog");
    private static final AtomicInteger RECORDS = new AtomicInteger();
    private static final Handler COUNTING = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                RECORDS.incrementAndGet();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Override
    public void init() {
        FAILURES.addHandler(COUNTING);
    }

    @Override
    public void destroy() {
        FAILURES.removeHandler(COUNTING);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write("records=" + RECORDS.get());
    }
}
