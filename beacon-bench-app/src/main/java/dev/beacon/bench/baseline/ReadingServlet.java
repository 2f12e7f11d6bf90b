package dev.beacon.bench.baseline;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The servlet a user would write: reads the body, answers 204. The filter's baseline. */
@WebServlet("/baseline/read")
public class ReadingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        if (body.length != request.getContentLength()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        received(body);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /**
     * What is done with a body read whole: nothing, here.
     *
     * @param body the body
     */
    protected void received(byte[] body) {
    }
}
