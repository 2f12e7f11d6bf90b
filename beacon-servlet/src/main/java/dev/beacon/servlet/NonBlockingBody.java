package dev.beacon.servlet;

import dev.beacon.core.body.BodyBuffer;
import dev.beacon.core.exchange.Answer;
import dev.beacon.core.exchange.AnswerWriter;
import dev.beacon.core.exchange.IncomingRequest;
import dev.beacon.core.intake.BeaconIntake;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * timeout) answers; the others find the answer given. The container's callbacks only read: decoding,
 * parsing and the answer to a whole body happen on a container worker thread, so that a large body
 * never holds the thread that serves many connections (Undertow's and Grizzly's I/O threads).
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
    private final HttpServletResponse response;
    private final ServletInputStream input;
    private final IncomingRequest request;
    private final String endpoint;
    private final BeaconIntake intake;
    private final BodyBuffer body;
    private final byte[] chunk = new byte[BodyBuffer.CHUNK];
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile ScheduledFuture<?> deadline;

    private NonBlockingBody(AsyncContext async, HttpServletResponse response, ServletInputStream input, IncomingRequest request,
                            String endpoint, BeaconIntake intake) {
        this.async = async;
        this.response = response;
        this.input = input;
        this.request = request;
        this.endpoint = endpoint;
        this.intake = intake;
        this.body = intake.newBody(request);
    }

    /**
     * Starts reading; the request thread returns at once, and the container calls back as the body arrives.
     */
    static void read(HttpServletRequest servletRequest, HttpServletResponse response, IncomingRequest request, String endpoint,
                     BeaconIntake intake, ReadDeadlines deadlines) throws IOException {
        AsyncContext async = servletRequest.startAsync(servletRequest, response);
        async.setTimeout(0); // the read deadline ends the read, and the answer completes the request, or its timeout when it waits for the sinks
        NonBlockingBody reader = new NonBlockingBody(async, response, servletRequest.getInputStream(), request, endpoint, intake);
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
        while (!answered.get() && !body.isComplete() && input.isReady()) {
            int read = input.read(chunk, 0, body.nextReadSize());
            if (read == -1) {
                return; // onAllDataRead follows
            }
            try {
                body.append(chunk, read);
            } catch (BodyBuffer.BodyTooLargeException e) {
                answer(() -> intake.tooLarge(request)); // and read no further
                return;
            }
        }
        if (body.isComplete()) {
            answerWholeBody();
        }
    }

    @Override
    public void onAllDataRead() {
        // A body cut short of its Content-Length gets its 400 from the intake.
        answerWholeBody();
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

    /**
     * Leaves the callback thread before decoding and parsing. Should the container take no more work
     * (the client left, or the server is stopping), nothing was accepted yet, and nothing is lost.
     */
    private void answerWholeBody() {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        deadline.cancel(false);
        try {
            async.start(this::answerOnWorkerThread);
        } catch (RuntimeException requestOverOrServerStopping) {
            LOGGER.log(Level.FINE, "Beacon request ended before its body could be answered", requestOverOrServerStopping);
        }
    }

    /**
     * What the filter does on a request thread, on a worker thread. Should the answer fail, a fault of the library or
     * the server (a class missing from the application, say), the request is still completed, with the 500 a servlet
     * failing on a request thread gets: containers log what a worker thread throws, but none completes its request,
     * and the client would wait for ever.
     */
    private void answerOnWorkerThread() {
        Answer answer;
        try {
            answer = intake.answerWithBody(request, endpoint, body);
        } catch (RuntimeException | Error fault) {
            try {
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            } catch (IOException | IllegalStateException clientGone) {
                fault.addSuppressed(clientGone);
            } finally {
                async.complete();
            }
            throw fault;
        }
        sendThenComplete(answer);
    }

    /**
     * Answers a refusal once, whoever calls first, from the calling thread, while the container still
     * expects it: Jetty answers a read error that the listener leaves open with a 500 of its own. The
     * refusal is only made by that first call, as making it counts it, which must happen once per request.
     */
    private void answer(Supplier<Answer> refusal) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        deadline.cancel(false);
        sendThenComplete(refusal.get());
    }

    /**
     * Completes only after the synchronous observers, as a beacon read on the request thread: the next
     * request on this connection waits for them, so a page's beacons reach them in the order it sent them.
     */
    private void sendThenComplete(Answer answer) {
        if (!answer.isSettled()) {
            AnswerWriter.sendOnceSettled(answer, async, response);
            return;
        }
        try {
            AnswerWriter.sendThenDeliver(answer, response);
        } finally {
            AnswerWriter.complete(async);
        }
    }
}
