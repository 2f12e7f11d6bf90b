package dev.beacon.jaxrs;

import dev.beacon.intake.IncomingRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A beacon request as the JAX-RS runtime gives it.
 */
final class JaxrsIncomingRequest implements IncomingRequest {

    private final Request request;
    private final HttpHeaders headers;
    private final UriInfo uriInfo;
    private final HttpServletRequest servletRequest;
    private final InputStream body;

    JaxrsIncomingRequest(Request request, HttpHeaders headers, UriInfo uriInfo, HttpServletRequest servletRequest, InputStream body) {
        this.request = request;
        this.headers = headers;
        this.uriInfo = uriInfo;
        this.servletRequest = servletRequest;
        this.body = body;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        return uriInfo.getRequestUri().getRawPath();
    }

    @Override
    public List<String> headers(String name) {
        List<String> values = headers.getRequestHeader(name);
        return values == null ? List.of() : values;
    }

    @Override
    public String serverOrigin() {
        URI base = uriInfo.getBaseUri();
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    @Override
    public String clientAddress() {
        return servletRequest.getRemoteAddr();
    }

    @Override
    public Map<String, String> cookies() {
        Map<String, String> byName = new LinkedHashMap<>();
        for (Map.Entry<String, Cookie> cookie : headers.getCookies().entrySet()) {
            byName.put(cookie.getKey(), cookie.getValue().getValue());
        }
        return byName;
    }

    @Override
    public InputStream body() {
        return body;
    }
}
