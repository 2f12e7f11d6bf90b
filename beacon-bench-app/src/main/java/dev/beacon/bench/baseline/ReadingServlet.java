package dev.beacon.bench.baseline;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** The servlet a user would write: reads the body, answers 204. The filter's baseline. */
@WebServlet("/baseline/read")
public class ReadingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        readAndAnswer(request, response).ifPresent(this::received);
    }

    /**
     * What a user's code does with a beacon before anything else: reads the body whole and answers 204, or 400 when
     * fewer bytes came than announced. {@link ReadingFilter} does the same.
     *
     * @return the body, when it came whole
     */
    static Optional<byte[]> readAndAnswer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        if (body.length != request.getContentLength()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return Optional.empty();
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        return Optional.of(body);
    }

    /**
     * What is done with a body read whole: nothing, here.
     *
     * @param body the body
     */
    protected void received(byte[] body) {
    }
}
