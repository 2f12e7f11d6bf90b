package dev.beacon.core.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The headers the rules ask of every beacon more than once are asked of the container once, present or absent; the
 * path and query are those of the thread that dispatched the request, wherever the body is read.
 */
class ServletIncomingRequestTest {

    private final List<String> asked = new ArrayList<>();

    @Test
    void asksTheContainerOnceForTheOriginAndTheCodingWhateverTheyHold() {
        ServletIncomingRequest request = new ServletIncomingRequest(requestWith(Map.of("Origin", "https://shop.example", "Referer", "/")));

        for (int i = 0; i < 3; i++) {
            assertEquals("https://shop.example", request.header("Origin"));
            assertNull(request.header("Content-Encoding"));
            assertEquals("/", request.header("Referer"));
        }

        assertEquals(List.of("Origin", "Content-Encoding", "Referer", "Referer", "Referer"), asked);
    }

    /** As Liberty answers: a request's URI and query belong to the thread dispatching it, and another thread sees its own last request's. */
    @Test
    void keepsThePathAndQueryOfTheThreadThatDispatchedTheRequestWhenAskedOnAnother() throws Exception {
        ThreadLocal<String[]> dispatched = ThreadLocal.withInitial(() -> new String[] {"/app/beacon/other", "beacon-id=other.1"});
        dispatched.set(new String[] {"/app/beacon/events", "beacon-id=p.7"});
        HttpServletRequest threadBound = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getRequestURI" -> dispatched.get()[0];
                    case "getQueryString" -> dispatched.get()[1];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        ServletIncomingRequest request = new ServletIncomingRequest(threadBound);

        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            List<String> seen = CompletableFuture.supplyAsync(() -> List.of(request.path(), request.query()), reader).get();
            assertEquals(List.of("/app/beacon/events", "beacon-id=p.7"), seen);
        } finally {
            reader.shutdownNow();
        }
    }

    private HttpServletRequest requestWith(Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getRequestURI" -> "/app/beacon/events";
                    case "getQueryString" -> null;
                    case "getHeader" -> {
                        asked.add((String) arguments[0]);
                        yield headers.get((String) arguments[0]);
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
