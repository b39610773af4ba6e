package org.clinlead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.clinlead.core.content.DemoAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The smoke test in a real browser: headless Debian Chromium signs in through the login form and
 * opens the role-profile matrix, then the demo programme's impact page and the correlation page with
 * its SVG scatter plot. Leaves screenshots in target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserSmokeIT {

    @LocalServerPort
    int port;

    private WebDriver driver;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        profile = Files.createTempDirectory("clinlead-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("clinlead.browser.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("clinlead.browser.driver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (driver != null) {
            // Whatever happened, keep the last page for whoever reads the test report.
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.writeString(dir.resolve("last-page.html"), driver.getPageSource());
            Files.copy(((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve("last-page.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            driver.quit();
        }
    }

    @Test
    void hrSignsInAndOpensTheRoleProfileMatrixAndTheImpactPages() throws IOException {
        String base = "http://localhost:" + port;
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(base + "/role-profiles");
        WebElement username = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form input[name='username']")));
        username.sendKeys("hr");
        WebElement password = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        password.sendKeys(DemoAccounts.PASSWORD, Keys.ENTER);

        wait.until(ExpectedConditions.urlContains("/role-profiles"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-grid vaadin-select")));
        wait.until(d -> d.findElement(By.cssSelector("h2.view-title")).getText().equals("Role profiles"));
        assertThat(driver.findElements(By.cssSelector("vaadin-side-nav-item")).stream().map(WebElement::getText))
                .contains("People", "Role profiles", "Audit trail");

        File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", "role-profiles.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isGreaterThan(10_000);

        // the impact pages: the demo programme's result, and a server-rendered scatter plot
        driver.get(base + "/impact/programme/QLC-COACHING");
        wait.until(d -> d.findElements(By.tagName("h4")).stream().anyMatch(h -> h.getText().startsWith("CAPA closure days")));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Difference in differences: -", "Return on investment");
        driver.get(base + "/impact/correlation");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.scatter-chart circle")));
        Path impact = Path.of("target", "screenshots", "impact-correlation.png");
        Files.copy(((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath(), impact, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(impact)).isGreaterThan(10_000);
    }
}
