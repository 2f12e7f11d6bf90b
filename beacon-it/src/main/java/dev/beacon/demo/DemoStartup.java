package dev.beacon.demo;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * Tells the person who started the demo where to open it.
 */
@WebListener
public class DemoStartup implements ServletContextListener {

    private static final Logger LOGGER = Logger.getLogger(DemoStartup.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String url = System.getProperty("demo.url");
        if (url != null) {
            LOGGER.info(() -> "\n\n    beacon demo running: open " + url + " (Ctrl-C stops it)\n");
        }
    }
}
