package dev.beacon.core.runtime;

import dev.beacon.core.cdi.ApiPresence;
import dev.beacon.core.console.BeaconConsole;
import dev.beacon.core.console.ConsoleServlet;
import dev.beacon.core.delivery.BeaconDelivery;
import dev.beacon.core.delivery.Delivery;
import dev.beacon.core.delivery.WithoutCdi;
import dev.beacon.core.intake.BeaconIntake;
import dev.beacon.core.observe.StatisticsPublisher;
import dev.beacon.core.settings.BeaconConfig;
import dev.beacon.core.settings.BeaconSettings;
import dev.beacon.core.settings.UnknownSettings;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The one intake of a deployed application, shared by its entry points: the filter and the resource
 * apply the same settings, and their beacons share one in-flight budget. Built when the application
 * starts, by the initializer of whichever beacon jar it carries, so that an invalid setting fails the
 * deployment, naming the setting, instead of every beacon. Its statistics are published over JMX
 * ({@link dev.beacon.core.observe.StatisticsPublisher}) while it runs, and its CDI container is found once the application
 * has started, before any beacon comes.
 */
public final class BeaconRuntime {

    /** The name of the beacon filter, whose init parameters, when the application declares it, are settings too. */
    public static final String FILTER_NAME = "beacon";

    private static final String ATTRIBUTE = BeaconRuntime.class.getName();

    private final BeaconSettings settings;
    private final BeaconConfig config;
    private final BeaconIntake intake;
    private final BeaconConsole console;

    private BeaconRuntime(BeaconSettings settings, BeaconConfig config, BeaconIntake intake, BeaconConsole console) {
        this.settings = settings;
        this.config = config;
        this.intake = intake;
        this.console = console;
    }

    /**
     * The application's intake, built on the first call, once, however many threads ask at once.
     *
     * @param application the application
     * @return its intake
     * @throws IllegalArgumentException naming the setting, when a setting is invalid
     */
    public static BeaconRuntime of(ServletContext application) {
        BeaconRuntime built = (BeaconRuntime) application.getAttribute(ATTRIBUTE);
        if (built != null) {
            return built;
        }
        // Rarely taken: once per application, or by the first beacons where no initializer ran.
        synchronized (BeaconRuntime.class) {
            built = (BeaconRuntime) application.getAttribute(ATTRIBUTE);
            if (built == null) {
                BeaconSettings settings = BeaconSettings.layered(settingsOf(application), () -> namesSetIn(application));
                BeaconConfig config = BeaconConfig.from(settings::value);
                UnknownSettings.check(settings, config);
                BeaconConsole console = config.console().isOn() ? new BeaconConsole(config.reportRollupWindow(), Clock.systemUTC()) : null;
                Delivery delivery = deliveryFor(config, console);
                built = new BeaconRuntime(settings, config, new BeaconIntake(config, delivery), console);
                application.setAttribute(ATTRIBUTE, built);
                StatisticsPublisher.publish(application, delivery::statisticsIfReached);
                connectOnceStarted(application, delivery, console);
            }
            return built;
        }
    }

    /**
     * @return where the application's settings are looked up, in the documented order, for the modules that
     *         have settings of their own, such as {@code beacon-kafka}
     */
    public BeaconSettings settings() {
        return settings;
    }

    /**
     * @return the validated settings
     */
    public BeaconConfig config() {
        return config;
    }

    /**
     * @return the rules every entry point applies
     */
    public BeaconIntake intake() {
        return intake;
    }

    /**
     * Serves the console, where the settings turn it on. Call it from the initializer of a beacon jar, once per jar:
     * the first serves it.
     *
     * @param application the application starting
     * @throws IllegalArgumentException naming the setting, where an address the console is open to is no address
     */
    public void serveConsole(ServletContext application) {
        if (console != null) {
            ConsoleServlet.registerIn(application, config, console);
        }
    }

    /**
     * @param console told each closed window's report rollups; {@code null} where there is no console
     * @return the delivery to the calling application's CDI container, or, without even the CDI API, the one that
     *         says there is none
     */
    private static Delivery deliveryFor(BeaconConfig config, BeaconConsole console) {
        if (!ApiPresence.isPresent("jakarta.enterprise.inject.spi.CDI")) {
            return new WithoutCdi();
        }
        return BeaconDelivery.toCurrentContainer(config, console == null ? closed -> { } : console::windowClosed);
    }

    /**
     * Finds the application's container as soon as it runs, not when the first beacon comes: readiness, the
     * statistics and the sinks are true from the start (an application started while its Kafka broker is away is not
     * ready), and a missing container is said at start-up.
     */
    private static void connectOnceStarted(ServletContext application, Delivery delivery, BeaconConsole console) {
        try {
            application.addListener(new ServletContextListener() {
                @Override
                public void contextInitialized(ServletContextEvent started) {
                    delivery.isReady();
                    if (console != null) {
                        console.start(delivery::statisticsIfReached);
                    }
                }

                @Override
                public void contextDestroyed(ServletContextEvent stopped) {
                    if (console != null) {
                        console.stop();
                    }
                }
            });
        } catch (IllegalStateException | UnsupportedOperationException e) {
            // Built by a first beacon, where no initializer ran: that beacon finds the container.
        }
    }

    private static Collection<String> namesSetIn(ServletContext application) {
        Set<String> names = new HashSet<>(Collections.list(application.getInitParameterNames()));
        FilterRegistration declared = application.getFilterRegistration(FILTER_NAME);
        if (declared != null) {
            names.addAll(declared.getInitParameters().keySet());
        }
        return names;
    }

    private static Function<String, String> settingsOf(ServletContext application) {
        return name -> {
            FilterRegistration declared = application.getFilterRegistration(FILTER_NAME);
            String value = declared == null ? null : declared.getInitParameter(name);
            return value != null ? value : application.getInitParameter(name);
        };
    }
}
