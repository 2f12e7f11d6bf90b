package dev.beacon.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client will not send: a Content-Length the body never
 * follows, a chunked body that stops half-way.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;

    public RawHttp(URI server) throws IOException {
        socket = new Socket(server.getHost(), server.getPort());
        socket.setSoTimeout(10_000); // a response that does not come fails the test instead of hanging it
        out = socket.getOutputStream();
    }

    /**
     * @param beacon the beacon path to post to
     * @param contentLength the body's declared length
     * @return the head of a {@code text/plain} {@code POST} there, for the body to follow
     */
    public static String postHead(URI beacon, int contentLength) {
        return "POST " + beacon.getPath() + " HTTP/1.1\r\nHost: " + beacon.getAuthority() + "\r\nContent-Type: text/plain\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    public RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Stops sending, as a client that goes away before its body is complete; the response can still be read. */
    public void stopSending() throws IOException {
        socket.shutdownOutput();
    }

    /** One chunk of a chunked body. */
    public RawHttp chunk(byte[] bytes) throws IOException {
        send(Integer.toHexString(bytes.length) + "\r\n");
        send(bytes);
        return send("\r\n");
    }

    /** The last chunk, which ends a chunked body. */
    public RawHttp lastChunk() throws IOException {
        return send("0\r\n\r\n");
    }

    /**
     * Reads the response head.
     *
     * @return the status line and headers, CRLF-separated, without the blank line
     */
    public String readHead() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b == -1) {
                break;
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1).strip();
    }

    /**
     * Reads response heads up to the final one, past any interim {@code 1xx}: Grizzly (Payara) answers
     * {@code Expect: 100-continue} before the application sees the request.
     *
     * @return the final status line and headers
     */
    public String readFinalHead() throws IOException {
        String head = readHead();
        while (!head.isEmpty() && status(head) < 200) {
            head = readHead();
        }
        return head;
    }

    /**
     * @return the status code of a head read by {@link #readHead()}
     */
    public static int status(String head) {
        return Integer.parseInt(head.substring(9, 12));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
