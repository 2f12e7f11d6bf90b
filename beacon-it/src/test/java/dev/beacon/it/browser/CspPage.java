package dev.beacon.it.browser;

import java.net.URI;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The demo pages served under a Content Security Policy that reports to a beacon endpoint: opening one
 * makes the browser block an image and report the violation.
 */
public final class CspPage {

    private CspPage() {
    }

    /** Opens the page whose policy reports with {@code report-uri}; the browser reports the blocked image on its own. */
    public static void open(WebDriver driver, URI app) {
        openAndFindTheBlockedImage(driver, app.resolve("csp.html"));
    }

    /** Opens the page whose policy reports through the Reporting API ({@code report-to}); {@code secureApp} is the HTTPS address. */
    public static void openReportingApiPage(WebDriver driver, URI secureApp) {
        openAndFindTheBlockedImage(driver, secureApp.resolve("reporting.html"));
    }

    private static void openAndFindTheBlockedImage(WebDriver driver, URI page) {
        driver.get(page.toString());
        driver.findElement(By.id("blocked"));
    }
}
