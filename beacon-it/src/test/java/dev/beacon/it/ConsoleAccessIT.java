package dev.beacon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console is shut, with {@code 403} and the reason, to a client whose address it does not list, read behind the
 * trusted proxies as for beacons, and to anyone not logged in with its role; its page, script and data alike. Open to
 * an operator the application's own login ({@link OperatorLogin}) gives the role.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleAccessIT {

    private static final String[] PATHS = {"beacon-console", "beacon-console/", "beacon-console/data", "beacon-console/console.js"};

    @ArquillianResource
    private URL appUrl;

    @Deployment(testable = false)
    static WebArchive aConsoleOpenToThisMachineForARoleBehindAProxy() {
        return ConsoleIT.consoleWar("console-access.war", "beacon.console.allowed-addresses", "127.0.0.1, ::1", "beacon.console.role",
                OperatorLogin.ROLE, "beacon.trusted-proxies", "127.0.0.1, ::1").addClass(OperatorLogin.class);
    }

    @Test
    void isShutToAClientWhoseAddressItDoesNotList() throws Exception {
        Shop app = Shop.at(appUrl);

        for (String path : PATHS) {
            HttpResponse<String> answer = get(app, path, "X-Forwarded-For", "198.51.100.7", OperatorLogin.USER_HEADER, OperatorLogin.OPERATOR);

            assertEquals(403, answer.statusCode(), path);
            assertEquals("The beacon console is not open to your address (198.51.100.7): beacon.console.allowed-addresses does not list it.",
                    answer.body(), path);
        }
    }

    @Test
    void isShutToAnAllowedAddressWhereNoOneIsLoggedInWithItsRole() throws Exception {
        Shop app = Shop.at(appUrl);

        for (String path : PATHS) {
            HttpResponse<String> answer = app.get(path);

            assertEquals(403, answer.statusCode(), path);
            assertEquals("The beacon console needs a user in the role 'beacon-operator', and no one is logged in: the application's login must"
                    + " cover the console's path.", answer.body(), path);
        }
    }

    @Test
    void isShutToAUserWithoutItsRole() throws Exception {
        Shop app = Shop.at(appUrl);

        for (String path : PATHS) {
            HttpResponse<String> answer = get(app, path, OperatorLogin.USER_HEADER, "visitor");

            assertEquals(403, answer.statusCode(), path);
            assertEquals("The beacon console needs a user in the role 'beacon-operator'.", answer.body(), path);
        }
    }

    @Test
    void opensToAnAllowedAddressLoggedInWithItsRole() throws Exception {
        Shop app = Shop.at(appUrl);

        for (String path : new String[] {"beacon-console/", "beacon-console/data", "beacon-console/console.js"}) {
            HttpResponse<String> answer = get(app, path, OperatorLogin.USER_HEADER, OperatorLogin.OPERATOR);

            assertEquals(200, answer.statusCode(), path);
        }
        assertTrue(get(app, "beacon-console/data", OperatorLogin.USER_HEADER, OperatorLogin.OPERATOR).body().contains("\"intervals\""));
    }

    private static HttpResponse<String> get(Shop app, String path, String... headers) throws Exception {
        return app.http().send(HttpRequest.newBuilder(app.app().resolve(path)).headers(headers).GET().build(), BodyHandlers.ofString());
    }
}
