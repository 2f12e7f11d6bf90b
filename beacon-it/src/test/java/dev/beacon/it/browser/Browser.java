package dev.beacon.it.browser;

import java.net.URI;
import java.util.List;

/**
 * A real browser, driven the way a test needs it: open a page, run the page's script, click as a
 * person does. Chromium is driven through WebDriver ({@link Chromium}), Firefox through WebDriver BiDi
 * ({@link Firefox}); page objects are written once, against this.
 */
public interface Browser {

    /** @return the browser's name and version, e.g. {@code Firefox 153.8.0} */
    String name();

    /** Loads a page in the current tab and waits until it has loaded. */
    void open(URI page);

    /** @return the current tab's address */
    String url();

    /**
     * Runs a function body in the current page, with {@code arguments} bound to {@code arguments}.
     *
     * @return what it returns: {@code null}, a {@link String}, {@link Boolean}, {@link Long} (whole
     *         numbers), {@link Double}, {@link List} or {@link java.util.Map}
     */
    Object run(String script, Object... arguments);

    /**
     * Runs a function body that calls its last argument with the result when it is finished, and waits
     * for that call.
     *
     * @return what it passed, converted as {@link #run} converts
     */
    Object runAsync(String script, Object... arguments);

    /** Moves the pointer to the element the XPath expression finds first, and clicks it. */
    void click(String xpath);

    /** @return the rendered text of the element the XPath expression finds first */
    String text(String xpath);

    /** Opens a new tab, which becomes the current one. */
    void openTab();

    /** Closes the current tab, as a person does, and returns to the first one. */
    void closeTab();

    /** @return a PNG of the current tab */
    byte[] screenshot();

    /** @return what the pages' scripts logged to the console, oldest first */
    List<String> console();
}
