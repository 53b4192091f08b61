package dev.chatroom.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven through chromedriver (Debian's chromium and chromium-driver, found
 * on the PATH), showing the server's web page; one browser is one person. Waits are on what the page
 * shows, with a timeout.
 */
public final class Browser implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final WebDriver driver;

    /** A browser window of this size (375 wide: a phone). */
    public Browser(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium", "chromium-browser", "google-chrome")
                .orElseThrow()
                .toFile());
        // --no-sandbox: the sandbox needs user namespaces that CI containers (running as root) lack
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(executable("chromedriver").orElseThrow().toFile())
                .withLogFile(new File(System.getProperty("java.io.tmpdir"), "chromedriver-test.log"))
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        // a window cannot be made narrower than 500 px; the page is shown as on a screen this size
        chrome.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 500));
        driver = chrome;
        driver.manage().timeouts().pageLoadTimeout(TIMEOUT);
    }

    /** Whether a Chromium and its chromedriver are installed. */
    public static boolean available() {
        return executable("chromium", "chromium-browser", "google-chrome").isPresent()
                && executable("chromedriver").isPresent();
    }

    private static Optional<Path> executable(String... names) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            for (String name : names) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return Optional.of(p);
            }
        return Optional.empty();
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    /** Types the name into the join form and presses Enter, the keyboard only. */
    public Browser join(String name) {
        WebElement field = driver.findElement(By.id("name"));
        field.clear();
        field.sendKeys(name + Keys.ENTER);
        return this;
    }

    /** Joins logged in to an account: the name, then the password under "Log in to an account", then Enter. */
    public Browser login(String name, String password) {
        driver.findElement(By.cssSelector("#join summary")).click();
        driver.findElement(By.id("password")).sendKeys(password);
        return join(name);
    }

    /** Types lines into the message box, a new line between them with Shift+Enter, and sends them with Enter. */
    public Browser sayLines(String... lines) {
        WebElement input = driver.findElement(By.id("input"));
        for (int i = 0; i < lines.length; i++) {
            input.sendKeys(lines[i]);
            if (i < lines.length - 1) input.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        }
        input.sendKeys(Keys.ENTER);
        return this;
    }

    /** Types a line into the message box and presses Enter. */
    public Browser say(String line) {
        driver.findElement(By.id("input")).sendKeys(line + Keys.ENTER);
        return this;
    }

    /** The visible text of the element with this id. */
    public String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** Waits until the element with this id shows the text; returns its whole text. */
    public String await(String id, String text) throws InterruptedException {
        return Await.until(
                "'" + text + "' in #" + id,
                TIMEOUT,
                () -> driver.findElement(By.id(id)).getText(),
                t -> t.contains(text));
    }

    public List<WebElement> find(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Clicks the first element matching the CSS selector whose text is this. */
    public void click(String css, String text) throws InterruptedException {
        Await.until(
                        "a " + css + " with '" + text + "'",
                        TIMEOUT,
                        () -> find(css).stream()
                                .filter(e -> e.getText().equals(text))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow()
                .click();
    }

    /** Runs a script in the page and returns its result (to look at what the page made of things). */
    public Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    /** A screenshot of the window, as PNG. */
    public void screenshot(Path to) throws IOException {
        File shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(to.toAbsolutePath().getParent());
        Files.copy(shot.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
