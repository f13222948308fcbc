package de.schulit.servicedesk.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.schulit.servicedesk.identity.Enrollment;
import de.schulit.servicedesk.identity.Role;
import de.schulit.servicedesk.school.Schools;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The chat page in a real browser (Debian's headless Chromium) against the whole app on a temporary H2 file
 * database: enrollment by deep link, a printer report through the dialog to a ticket number, an agent's answer
 * with hostile HTML arriving by polling as plain text, and a reload that continues the chat.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "servicedesk.api.agent-keys[0]=" + WebChatPageEndToEndTests.AGENT_KEY,
        "servicedesk.api.admin-keys[0]=" + WebChatPageEndToEndTests.ADMIN_KEY})
class WebChatPageEndToEndTests {

    static final String AGENT_KEY = "e2e-agent-key-not-secret-0001";
    static final String ADMIN_KEY = "e2e-admin-key-not-secret-0001";

    /** bot-app/target: the parent of the test classes' directory. */
    private static final Path TARGET = targetDirectory();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = TARGET.resolve("webchat-e2e.png");
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;
    private static final Pattern TICKET_NUMBER = Pattern.compile("SD-\\d{4}-\\d{5}");
    private static final String HOSTILE_REPLY = "<img src=x onerror=\"window.__xss=1\"><b>Hallo</b>";
    /** Buttons that move around in the dialog instead of answering; the scenario never presses them. */
    private static final List<String> NAVIGATION = List.of("zurück", "abbrechen", "überspringen", "andere kategorie",
            "andere art", "nein, neues anliegen", "hat geholfen", "ja, mich eintragen");

    @LocalServerPort
    private int port;

    @Autowired
    private Enrollment enrollment;

    @Autowired
    private Schools schools;

    private ChromeDriverService service;
    private ChromeDriver driver;
    private Path profile;
    private WebDriverWait wait;

    /** A fresh H2 file database under bot-app/target, whatever the working directory. */
    @DynamicPropertySource
    static void temporaryDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:"
                + TARGET.resolve("e2e-db").resolve(UUID.randomUUID().toString()) + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @BeforeAll
    static void browserInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String message = "Headless Chromium is needed for the chat page test: install Debian's packages with "
                    + "'apt-get install -y chromium chromium-driver' (" + CHROMIUM + ", " + CHROMEDRIVER + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            assumeTrue(false, message + "; skipped outside CI");
        }
    }

    @BeforeEach
    void startBrowser() throws IOException {
        profile = Files.createTempDirectory("webchat-e2e-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(), "--lang=de-DE");
        // a phone: its viewport, touch input, no hover
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "pixelRatio", 1, "touch", true)));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        // an explicit driver executable: Selenium Manager never looks for or downloads anything
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void reportsAProblemThroughTheChatPageAndReceivesTheAgentsAnswerAsPlainText() throws Exception {
        String schoolId = schools.all().get(0).id();
        String code = enrollment.issue(schoolId, Role.STAFF, 5, 7).code();

        // deep link: the page sends "/start <code>" by itself
        driver.get(baseUrl() + "/?code=" + code);
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
        assertThat(driver.findElement(By.cssSelector("label[for=chat-input]")).getText()).isNotBlank();
        waitForBotText("Wie heißen Sie");
        assertThat(userTexts()).containsExactly("/start " + code);
        assertThat(driver.getCurrentUrl()).doesNotContain("code=");

        int before = botMessages().size();
        type("Anna Schmidt");
        waitForRepliesAfter(before);
        assertThat(lastBotText()).contains("Willkommen");

        before = botMessages().size();
        type("Der Drucker im Lehrerzimmer druckt nur noch leere Seiten");
        waitForRepliesAfter(before);

        String ticket = runDialogToTicket();

        // an agent answers with hostile HTML; it arrives by polling and is shown as text
        HttpResponse<String> reply = agentReply(ticket, HOSTILE_REPLY);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        waitForBotText(HOSTILE_REPLY);

        JavascriptExecutor js = driver;
        assertThat(js.executeScript("return typeof window.__xss")).isEqualTo("undefined");
        assertThat(driver.findElements(By.cssSelector("#chat-log img"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#chat-log b"))).isEmpty();
        assertThat(botTexts().stream().filter(t -> t.contains(HOSTILE_REPLY))).hasSize(1);
        assertThat(botTexts().stream().filter(t -> t.contains(ticket))).isNotEmpty();

        // on the phone, only the chat log scrolls: the page fits the viewport and nothing sticks out sideways
        @SuppressWarnings("unchecked")
        Map<String, Object> layout = (Map<String, Object>) js.executeScript("var e = document.documentElement;"
                + "return {w: window.innerWidth, h: window.innerHeight, sw: e.scrollWidth, sh: e.scrollHeight,"
                + " input: document.getElementById('chat-input').getBoundingClientRect().bottom};");
        assertThat(((Number) layout.get("w")).intValue()).as("viewport %s", layout).isEqualTo(PHONE_WIDTH);
        assertThat(((Number) layout.get("sw")).intValue()).as("layout %s", layout).isLessThanOrEqualTo(PHONE_WIDTH);
        assertThat(((Number) layout.get("sh")).intValue()).as("layout %s", layout)
                .isLessThanOrEqualTo(((Number) layout.get("h")).intValue());
        assertThat(((Number) layout.get("input")).doubleValue()).as("layout %s", layout)
                .isLessThanOrEqualTo(((Number) layout.get("h")).doubleValue());

        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);

        // a reload continues the same chat: the bot's messages are there again, each once, and the chat goes on
        driver.navigate().refresh();
        waitForBotText(HOSTILE_REPLY);
        assertThat(botTexts().stream().filter(t -> t.contains(HOSTILE_REPLY))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector(".options button:not(:disabled)"))).isEmpty();
        before = botMessages().size();
        type("Status " + ticket);
        waitForRepliesAfter(before);
        assertThat(lastBotText()).contains(ticket);

        assertThat(cspViolations()).isEmpty();
    }

    @Test
    void aStoredSessionTheServerNoLongerKnowsIsReplacedByANewOne() {
        String unknown = "A".repeat(43);
        driver.get(baseUrl() + "/");
        driver.executeScript("window.localStorage.setItem('servicedesk.webchat.sessionId', arguments[0])", unknown);
        driver.navigate().refresh();
        wait.withMessage("no notice about the expired session").until(d -> statusLine().contains("abgelaufen"));

        type("/hilfe");
        waitForRepliesAfter(0);
        assertThat(lastBotText()).contains("/start");
        Object stored = driver.executeScript("return window.localStorage.getItem('servicedesk.webchat.sessionId')");
        assertThat(stored).asString().matches("[A-Za-z0-9_-]{43}").isNotEqualTo(unknown);
        assertThat(statusLine()).isEmpty();
    }

    /** Answers whatever the dialog asks until it reports a ticket number; returns that number. */
    private String runDialogToTicket() {
        for (int step = 0; step < 25; step++) {
            List<WebElement> bots = botMessages();
            Optional<String> number = ticketNumber(bots);
            if (number.isPresent()) {
                return number.get();
            }
            WebElement last = bots.get(bots.size() - 1);
            List<WebElement> buttons = last.findElements(By.cssSelector(".options button")).stream()
                    .filter(WebElement::isEnabled)
                    .toList();
            Optional<WebElement> answer = choose(buttons);
            // keyboard use: focus waits on the answer buttons of a choice, in the input when text is expected
            assertThat(((JavascriptExecutor) driver).executeScript("return document.activeElement.matches("
                    + (answer.isPresent() ? "'.msg.bot:last-child .options button'" : "'#chat-input'") + ")"))
                    .as("focus at: %s", last.getText())
                    .isEqualTo(true);
            int before = bots.size();
            if (answer.isPresent()) {
                String label = answer.get().getText();
                answer.get().click();
                assertThat(userTexts()).last().isEqualTo(label);
                assertThat(last.findElements(By.cssSelector(".options button")))
                        .allSatisfy(button -> assertThat(button.isEnabled()).isFalse());
            } else {
                type(freeTextAnswer(last.findElement(By.cssSelector(".msg-text")).getText()));
            }
            waitForRepliesAfter(before);
        }
        return ticketNumber(botMessages()).orElseGet(() -> fail("No ticket number after 25 steps:\n" + transcript()));
    }

    private static Optional<WebElement> choose(List<WebElement> buttons) {
        Optional<WebElement> confirm = buttons.stream().filter(b -> b.getText().equals("Ticket anlegen")).findFirst();
        if (confirm.isPresent()) {
            return confirm;
        }
        List<WebElement> answers = buttons.stream()
                .filter(b -> NAVIGATION.stream().noneMatch(n -> b.getText().toLowerCase(Locale.GERMAN).startsWith(n)))
                .toList();
        return answers.stream().filter(b -> b.getText().contains("Drucken")).findFirst()
                .or(() -> answers.stream().findFirst());
    }

    private static String freeTextAnswer(String question) {
        String q = question.toLowerCase(Locale.GERMAN);
        if (q.contains("nummer")) {
            return "KOP-0815";
        }
        if (q.contains("raum")) {
            return "Lehrerzimmer";
        }
        if (q.contains("fehlermeldung") || q.contains("display")) {
            return "Keine Fehlermeldung, die Seiten kommen einfach leer heraus";
        }
        return "Keine weiteren Angaben";
    }

    private static Optional<String> ticketNumber(List<WebElement> bots) {
        for (WebElement bot : bots) {
            Matcher matcher = TICKET_NUMBER.matcher(bot.getText());
            if (matcher.find()) {
                return Optional.of(matcher.group());
            }
        }
        return Optional.empty();
    }

    private void type(String text) {
        WebElement input = driver.findElement(By.id("chat-input"));
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    private void waitForRepliesAfter(int before) {
        wait.withMessage(() -> "no answer from the bot; status line: '" + statusLine() + "'\n" + transcript())
                .until(d -> botMessages().size() > before
                        && d.findElement(By.cssSelector("#chat-log > .msg:last-child")).getDomAttribute("class")
                                .contains("bot"));
    }

    private void waitForBotText(String text) {
        wait.withMessage(() -> "no bot message containing '" + text + "'; status line: '" + statusLine() + "'\n"
                        + transcript())
                .until(d -> botTexts().stream().anyMatch(t -> t.contains(text)));
    }

    private List<WebElement> botMessages() {
        return driver.findElements(By.cssSelector("#chat-log .msg.bot:not(.welcome)"));
    }

    private List<String> botTexts() {
        return texts("#chat-log .msg.bot:not(.welcome) .msg-text");
    }

    private List<String> userTexts() {
        return texts("#chat-log .msg.user .msg-text");
    }

    private String lastBotText() {
        List<String> texts = botTexts();
        return texts.get(texts.size() - 1);
    }

    private List<String> texts(String selector) {
        return driver.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
    }

    private String statusLine() {
        return driver.findElement(By.id("chat-status")).getText();
    }

    private String transcript() {
        return driver.findElements(By.cssSelector("#chat-log .msg")).stream()
                .map(m -> (m.getDomAttribute("class").contains("user") ? "user: " : "bot:  ")
                        + m.findElement(By.cssSelector(".msg-text")).getText())
                .collect(Collectors.joining("\n"));
    }

    private List<String> cspViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    private HttpResponse<String> agentReply(String ticket, String text) throws IOException, InterruptedException {
        String body = "{\"text\": \"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\", \"internal\": false}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/tickets/" + ticket + "/messages"))
                .header("X-API-Key", AGENT_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Path targetDirectory() {
        try {
            return Path.of(WebChatPageEndToEndTests.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
