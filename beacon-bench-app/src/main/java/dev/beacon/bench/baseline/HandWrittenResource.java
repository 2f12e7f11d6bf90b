package dev.beacon.bench.baseline;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** The ten lines of JAX-RS a user would write instead of the library: the resource's baseline. */
@Path("handwritten")
public class HandWrittenResource {

    @Inject
    private Event<HandWrittenBeacon> received;

    @POST
    public Response receive(String body) {
        received.fire(new HandWrittenBeacon(body));
        return Response.noContent().build();
    }
}
