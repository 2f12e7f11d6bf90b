package dev.beacon.servlet;

import dev.beacon.intake.Answer;
import dev.beacon.intake.BeaconIntake;
import dev.beacon.intake.IncomingRequest;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads a beacon's body with non-blocking servlet I/O, then answers it and delivers it: a client that
 * trickles its body holds a connection, not a request thread, and one that does not finish within the
 * read timeout gets {@code 408}. Whichever comes first (the whole body, the limit, a read error, the
 * timeout) answers; the others find the answer given.
 * <p>
 * A body with a {@code Content-Length} is answered as soon as that many bytes are read. Asking the
 * container for more then (another {@code isReady()}, or waiting for {@code onAllDataRead}) has Grizzly
 * (Payara) schedule a callback that runs after the request is complete and recycled, and fails there.
 * ({@code isFinished()} cannot tell either: Grizzly answers {@code true} once the body has arrived, before
 * it is read.) A chunked body has no length to count to, so on Payara the read that finds its end can
 * still leave such a callback behind: Payara then logs a
 * {@code NullPointerException} from its own thread, after the beacon was answered and delivered.
 * Browsers send every beacon with its {@code Content-Length}.
 */
final class NonBlockingBody implements ReadListener, AsyncListener {

    private static final Logger LOGGER = Logger.getLogger(NonBlockingBody.class.getName());

    private final AsyncContext async;
    private final ServletInputStream input;
    private final IncomingRequest request;
    private final String endpoint;
    private final long contentLength;
    private final BeaconIntake intake;
    private final ByteArrayOutputStream body;
    private final byte[] chunk = new byte[8192];
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile ScheduledFuture<?> deadline;

    private NonBlockingBody(AsyncContext async, ServletInputStream input, IncomingRequest request, String endpoint,
                            long contentLength, BeaconIntake intake) {
        this.async = async;
        this.input = input;
        this.request = request;
        this.endpoint = endpoint;
        this.contentLength = contentLength;
        this.intake = intake;
        // Grown as bytes come, not sized by the declared length: a client that sends a head and one byte holds little.
        this.body = new ByteArrayOutputStream();
    }

    /**
     * Starts reading; the request thread returns at once, and the container calls back as the body arrives.
     */
    static void read(HttpServletRequest servletRequest, HttpServletResponse response, IncomingRequest request, String endpoint,
                     BeaconIntake intake, ReadDeadlines deadlines) throws IOException {
        AsyncContext async = servletRequest.startAsync(servletRequest, response);
        async.setTimeout(0); // the read deadline ends the request, and the answer completes it
        // Negative when the body is chunked; within the limit otherwise, which the intake checked already.
        long contentLength = servletRequest.getContentLengthLong();
        NonBlockingBody reader = new NonBlockingBody(async, servletRequest.getInputStream(), request, endpoint, contentLength, intake);
        async.addListener(reader);
        reader.deadline = deadlines.after(reader::timeOut);
        reader.input.setReadListener(reader);
    }

    /**
     * The read deadline passed. The 408 is written on a container thread: the one deadline thread must
     * not wait on a client that does not read its answer, while other deadlines fall due.
     */
    private void timeOut() {
        try {
            async.start(() -> answer(() -> intake.timedOut(request)));
        } catch (RuntimeException requestOver) {
            // The container ended the request already: nothing is left to answer.
            LOGGER.log(Level.FINE, "Beacon request ended before its read deadline", requestOver);
        }
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!answered.get() && !isWhole() && input.isReady()) {
            int read = input.read(chunk, 0, (int) Math.min(chunk.length, toRead()));
            if (read == -1) {
                return; // onAllDataRead follows
            }
            if (body.size() + read > intake.maxBodySize()) {
                answer(() -> intake.tooLarge(request)); // and read no further
                return;
            }
            body.write(chunk, 0, read);
        }
        if (isWhole()) {
            answer(() -> intake.answerWithBody(request, endpoint, body.toByteArray()));
        }
    }

    @Override
    public void onAllDataRead() {
        // A body cut short of its Content-Length gets its 400 from the intake.
        answer(() -> intake.answerWithBody(request, endpoint, body.toByteArray()));
    }

    @Override
    public void onError(Throwable failure) {
        LOGGER.log(Level.FINE, "Beacon body could not be read", failure);
        answer(() -> intake.unreadable(request));
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        answer(() -> intake.timedOut(request)); // a container that times out anyway
    }

    @Override
    public void onError(AsyncEvent event) {
        onError(event.getThrowable());
    }

    @Override
    public void onComplete(AsyncEvent event) {
        // nothing left to do: the answer completed the request
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // started once, by read()
    }

    private boolean isWhole() {
        return contentLength >= 0 && body.size() == contentLength;
    }

    /** The most the next read may take: up to the declared length, or one byte past the limit for a chunked body. */
    private long toRead() {
        return contentLength >= 0 ? contentLength - body.size() : intake.maxBodySize() - body.size() + 1;
    }

    /**
     * Answers once, whoever calls first. The answer is only made by that first call: making it takes the
     * beacon's place in flight, or counts a refusal, which must happen once per request.
     */
    private void answer(Supplier<Answer> first) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        deadline.cancel(false);
        Answer answer = first.get();
        if (answer.beacon().isEmpty()) {
            // A refusal is sent from here, while the container still expects it: Jetty answers a read error
            // that the listener leaves open with a 500 of its own.
            sendAndDeliver(answer);
            return;
        }
        try {
            // Not here: Undertow calls a ReadListener on a thread that serves many connections, which a
            // synchronous observer must never hold.
            async.start(() -> sendAndDeliver(answer));
        } catch (RuntimeException requestOverOrServerStopping) {
            // The container ended the request (the client left) or takes no more work: what was accepted
            // is still delivered, here, rather than lost.
            answer.deliver();
        }
    }

    private void sendAndDeliver(Answer answer) {
        try {
            BeaconFilter.send(answer, (HttpServletResponse) async.getResponse());
        } catch (IOException | RuntimeException clientGone) {
            // A container that ended the request under us refuses the response with an IllegalStateException.
            LOGGER.log(Level.FINE, "The client left before its answer was sent", clientGone);
        }
        try {
            // Accepted is accepted: a browser that left before its 204 was flushed still sent the beacon.
            answer.deliver();
        } finally {
            complete();
        }
    }

    /**
     * Only after the synchronous observers, as a beacon read on the request thread: the next request on
     * this connection waits for them, so a page's beacons reach them in the order it sent them.
     */
    private void complete() {
        try {
            async.complete();
        } catch (IllegalStateException alreadyOver) {
            LOGGER.log(Level.FINE, "Beacon request was already complete", alreadyOver);
        }
    }
}
