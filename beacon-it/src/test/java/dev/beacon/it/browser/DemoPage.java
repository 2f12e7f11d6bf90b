package dev.beacon.it.browser;

import java.net.URI;

/**
 * The demo's main page, as a person (or the page's own script) uses it.
 */
public final class DemoPage {

    /** Where the page sends: the servlet filter's path or the JAX-RS resource's. */
    public enum Target {
        FILTER("beacon"), RESOURCE("api/beacon");

        final String path;

        Target(String path) {
            this.path = path;
        }
    }

    private final Browser browser;
    private final URI app;

    private DemoPage(Browser browser, URI app) {
        this.browser = browser;
        this.app = app;
    }

    /**
     * @param app the application's root, whose host decides the page's origin
     */
    public static DemoPage open(Browser browser, URI app) {
        browser.open(app);
        return new DemoPage(browser, app);
    }

    /** Opens the page in a new tab, which becomes the current one. */
    public static DemoPage openInNewTab(Browser browser, URI app) {
        browser.openTab();
        return open(browser, app);
    }

    /** Clicks the button that sends one kind of body (its label, e.g. "FormData with a file") to a target. */
    public void sendWithButton(String label, Target target) {
        browser.click("//input[@name='via'][@value='" + target.path + "']");
        browser.click("//button[normalize-space()='" + label + "']");
    }

    /** @return the line under the buttons saying what was sent, and how */
    public String status() {
        return browser.text("//*[@id='status']");
    }

    /**
     * Calls {@code navigator.sendBeacon(url, body)} in the page.
     *
     * @param url absolute, or relative to the page
     * @param bodyScript a JavaScript expression for the body, e.g. {@code new Blob(['x'])}
     * @return what {@code sendBeacon} returned: false when the browser refused to queue the beacon
     */
    public boolean sendBeacon(String url, String bodyScript) {
        return (Boolean) browser.run("return navigator.sendBeacon(arguments[0], " + bodyScript + ");", url);
    }

    /**
     * Calls {@code fetch(url, {method: 'POST', keepalive: true, body})} and waits for it to settle.
     *
     * @return the response status, or the rejection's text
     */
    public String fetchKeepalive(String url, String bodyScript) {
        Object outcome = runAsync("fetch(arguments[0], {method: 'POST', keepalive: true, body: " + bodyScript + "})"
                + ".then(r => done(String(r.status)), e => done(String(e)));", url);
        return String.valueOf(outcome);
    }

    /**
     * Loads an image, as a tracking pixel does, and waits for it to load or fail.
     *
     * @return the image's width once loaded, or the word {@code error}
     */
    public String loadImage(String url) {
        Object outcome = runAsync("const image = new Image();"
                + "image.onload = () => done(String(image.naturalWidth));"
                + "image.onerror = () => done('error');"
                + "image.src = arguments[0];", url);
        return String.valueOf(outcome);
    }

    /**
     * Runs a script on the page, as the page's own code would.
     *
     * @return what the script returns
     */
    public Object run(String script, Object... arguments) {
        return browser.run(script, arguments);
    }

    /**
     * Runs a script that calls {@code done(result)} when it is finished, and waits for it.
     *
     * @return what it passed to {@code done}
     */
    public Object runAsync(String script, Object... arguments) {
        return browser.runAsync("const done = arguments[arguments.length - 1];" + script, arguments);
    }

    /** Leaves the page for another URL of the application, as a click on a link would. */
    public void leaveFor(String path) {
        browser.open(app.resolve(path));
    }

    /** Closes the page's tab and returns to the first one. */
    public void closeTab() {
        browser.closeTab();
    }

    /** @return an absolute beacon URL for an endpoint, at the application's address as this page has it */
    public String beaconUrl(Target target, String endpoint) {
        return app.resolve(target.path + "/" + endpoint).toString();
    }
}
