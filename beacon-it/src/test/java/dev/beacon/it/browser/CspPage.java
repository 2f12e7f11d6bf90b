package dev.beacon.it.browser;

import java.net.URI;

/**
 * The demo pages served under a Content Security Policy that reports to a beacon endpoint: opening one
 * makes the browser block an image and report the violation.
 */
public final class CspPage {

    private CspPage() {
    }

    /** Opens the page whose policy reports with {@code report-uri}; the browser reports the blocked image on its own. */
    public static void open(Browser browser, URI app) {
        openAndFindTheBlockedImage(browser, app.resolve("csp.html"));
    }

    /** Opens the page whose policy reports through the Reporting API ({@code report-to}); {@code secureApp} is the HTTPS address. */
    public static void openReportingApiPage(Browser browser, URI secureApp) {
        openAndFindTheBlockedImage(browser, secureApp.resolve("reporting.html"));
    }

    private static void openAndFindTheBlockedImage(Browser browser, URI page) {
        browser.open(page);
        browser.text("//img[@id='blocked']");
    }
}
