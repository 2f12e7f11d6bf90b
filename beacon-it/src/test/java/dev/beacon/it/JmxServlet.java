package dev.beacon.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Added to the deployment by the tests: {@code GET /jmx} reads this application's beacon statistics
 * from the server's platform MBean server, as a monitoring tool would, and answers
 * {@code accepted=N delivered=N}.
 */
@WebServlet("/jmx")
public class JmxServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        try {
            ObjectName name = new ObjectName("dev.beacon:type=BeaconStatistics,context=" + ObjectName.quote(request.getContextPath()));
            Object accepted = ManagementFactory.getPlatformMBeanServer().getAttribute(name, "Accepted");
            Object delivered = ManagementFactory.getPlatformMBeanServer().getAttribute(name, "Delivered");
            response.getWriter().write("accepted=" + accepted + " delivered=" + delivered);
        } catch (JMException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.getWriter().write(e.toString());
        }
    }
}
