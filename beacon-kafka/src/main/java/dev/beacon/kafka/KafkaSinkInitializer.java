package dev.beacon.kafka;

import dev.beacon.core.runtime.BeaconRuntime;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Set;

/**
 * Reads the sink's settings where the library reads its own, when the application starts, so that an
 * invalid one fails the deployment, naming it; then, once the application's CDI container runs, opens the
 * sink. The servlet context is what the settings need, and CDI cannot be relied on for it at startup
 * (Payara's is a request-scoped bean), so the servlet container's own start is used.
 */
public class KafkaSinkInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext application) {
        BeaconRuntime intake = BeaconRuntime.of(application);
        SinkOpening opening = new SinkOpening(KafkaSettings.from(intake.settings()), application.getContextPath(),
                intake.config().shutdownTimeout());
        application.addListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent started) {
                CDI.current().getBeanManager().getEvent().select(SinkOpening.class).fire(opening);
            }
        });
    }
}
