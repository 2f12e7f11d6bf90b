package dev.beacon.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;

/**
 * Added to a deployment by the tests: what the library logs at {@code WARNING} and above, through the server's own
 * logging, from this application's start. {@code GET /library-log?from=FailureLog} answers one line per record of the
 * library's class of that simple name: its message, without the stack trace.
 */
@WebServlet(urlPatterns = "/library-log", loadOnStartup = 1)
public class LibraryLogServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** More than any test makes the library log: past it, records are not kept, and a test that counts them fails. */
    private static final int MOST_RECORDS = 1000;

    /** Held, so that the logger and the handler on it live as long as the application. */
    private static final Logger LIBRARY = Logger.getLogger("dev.beacon");
    private static final List<LogRecord> RECORDS = new CopyOnWriteArrayList<>();
    private static final Handler KEEPING = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue() && RECORDS.size() < MOST_RECORDS) {
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

    @Override
    public void init() {
        LIBRARY.addHandler(KEEPING);
    }

    @Override
    public void destroy() {
        LIBRARY.removeHandler(KEEPING);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String from = "." + request.getParameter("from");
        SimpleFormatter formatter = new SimpleFormatter();
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(RECORDS.stream().filter(record -> record.getLoggerName().endsWith(from))
                .map(record -> formatter.formatMessage(record).replace('\n', ' ') + "\n").collect(Collectors.joining()));
    }
}
