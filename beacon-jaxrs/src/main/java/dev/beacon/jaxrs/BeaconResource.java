package dev.beacon.jaxrs;

import dev.beacon.BeaconEndpoint;
import dev.beacon.core.settings.EndpointNames;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * Receives browser beacons at {@code beacon} and {@code beacon/{name}} under the application's
 * {@code @ApplicationPath}, and fires them as CDI events of type {@link dev.beacon.Beacon}, with the
 * same rules, the same answers and the same settings as the servlet filter (see
 * {@code dev.beacon.core.intake.BeaconIntake}).
 * <p>
 * <b>Installation:</b> put {@code beacon-jaxrs.jar} in {@code WEB-INF/lib}. An {@code Application}
 * that lists no classes publishes it automatically. One that lists its classes adds it:
 * <pre>{@code
 * @ApplicationPath("/api")
 * public class ShopApplication extends Application {
 *     public Set<Class<?>> getClasses() {
 *         return Set.of(OrderResource.class, BeaconResource.class);
 *     }
 * }
 * }</pre>
 * <p>
 * A resource sits behind every servlet filter of the application: a CSRF or login filter on
 * {@code /*} must let its path through. Where that cannot be arranged, use the servlet filter.
 * <p>
 * <b>Every method</b> that Jakarta REST can route ({@code POST}, {@code OPTIONS}, {@code GET},
 * {@code HEAD}, {@code PUT}, {@code DELETE}, {@code PATCH}) is answered by the library, as the
 * filter answers it. A method Jakarta REST has no annotation for ({@code TRACE}, WebDAV's) is answered
 * {@code 405} by the runtime itself.
 * <p>
 * <b>Configuration</b> ({@link dev.beacon.core.settings.BeaconConfig}) is the application's, shared with the filter:
 * context parameters, MicroProfile Config and system properties, read and validated when the
 * application starts. {@value dev.beacon.core.settings.BeaconConfig#PATHS} moves the filter only: the resource's
 * path is this class's {@code @Path}, which Jakarta REST fixes when it compiles, under the
 * {@code @ApplicationPath} the application chose.
 * <p>
 * The resource reads the body blocking: Jakarta REST has no non-blocking way to read a request body.
 * <p>
 * One instance serves every request: the servlet request and response come as the runtime's proxies of the
 * current request's, since making an instance per request and resolving its {@code @Context} anew was, in Jersey
 * under load, the resource's largest cost (see {@code BENCHMARKS.md}).
 */
@Singleton
@Path("beacon{name: (/[^/]+)?}")
public class BeaconResource {

    @Context
    private HttpServletRequest request;
    @Context
    private HttpServletResponse response;

    /**
     * Receives a beacon.
     *
     * @param name {@code ""} for the default endpoint, {@code "/csp"} for endpoint {@code csp}
     * @param body the body, as the runtime hands it
     */
    @POST
    public void post(@PathParam("name") String name, InputStream body) {
        ServletExchange.answer(request, body, response, endpoint(name));
    }

    /**
     * Answers a CORS preflight.
     *
     * @param name the endpoint part of the path
     */
    @OPTIONS
    public void options(@PathParam("name") String name) {
        answerWithoutBody(name);
    }

    /** Refused with the library's {@code 405}, as the filter refuses it; parameters as for {@link #options}. */
    @GET
    public void get(@PathParam("name") String name) {
        answerWithoutBody(name);
    }

    /** Refused with the library's {@code 405}, as the filter refuses it; parameters as for {@link #options}. */
    @HEAD
    public void head(@PathParam("name") String name) {
        answerWithoutBody(name);
    }

    /** Refused with the library's {@code 405}, as the filter refuses it; parameters as for {@link #options}. */
    @PUT
    public void put(@PathParam("name") String name) {
        answerWithoutBody(name);
    }

    /** Refused with the library's {@code 405}, as the filter refuses it; parameters as for {@link #options}. */
    @DELETE
    public void delete(@PathParam("name") String name) {
        answerWithoutBody(name);
    }

    /** Refused with the library's {@code 405}, as the filter refuses it; parameters as for {@link #options}. */
    @PATCH
    public void patch(@PathParam("name") String name) {
        answerWithoutBody(name);
    }

    /** Answered before any body is read: the intake refuses every method but {@code POST} on its headers. */
    private void answerWithoutBody(String name) {
        ServletExchange.answer(request, InputStream.nullInputStream(), response, endpoint(name));
    }

    /** {@code ""} is the default endpoint, {@code "/csp"} endpoint {@code csp}. */
    private static String endpoint(String name) {
        if (name == null || name.isEmpty()) {
            return BeaconEndpoint.DEFAULT;
        }
        String endpoint = name.substring(1);
        if (!EndpointNames.isValid(endpoint)) {
            throw new NotFoundException(Response.status(Response.Status.NOT_FOUND)
                    .entity("Not a beacon endpoint name\n").type(MediaType.TEXT_PLAIN_TYPE).build());
        }
        return endpoint;
    }
}
