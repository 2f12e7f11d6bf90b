package dev.beacon.core.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The headers the rules ask of every beacon more than once are asked of the container once, present or absent. */
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

    private HttpServletRequest requestWith(Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, arguments) -> {
                    if (!method.getName().equals("getHeader")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    asked.add((String) arguments[0]);
                    return headers.get((String) arguments[0]);
                });
    }
}
