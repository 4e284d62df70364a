package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless browser (Debian's chromium and chromedriver, which
 * scripts/install-test-deps.sh installs): a real caller sends a tone, its talking indicator lights,
 * a click on Mute mutes it, as the API then confirms.
 *
 * <p>Ports: SIP 15082, API 8582, baresip slot 14.
 */
class DashboardIT {
    private static final int SIP_PORT = 15082;
    private static final int API_PORT = 8582;
    private static final Duration EVENT_LIMIT = Duration.ofSeconds(10);

    @Test
    void theTalkingIndicatorLightsForACallerWithAToneAndTheMuteButtonMutesIt() throws Exception {
        Path dir = ItSupport.outDir(getClass(), "mute");
        Path serverDir = dir.resolve("server");
        try (ParleyProcess server = ItSupport.startServer(
                TestConfig.forPort(SIP_PORT).withoutSounds().withApiPort(API_PORT), serverDir);
             BaresipPeer peer = BaresipPeer.start(BaresipPeer.Settings.slot(14, dir.resolve("peer"))
                     .withSource(Wav.tone(8000, 701, 30, -16)).withLifetime(Duration.ofSeconds(60)))) {
            ApiClient api = new ApiClient(API_PORT, ApiClient.generatedToken(serverDir));
            peer.dialAndAwaitEstablished(ItSupport.roomUri(SIP_PORT), EVENT_LIMIT);
            int member = api.get("/api/v1/rooms/3000/members").body().at("/members/0/id").asInt();

            WebDriver browser = headlessChromium(dir.resolve("browser"));
            try {
                browser.get(api.base() + "/dashboard#token=" + api.token());
                WebDriverWait wait = new WebDriverWait(browser, EVENT_LIMIT);

                By talking = By.cssSelector("[data-testid='talking-3000-" + member + "']");
                wait.until(ExpectedConditions.attributeContains(talking, "class", "on"));

                browser.findElement(By.cssSelector("[data-testid='mute-3000-" + member + "']")).click();
                wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid='muted-3000-" + member + "']"), "muted"));
                assertThat(api.get("/api/v1/rooms/3000/members/" + member).body().path("muted").asBoolean())
                        .as("the server says the member is muted").isTrue();
                assertThat(browser.findElement(By.cssSelector("[data-testid='error']")).getText()).isEmpty();
            } finally {
                browser.quit();
            }
            peer.hangup();
            peer.awaitEvent("CALL_CLOSED", EVENT_LIMIT);
        }
    }

    /** The system's chromium and chromedriver, named outright so Selenium never looks for or fetches one. */
    private static WebDriver headlessChromium(Path profile) throws Exception {
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .withLogFile(profile.resolve("chromedriver.log").toFile())
                .build();
        return new ChromeDriver(service, options);
    }
}
