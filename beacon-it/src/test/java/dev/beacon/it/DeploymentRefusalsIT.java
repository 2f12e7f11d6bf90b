package dev.beacon.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * What the library cannot honour fails the deployment, saying why, on every server: a mistake is found when the
 * application is deployed, not by the first browser that sends a beacon.
 * <ul>
 * <li>An application that takes beacons through the JAX-RS resource only (beacon-api, beacon-core and beacon-jaxrs in
 * {@code WEB-INF/lib}, no beacon-servlet), with an invalid setting, as the filter's would.</li>
 * <li>An application with the filter and observers the library cannot serve: one with
 * {@code during = TransactionPhase.AFTER_SUCCESS}, which no beacon can honour, and those of an endpoint's beacons as a
 * {@code String}, a {@code Map}, a {@code double}, an interface and a class JSON-B cannot construct, none of which a
 * beacon can be bound to. The library reports every such refusal together, so the deployment names each observer's
 * class and method, with the reason and what to do instead.</li>
 * <li>An application with the filter, a misspelt setting, and {@code beacon.unknown-settings=fail}.</li>
 * <li>An application with the filter, {@code beacon.answer-when=stored}, and no sink to store beacons in.</li>
 * </ul>
 * The Payara Micro adapter starts a fresh server for each deployment.
 */
@ExtendWith(ArquillianExtension.class)
class DeploymentRefusalsIT {

    private static final String MISCONFIGURED = "resource-only-misconfigured";
    private static final String UNSERVABLE = "unservable-observers";

    private static final String SETTING = "beacon.max-body-size";
    private static final String INVALID_VALUE = "64k";

    private static final String UNSTORED = "stored-without-sink";

    private static final String MISSPELT = "misspelt-setting";
    private static final String MISSPELT_SETTING = "beacon.max-bodysize";

    /** Payara Micro's report of what it deployed, as its Arquillian adapter reads it. */
    private static final Pattern PAYARA_DEPLOYED = Pattern.compile("\"Deployed\": (\\[.*?\\])", Pattern.DOTALL);

    @ArquillianResource
    private Deployer deployer;

    /** The library jars exactly as the build packaged them into the demo WAR, without beacon-servlet's. */
    @Deployment(name = MISCONFIGURED, managed = false, testable = false)
    static WebArchive resourceOnlyWithAnInvalidSetting() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, MISCONFIGURED + ".war")
                .addClasses(ResourceOnlyApplication.class, ResourceOnlyObserver.class)
                .setWebXML(LibraryWars.webXml(SETTING, INVALID_VALUE));
        return LibraryWars.withLibraryJars(war, "beacon-api-", "beacon-core-", "beacon-jaxrs-");
    }

    @Deployment(name = MISSPELT, managed = false, testable = false)
    static WebArchive filterWithAMisspeltSettingAndUnknownSettingsRefused() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, MISSPELT + ".war").addClasses(ResourceOnlyObserver.class)
                .setWebXML(LibraryWars.webXml(MISSPELT_SETTING, "10", "beacon.unknown-settings", "fail"));
        return LibraryWars.withLibraryJars(war, "beacon-api-", "beacon-core-", "beacon-servlet-");
    }

    @Deployment(name = UNSTORED, managed = false, testable = false)
    static WebArchive filterAnsweringOnceStoredWithoutASink() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, UNSTORED + ".war").addClasses(ResourceOnlyObserver.class)
                .setWebXML(LibraryWars.webXml("beacon.answer-when", "stored"));
        return LibraryWars.withLibraryJars(war, "beacon-api-", "beacon-core-", "beacon-servlet-");
    }

    @Deployment(name = UNSERVABLE, managed = false, testable = false)
    static WebArchive filterWithATransactionalObserverAndAnObserverOfAnUnbindableType() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, UNSERVABLE + ".war").addClasses(TransactionalObserver.class,
                UnbindableObservers.class, UnbindableObservers.Metric.class, UnbindableObservers.Sample.class);
        return LibraryWars.withLibraryJars(war, "beacon-api-", "beacon-core-", "beacon-servlet-");
    }

    @Test
    void invalidSettingFailsTheDeploymentNamingTheSetting() throws Exception {
        assertRefused(MISCONFIGURED, "'" + SETTING + "'", "'" + INVALID_VALUE + "'");
    }

    @Test
    void transactionalObserverAndObserversOfTypesNoBeaconCanBeBoundToFailTheDeploymentEachNamedWithWhatToDoInstead() throws Exception {
        String unbindable = UnbindableObservers.class.getName();
        assertRefused(UNSERVABLE, TransactionalObserver.class.getName() + "#onBeacon observes dev.beacon.Beacon with during = TransactionPhase.AFTER_SUCCESS",
                "Remove 'during'",
                unbindable + "#onText observes java.lang.String at endpoint 'vitals', which no beacon can be bound to",
                unbindable + "#onFields observes java.util.Map<java.lang.String, java.lang.String> at endpoint 'vitals'",
                unbindable + "#onValue observes ",
                unbindable + "#onMetric observes " + UnbindableObservers.Metric.class.getName()
                        + " at endpoint 'vitals', which no beacon can be bound to: JSON-B cannot construct an interface",
                unbindable + "#onSample observes " + UnbindableObservers.Sample.class.getName() + " at endpoint 'vitals', which no beacon"
                        + " can be bound to: JSON-B cannot construct Sample: it has neither a constructor without arguments nor one marked @JsonbCreator",
                "Observe Beacon and read beacon.text()");
    }

    @Test
    void answersOnceStoredWithoutASinkFailTheDeploymentSayingWhatToAdd() throws Exception {
        assertRefused(UNSTORED, "The 'beacon.answer-when' setting is 'stored'", "the application has no sink (add beacon-kafka)");
    }

    @Test
    void misspeltSettingFailsTheDeploymentNamingTheSettingMeantWhereTheApplicationAsks() throws Exception {
        assertRefused(MISSPELT, MISSPELT_SETTING + " is set, but is not a setting of the beacon library: did you mean beacon.max-body-size?");
    }

    private void assertRefused(String deployment, String... said) throws Exception {
        try (ServerConsole console = ServerConsole.capture()) {
            try {
                switch (System.getProperty("server", "")) {
                    case "wildfly" -> assertWildFlyRefusesTheDeployment(deployment, said);
                    case "open-liberty" -> assertOpenLibertyRefusesTheDeployment(deployment, console, said);
                    case "payara-micro" -> assertPayaraMicroDeploysNothing(deployment, console, said);
                    default -> fail("Unknown server: -Dserver=" + System.getProperty("server"));
                }
            } finally {
                // Payara Micro's adapter stops its server here; after a refused deployment, Arquillian ignores the undeploy's failure.
                deployer.undeploy(deployment);
            }
        }
    }

    /** WildFly's adapter reports the failed deployment with the server's failure description. */
    private void assertWildFlyRefusesTheDeployment(String deployment, String... said) {
        Throwable refused = assertThrows(Throwable.class, () -> deployer.deploy(deployment));

        List<Throwable> causes = causes(refused);
        String messages = causes.stream().map(String::valueOf).reduce("", (all, one) -> all + "\n" + one);
        assertTrue(causes.stream().anyMatch(DeploymentException.class::isInstance), messages);
        assertSaid(messages, said);
    }

    /**
     * Open Liberty leaves the application installed but not started, which its adapter reports after its
     * deployment timeout without the cause; the server's log, which the adapter echoes, names the setting.
     */
    private void assertOpenLibertyRefusesTheDeployment(String deployment, ServerConsole console, String... said) {
        assertThrows(DeploymentException.class, () -> deployer.deploy(deployment));

        assertSaid(console.text(), said);
    }

    /**
     * Payara Micro logs the failure and starts without the application, and its adapter, which reads
     * only the list of deployed applications, reports no error: the server's own console is the evidence.
     */
    private void assertPayaraMicroDeploysNothing(String deployment, ServerConsole console, String... said) {
        deployer.deploy(deployment);

        String output = console.text();
        Matcher deployed = PAYARA_DEPLOYED.matcher(output);
        assertTrue(deployed.find(), () -> "No list of deployed applications in Payara Micro's output:\n" + output);
        assertFalse(deployed.group(1).contains(deployment), () -> "Deployed: " + deployed.group(1));
        assertSaid(output, said);
    }

    private static void assertSaid(String output, String... said) {
        assertAll(Arrays.stream(said).map(words -> (Executable) () -> assertTrue(output.contains(words), () -> "Not said: " + words + " in:\n" + output)));
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = thrown; cause != null && !causes.contains(cause); cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }

    /**
     * What is printed to {@code System.out} while it is open, still printed as well: the Payara Micro
     * adapter echoes the server's console there.
     */
    private static final class ServerConsole implements AutoCloseable {

        private final PrintStream original;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        private ServerConsole(PrintStream original) {
            this.original = original;
        }

        static ServerConsole capture() {
            ServerConsole console = new ServerConsole(System.out);
            System.setOut(new PrintStream(new Tee(console.original, console.copy), true, StandardCharsets.UTF_8));
            return console;
        }

        String text() {
            synchronized (copy) {
                return copy.toString(StandardCharsets.UTF_8);
            }
        }

        @Override
        public void close() {
            System.setOut(original);
        }
    }

    private static final class Tee extends OutputStream {

        private final OutputStream first;
        private final ByteArrayOutputStream second;

        Tee(OutputStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            synchronized (second) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            synchronized (second) {
                second.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            first.flush();
        }
    }
}
