package dev.beacon.jaxrs;

import dev.beacon.core.exchange.AnswerWriter;
import dev.beacon.core.exchange.ServletIncomingRequest;
import dev.beacon.core.runtime.BeaconRuntime;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.InputStream;

/**
 * Where {@code beacon-jaxrs} meets the servlet container it runs in. The resource reads the request
 * and writes its answer through the servlet API, as the filter does, so that both entry points read
 * headers and bodies the same way, and so that the {@code 204} is flushed before any observer runs:
 * neither an {@code AsyncResponse} (which needs every filter in front of the resource to support
 * async, and applications' own filters often do not) nor a completion callback (Jersey calls it before
 * the container flushes) can promise that. The runtime then finds the response committed, and what it
 * would write of its own is ignored.
 */
final class ServletExchange {

    private ServletExchange() {
    }

    /**
     * Answers a request to a beacon path with the application's intake, then delivers the beacon it accepted.
     *
     * @param request the servlet request under the JAX-RS request
     * @param body the body as the runtime hands it; never the servlet's own stream, which the runtime
     *        may have begun to read
     * @param response the servlet response
     * @param endpoint the endpoint name the path stands for
     */
    static void answer(HttpServletRequest request, InputStream body, HttpServletResponse response, String endpoint) {
        BeaconRuntime application = BeaconRuntime.of(request.getServletContext());
        // With beacon.answer-when=stored, this thread waits for the sinks: the runtime would answer a request left async itself.
        AnswerWriter.sendThenDeliver(application.intake().answer(new ServletIncomingRequest(request, body), endpoint).awaitSettled(), response);
    }
}
