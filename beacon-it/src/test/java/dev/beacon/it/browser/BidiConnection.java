package dev.beacon.it.browser;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A WebDriver BiDi connection over the JDK's own WebSocket client: commands go out with an id, and the
 * answer with that id completes them; events go to a consumer. Nothing else is needed to drive a browser
 * that speaks BiDi itself, as Firefox does, without a driver binary.
 */
final class BidiConnection implements AutoCloseable {

    /** Longer than any page of the demo takes to load, shorter than a test's patience. */
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final Consumer<JsonObject> events;
    private final WebSocket socket;

    private BidiConnection(URI address, Consumer<JsonObject> events) throws IOException {
        this.events = events;
        try {
            this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(COMMAND_TIMEOUT)
                    .buildAsync(address, new Messages()).get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while connecting to " + address, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("No WebDriver BiDi connection to " + address, e);
        }
    }

    /**
     * @param address the browser's BiDi address, e.g. {@code ws://127.0.0.1:PORT/session}
     * @param events receives every event the session subscribed to, on the socket's thread
     */
    static BidiConnection open(URI address, Consumer<JsonObject> events) throws IOException {
        return new BidiConnection(address, events);
    }

    /**
     * Sends a command and waits for its answer.
     *
     * @return the answer's {@code result}
     * @throws IllegalStateException when the browser answers with an error, or not within 30 seconds
     */
    JsonObject send(String method, JsonObject params) {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        pending.put(id, answer);
        String command = Json.createObjectBuilder().add("id", id).add("method", method).add("params", params).build().toString();
        try {
            synchronized (socket) { // one message at a time: the WebSocket refuses overlapping sends
                socket.sendText(command, true).join();
            }
            return answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(method + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(method + " got no answer within " + COMMAND_TIMEOUT.toSeconds() + " s", e);
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(failure -> null).join();
    }

    private void received(String message) {
        JsonObject json = Json.createReader(new StringReader(message)).readObject();
        if (!json.containsKey("id") || json.isNull("id")) {
            events.accept(json);
            return;
        }
        CompletableFuture<JsonObject> answer = pending.get(json.getJsonNumber("id").longValue());
        if (answer == null) {
            return; // its sender gave up waiting
        }
        if ("success".equals(json.getString("type", ""))) {
            answer.complete(json.getJsonObject("result"));
        } else {
            answer.completeExceptionally(new IllegalStateException(json.getString("error", "error") + ": " + json.getString("message", "")));
        }
    }

    private void failPending(String why) {
        pending.values().forEach(answer -> answer.completeExceptionally(new IllegalStateException(why)));
    }

    /** Joins the frames of each message, and hands whole messages on. */
    private final class Messages implements WebSocket.Listener {

        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String whole = message.toString();
                message.setLength(0);
                received(whole);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            failPending("the browser closed the connection (" + statusCode + " " + reason + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            failPending("the connection to the browser failed: " + error);
        }
    }
}
