package dev.jhttp.tests.integration;

import dev.jhttp.server.files.StaticFiles;
import dev.jhttp.server.files.Uploads;
import dev.jhttp.server.filters.AccessLog;
import dev.jhttp.server.filters.ErrorPages;
import dev.jhttp.server.tls.Pem;
import dev.jhttp.tests.fixtures.Await;
import dev.jhttp.tests.fixtures.DemoSite;
import dev.jhttp.tests.fixtures.TestCertificate;
import dev.jhttp.tests.fixtures.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium loads the demo site and a directory listing served by jhttp: every subresource loads,
 * the console stays clean, links navigate, and a screenshot of each page goes to http-tests/target/. It loads the
 * demo site over https too (by HTTP/2, as ALPN chooses), trusting the test certificate's key alone, as a user who
 * trusted the certificate would. Files go up through a listing page's file picker, with its script and without.
 */
class BrowserTest {
    private static final List<String> ACCESS_LOG = new CopyOnWriteArrayList<>();
    private static TestServer server;
    private static TestServer https;
    private static TestServer uploads;
    @TempDir
    static Path uploadRoot;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(AccessLog.commonLogFormat(ACCESS_LOG::add).wrap(DemoSite.withRoutes("/echo")));
        TestCertificate certificate = TestCertificate.shared();
        var tls = certificate.serverConfig();
        https = TestServer.start(DemoSite.withRoutes("/echo"), config -> config.withTls(tls));
        uploads = TestServer.start(ErrorPages.negotiated().wrap(
                StaticFiles.serving(uploadRoot).withListing(true).withUploads(Uploads.allowed())));
        ChromeOptions options = new ChromeOptions();
        // Debian's browser and driver: Selenium Manager's own downloads cannot work here.
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1100,900",
                // Chromium trusts a certificate with this public key (base64 of its SubjectPublicKeyInfo's SHA-256).
                "--ignore-certificate-errors-spki-list=" + spkiHash(certificate));
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (https != null) {
            https.close();
        }
        if (uploads != null) {
            uploads.close();
        }
    }

    private static String spkiHash(TestCertificate certificate) throws Exception {
        byte[] publicKey = Pem.certificates(Files.readString(certificate.certificateFile())).getFirst()
                .getPublicKey().getEncoded();
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(publicKey));
    }

    @Test
    void demoSiteLoadsEverySubresourceWithoutConsoleErrors() throws Exception {
        browser.get(server.uri("/").toString());
        assertThat(browser.getTitle()).isEqualTo("jhttp — it works");
        // app.js fetches /echo and reports it on the page.
        Await.until(() -> browser.findElement(By.id("echo-status")).getText().startsWith("/echo is mounted"),
                Duration.ofSeconds(10), "the page's /echo check");
        List<Map<String, Object>> resources = resourceStatuses();
        assertThat(resources).extracting(r -> r.get("name").toString())
                .anyMatch(name -> name.endsWith("/style.css")).anyMatch(name -> name.endsWith("/app.js"))
                .anyMatch(name -> name.endsWith("/jhttp.svg"));
        // Media elements report no status to resource timing; the access log tells what the server answered.
        assertThat(resources).filteredOn(r -> ((Number) r.get("status")).intValue() != 0)
                .allSatisfy(r -> assertThat(((Number) r.get("status")).intValue()).isIn(200, 206, 304));
        Await.until(() -> ACCESS_LOG.stream().anyMatch(line -> line.contains("\"GET /media/tone.wav HTTP/1.1\" 20")),
                Duration.ofSeconds(10), "the audio request");
        assertThat(consoleErrors()).isEmpty();
        assertThat(ACCESS_LOG).noneMatch(line -> line.matches(".*\" [45]\\d\\d .*"));
        screenshot("demo-site.png");
    }

    @Test
    void demoSiteLoadsOverHttp2AndHttpsAsASecureContext() throws Exception {
        browser.get("https://localhost:" + https.port() + "/");
        assertThat(browser.getTitle()).isEqualTo("jhttp — it works");
        Await.until(() -> browser.findElement(By.id("echo-status")).getText().startsWith("/echo is mounted"),
                Duration.ofSeconds(10), "the page's /echo check");
        JavascriptExecutor page = (JavascriptExecutor) browser;

        assertThat(page.executeScript("return location.protocol + ' ' + window.isSecureContext + ' '"
                + "+ performance.getEntriesByType('navigation')[0].nextHopProtocol")).isEqualTo("https: true h2");
        assertThat(page.executeScript("return performance.getEntriesByType('resource')"
                + ".map(r => r.nextHopProtocol).filter(p => p !== 'h2').length")).isEqualTo(0L);
        assertThat(resourceStatuses()).isNotEmpty().allSatisfy(r -> assertThat(r.get("name").toString())
                .startsWith("https://localhost:" + https.port() + "/"));
        assertThat(consoleErrors()).isEmpty();
        screenshot("demo-site-https.png");
    }

    @Test
    void directoryListingLinksNavigate() throws Exception {
        browser.get(server.uri("/media/").toString());
        assertThat(browser.getTitle()).isEqualTo("Index of /media/");
        screenshot("listing.png");
        browser.findElement(By.linkText("../")).click();
        Await.until(() -> browser.getCurrentUrl().endsWith("/"), Duration.ofSeconds(10), "navigation to ../");
        assertThat(browser.getTitle()).isEqualTo("jhttp — it works");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void listingPageUploadsSeveralFilesThroughItsScriptAndListsThem(@TempDir Path picked) throws Exception {
        Path first = Files.write(picked.resolve("notes ü.txt"), "first file\n".getBytes(StandardCharsets.UTF_8));
        Path second = Files.write(picked.resolve("data.bin"), randomBytes(300_000));
        browser.get(uploads.uri("/").toString());
        browser.findElement(By.cssSelector("form.up input[type=file]")).sendKeys(first + "\n" + second);
        browser.findElement(By.cssSelector("form.up button")).click();
        // The script posts by XHR, shows progress, and reloads the listing when the server accepts.
        Await.until(() -> listedNames().containsAll(List.of("notes ü.txt", "data.bin")), Duration.ofSeconds(30),
                "both files in the listing");
        assertThat(uploadRoot.resolve("notes ü.txt")).hasSameBinaryContentAs(first);
        assertThat(uploadRoot.resolve("data.bin")).hasSameBinaryContentAs(second);
        assertThat(consoleErrors()).isEmpty();
        screenshot("listing-after-upload.png");

        browser.findElement(By.cssSelector("form.up input[type=file]")).sendKeys(first.toString());
        browser.findElement(By.cssSelector("form.up button")).click();
        Await.until(() -> browser.findElement(By.cssSelector("form.up output")).getText().startsWith("409: "),
                Duration.ofSeconds(30), "the refusal shown in the page");
        assertThat(uploadRoot.resolve("notes ü.txt")).hasSameBinaryContentAs(first);
    }

    @Test
    void listingPageUploadsAndMakesFoldersWithoutScript(@TempDir Path picked) throws Exception {
        Path file = Files.write(picked.resolve("plain.txt"), "no script\n".getBytes(StandardCharsets.UTF_8));
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            browser.get(uploads.uri("/").toString());
            browser.findElement(By.cssSelector("form.up input[type=file]")).sendKeys(file.toString());
            browser.findElement(By.cssSelector("form.up button")).click();
            // The form posts; the server answers 303 back to the listing.
            Await.until(() -> listedNames().contains("plain.txt"), Duration.ofSeconds(30), "the file listed");
            assertThat(browser.getCurrentUrl()).isEqualTo(uploads.uri("/").toString());
            assertThat(uploadRoot.resolve("plain.txt")).hasSameBinaryContentAs(file);

            browser.findElement(By.cssSelector("form.mk input[name=mkdir]")).sendKeys("made here");
            browser.findElement(By.cssSelector("form.mk button")).click();
            Await.until(() -> listedNames().contains("made here/"), Duration.ofSeconds(30), "the folder listed");
            assertThat(uploadRoot.resolve("made here")).isDirectory();
        } finally {
            browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
    }

    /** The listing's link texts, read in one script call: the page may be reloading between two element reads. */
    @SuppressWarnings("unchecked")
    private static List<String> listedNames() {
        try {
            return (List<String>) browser.executeScript(
                    "return [...document.querySelectorAll('table a')].map(a => a.textContent);");
        } catch (WebDriverException reloading) {
            return List.of();
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(17).nextBytes(bytes);
        return bytes;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> resourceStatuses() {
        return (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource')"
                        + ".map(e => ({name: e.name, status: e.responseStatus}));");
    }

    private static List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    private static void screenshot(String name) throws Exception {
        Path target = Path.of("target", name);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isPositive();
    }
}
