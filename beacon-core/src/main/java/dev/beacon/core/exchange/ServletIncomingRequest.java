package dev.beacon.core.exchange;

import dev.beacon.ContentType;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A beacon request as the servlet container gives it, to the filter and the resource alike: both run in
 * a servlet container, and reading the request there, not through each runtime's own view of it, keeps
 * every header, the path and the client's address read the same way at both.
 */
public final class ServletIncomingRequest implements IncomingRequest {

    /** What a header asked once holds until it is asked: a string of its own, compared by identity, never a header's value. */
    private static final String NOT_ASKED = new String("not asked");

    private final HttpServletRequest request;
    private final InputStream body;
    /**
     * Read on the thread that dispatches the request: Liberty keeps a request's URI and query for that thread, and a body
     * read without blocking is parsed on another, which would answer with those of whatever request it dispatched last.
     */
    private final String path;
    private final String query;
    /** Parsed once: the intake asks before the body is read and again once it is. */
    private ContentType contentType;
    /** Asked once of the container: the rate limit asks before the body is read, the beacon once it is. */
    private String clientAddress;
    /**
     * Asked once of the container: the CORS rules ask before the body is read and again for the answer, and the beacon
     * keeps it; the coding is asked before and after. Undertow hashes a header's name anew on every lookup.
     */
    private String origin = NOT_ASKED;
    private String contentEncoding = NOT_ASKED;

    /**
     * @param request the request to a beacon path, whose body is read from its own input stream; made on the thread that
     *        dispatches it
     */
    public ServletIncomingRequest(HttpServletRequest request) {
        this(request, null);
    }

    /**
     * @param request the request to a beacon path; made on the thread that dispatches it
     * @param body its body as a runtime on top of the servlet hands it: Jersey may already have read a
     *        byte of the servlet's stream, to see whether a form has a body at all
     */
    public ServletIncomingRequest(HttpServletRequest request, InputStream body) {
        this.request = request;
        this.body = body;
        this.path = request.getRequestURI();
        this.query = request.getQueryString();
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String protocol() {
        return request.getProtocol();
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String query() {
        return query;
    }

    @Override
    public List<String> headers(String name) {
        return Collections.list(request.getHeaders(name));
    }

    @Override
    public String header(String name) {
        return switch (name) {
            case "Origin" -> origin != NOT_ASKED ? origin : (origin = request.getHeader(name));
            case "Content-Encoding" -> contentEncoding != NOT_ASKED ? contentEncoding : (contentEncoding = request.getHeader(name));
            default -> request.getHeader(name); // the container's own lookup: no list built for the first value
        };
    }

    @Override
    public boolean isRepeated(String name) {
        // Asked of every beacon, whose headers are rarely repeated: no list built to count them.
        Enumeration<String> values = request.getHeaders(name);
        if (!values.hasMoreElements()) {
            return false;
        }
        values.nextElement();
        return values.hasMoreElements();
    }

    @Override
    public ContentType contentType() {
        if (contentType == null) {
            contentType = IncomingRequest.super.contentType();
        }
        return contentType;
    }

    @Override
    public long contentLength() {
        return request.getContentLengthLong();
    }

    @Override
    public String serverOrigin() {
        String host = request.getHeader("Host");
        return request.getScheme() + "://" + (host != null ? host : request.getServerName() + ":" + request.getServerPort());
    }

    @Override
    public String clientAddress() {
        if (clientAddress == null) {
            clientAddress = request.getRemoteAddr();
        }
        return clientAddress;
    }

    @Override
    public Map<String, String> cookies() {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Map.of();
        }
        Map<String, String> byName = new LinkedHashMap<>();
        for (Cookie cookie : cookies) {
            byName.putIfAbsent(cookie.getName(), cookie.getValue());
        }
        return byName;
    }

    @Override
    public InputStream body() throws IOException {
        return body != null ? body : request.getInputStream();
    }
}
