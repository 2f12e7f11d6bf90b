package dev.beacon.it.browser;

import java.net.URI;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The demo page served under a Content Security Policy whose {@code report-uri} is the beacon endpoint
 * {@code csp}: opening it makes the browser block an image and report the violation.
 */
public final class CspPage {

    private CspPage() {
    }

    /** Opens the page; the browser reports the blocked image on its own. */
    public static void open(WebDriver driver, URI app) {
        driver.get(app.resolve("csp.html").toString());
        driver.findElement(By.id("blocked"));
    }
}
