package dev.beacon.jaxrs;

import dev.beacon.BeaconEndpoint;
import dev.beacon.intake.Answer;
import dev.beacon.intake.BeaconIntake;
import dev.beacon.intake.BeaconPaths;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Receives browser beacons at {@code beacon} and {@code beacon/{name}} under the application's
 * {@code @ApplicationPath}, and fires them as CDI events of type {@link dev.beacon.Beacon}, with the
 * same rules as the servlet filter (see {@code dev.beacon.intake.BeaconIntake}).
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
 * <b>Configuration</b> ({@link dev.beacon.BeaconConfig}) comes from the {@code Application}'s
 * properties, then context parameters, MicroProfile Config and system properties. It is read once,
 * on the first beacon the deployed application receives.
 */
@Path("beacon")
public class BeaconResource {

    private static final Logger LOGGER = Logger.getLogger(BeaconResource.class.getName());

    private static final AtomicReference<String> LAST_REPORTED_SETTING_ERROR = new AtomicReference<>();

    @Context
    private HttpHeaders headers;

    @Context
    private UriInfo uriInfo;

    @Context
    private Request request;

    @Context
    private Configuration configuration;

    @Context
    private HttpServletRequest servletRequest;

    @Context
    private HttpServletResponse servletResponse;

    /**
     * Receives a beacon for endpoint {@value BeaconEndpoint#DEFAULT}.
     *
     * @param body the body
     * @return the answer, already sent when the beacon was accepted
     */
    @POST
    public Response receive(InputStream body) {
        return receive(BeaconEndpoint.DEFAULT, body);
    }

    /**
     * Receives a beacon for a named endpoint.
     *
     * @param endpoint the endpoint name
     * @param body the body
     * @return the answer, already sent when the beacon was accepted
     */
    @POST
    @Path("{endpoint}")
    public Response receive(@PathParam("endpoint") String endpoint, InputStream body) {
        if (!BeaconPaths.isEndpointName(endpoint)) {
            // The body stays unread, and the container may drop the connection for it: the client should not reuse it.
            return notAnEndpoint().header("Connection", "close").build();
        }
        Answer answer;
        try {
            answer = answer(endpoint, body);
        } catch (IllegalArgumentException invalidSetting) {
            return misconfigured(invalidSetting);
        }
        if (answer.beacon().isPresent()) {
            sendBeforeDelivery(answer);
            answer.deliver();
        }
        return toResponse(answer);
    }

    /**
     * Answers a CORS preflight for endpoint {@value BeaconEndpoint#DEFAULT}.
     *
     * @return the preflight answer
     */
    @OPTIONS
    public Response preflight() {
        return preflight(BeaconEndpoint.DEFAULT);
    }

    /**
     * Answers a CORS preflight for a named endpoint.
     *
     * @param endpoint the endpoint name
     * @return the preflight answer
     */
    @OPTIONS
    @Path("{endpoint}")
    public Response preflight(@PathParam("endpoint") String endpoint) {
        if (!BeaconPaths.isEndpointName(endpoint)) {
            return notAnEndpoint().build();
        }
        try {
            return toResponse(answer(endpoint, null));
        } catch (IllegalArgumentException invalidSetting) {
            return misconfigured(invalidSetting);
        }
    }

    /**
     * Commits and flushes the {@code 204} through the servlet response, so that observers run after the
     * browser has its answer. Neither an {@code AsyncResponse} (which needs every filter in front of the
     * resource to support async, and applications' own filters often do not) nor a completion callback
     * (Jersey calls it before the container flushes) can promise that. The runtime then finds the
     * response committed, and what it writes of the same answer is ignored.
     */
    private void sendBeforeDelivery(Answer answer) {
        servletResponse.setStatus(answer.status());
        answer.headers().forEach(servletResponse::setHeader);
        try {
            servletResponse.flushBuffer();
        } catch (IOException gone) {
            LOGGER.fine(() -> "The client left before the beacon's answer was flushed: " + gone);
        }
    }

    private Answer answer(String endpoint, InputStream body) {
        ServletContext application = servletRequest.getServletContext();
        Function<String, String> ownSettings = name -> {
            Object property = configuration.getProperty(name);
            return property != null ? property.toString() : application.getInitParameter(name);
        };
        BeaconIntake intake = ConfiguredIntake.of(application, ownSettings);
        return intake.answer(new JaxrsIncomingRequest(request, headers, uriInfo, servletRequest, body), endpoint);
    }

    private static Response misconfigured(IllegalArgumentException invalidSetting) {
        // Once per distinct problem, not per beacon: every beacon fails alike until the setting is fixed.
        if (!invalidSetting.getMessage().equals(LAST_REPORTED_SETTING_ERROR.getAndSet(invalidSetting.getMessage()))) {
            LOGGER.severe(() -> "Beacons are refused with 503 until the setting is fixed: " + invalidSetting.getMessage());
        }
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "60")
                .entity("Beacon endpoint misconfigured\n").type(MediaType.TEXT_PLAIN_TYPE).build();
    }

    private static Response.ResponseBuilder notAnEndpoint() {
        return Response.status(Response.Status.NOT_FOUND).entity("Not a beacon endpoint name\n").type(MediaType.TEXT_PLAIN_TYPE);
    }

    private static Response toResponse(Answer answer) {
        Response.ResponseBuilder builder = Response.status(answer.status());
        answer.headers().forEach(builder::header);
        answer.reason().ifPresent(reason -> builder.entity(reason + "\n").type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")));
        return builder.build();
    }
}
