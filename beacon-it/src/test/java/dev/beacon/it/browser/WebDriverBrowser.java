package dev.beacon.it.browser;

import java.net.URI;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Capabilities;
import org.openqa.selenium.HasCapabilities;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/** A {@link Browser} behind a WebDriver session. */
final class WebDriverBrowser implements Browser {

    private final WebDriver driver;

    WebDriverBrowser(WebDriver driver) {
        this.driver = driver;
    }

    @Override
    public String name() {
        Capabilities capabilities = ((HasCapabilities) driver).getCapabilities();
        return capabilities.getBrowserName() + " " + capabilities.getBrowserVersion();
    }

    @Override
    public void open(URI page) {
        driver.get(page.toString());
    }

    @Override
    public String url() {
        return driver.getCurrentUrl();
    }

    @Override
    public Object run(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    @Override
    public Object runAsync(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    @Override
    public void click(String xpath) {
        driver.findElement(By.xpath(xpath)).click();
    }

    @Override
    public String text(String xpath) {
        return driver.findElement(By.xpath(xpath)).getText();
    }

    @Override
    public void openTab() {
        driver.switchTo().newWindow(WindowType.TAB);
    }

    @Override
    public void closeTab() {
        driver.close();
        driver.switchTo().window(driver.getWindowHandles().iterator().next());
    }

    @Override
    public byte[] screenshot() {
        return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    }

    @Override
    public List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }
}
