package io.phaseflow.e2e;

import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reviewer's and a PM's day in a real browser (headless Chromium): sign in with an API
 * token, find the task on the sprint board, decide an override from the inbox with the
 * failed checks and the agent's reason in view, and follow the session to its next phase.
 * Screenshots of each page go to {@code target/screenshots/}.
 */
@ExtendWith(BrowserAvailable.class)
class H2WebPagesTest extends WebPageSupport {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final int WIDTH = 1366;

	private static ChromeDriver browser;

	@BeforeAll
	static void openBrowser() {
		browser = Browsers.headless("--window-size=" + WIDTH + ",900");
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void signedOut() {
		open("/ui/login");
		browser.manage().deleteAllCookies();
		open("/ui/login"); // with a CSRF token of the new session
	}

	@Test
	void aReviewerApprovesAnOverrideAndTheSessionMovesOn() {
		String reason = "The plan was agreed with the PM at the kick-off; PLAN.md follows in execute.";
		AwaitingReviewer waiting = sessionAwaitingReviewer(reason);
		moreTasks(waiting.sprint());

		open("/ui/sessions/" + waiting.sessionKey());
		assertThat(browser.getCurrentUrl()).as("anonymous visitors sign in first").contains("/ui/login");
		assertThat(browser.getTitle()).isEqualTo("Sign in · Phaseflow");
		Browsers.screenshot(browser, SCREENSHOTS.resolve("login.png"));
		signIn(tokenWith("REVIEWER"));
		assertThat(browser.getCurrentUrl()).as("back where the visitor wanted to go")
			.contains("/ui/sessions/" + waiting.sessionKey());

		open("/ui/sprints/" + waiting.sprint());
		WebElement card = browser.findElement(By.cssSelector("article.card[data-task='" + waiting.task() + "']"));
		assertThat(card.getText()).contains("Show sessions as web pages", "P1", "phase: plan");
		assertThat(card.findElement(By.xpath("ancestor::section")).getAttribute("aria-labelledby"))
			.as("its session moved the task to in progress")
			.isEqualTo("column-in_progress");
		Browsers.screenshot(browser, SCREENSHOTS.resolve("board.png"));

		browser.findElement(By.linkText("Override inbox")).click();
		waitFor(ExpectedConditions.titleIs("Override inbox · Phaseflow"));
		WebElement request = browser.findElement(By.xpath("//article[.//code[text()='" + waiting.sessionKey() + "']]"));
		assertThat(request.findElement(By.cssSelector("ul.checks")).getText()).contains("artifacts.PLAN.md",
				"task.metadata.acceptance_criteria");
		assertThat(request.findElement(By.cssSelector("blockquote.reason")).getText()).isEqualTo(reason);
		Browsers.screenshot(browser, SCREENSHOTS.resolve("inbox.png"));

		request.findElement(By.tagName("textarea")).sendKeys("Plan reviewed at the kick-off; go ahead.");
		request.findElement(By.cssSelector("button[value='approve']")).click();

		waitFor(ExpectedConditions.urlContains("/ui/sessions/" + waiting.sessionKey()));
		assertThat(browser.findElement(By.cssSelector("[role='status']")).getText()).startsWith("Override approved");
		assertThat(browser.findElement(By.id("current-phase")).getText()).isEqualTo("execute");
		assertThat(browser.findElement(By.id("session-status")).getText()).isEqualTo("running");
		assertThat(browser.findElement(By.id("phase-history")).getText()).contains("intake", "research", "plan",
				"in progress");
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("orchestration.phase.override",
				"Plan reviewed at the kick-off", "orchestration.phase.execute.start");
		assertThat(browser.findElement(By.id("artifacts")).getText()).contains("TASK.md", "CONTEXT.md");
		Object diagramWidth = browser
			.executeScript("return document.querySelector('figure.diagram img').naturalWidth;");
		assertThat(((Number) diagramWidth).intValue()).as("the diagram image loaded").isGreaterThan(300);
		fullPageScreenshot("session.png");

		JsonNode session = this.admin.get(API + "/sessions/" + waiting.sessionKey()).json();
		assertThat(session.get("current_phase").asText()).isEqualTo("execute");
		assertThat(session.get("waiting_for").asText()).isEqualTo("agent");
		open("/ui/sprints/" + waiting.sprint());
		assertThat(browser.findElement(By.cssSelector("article.card[data-task='" + waiting.task() + "']")).getText())
			.contains("phase: execute");
	}

	@Test
	void anAgentCannotDecideOverrides() {
		AwaitingReviewer waiting = sessionAwaitingReviewer("no plan needed");
		signIn(tokenWith("AGENT"));
		assertThat(browser.findElements(By.linkText("Override inbox"))).isEmpty();

		open("/ui/overrides");
		assertThat(browser.getTitle()).isEqualTo("Not allowed · Phaseflow");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");

		open("/ui");
		postDecision(waiting.overrideId());
		waitFor(ExpectedConditions.titleIs("Not allowed · Phaseflow"));
		assertThat(browser.getPageSource()).doesNotContain("Exception");
		Browsers.screenshot(browser, SCREENSHOTS.resolve("forbidden.png"));
		assertThat(overrideOf(waiting.sessionKey())).as("the override still waits").isEqualTo(waiting.overrideId());
	}

	@Test
	void aReviewerCannotDecideAnOverrideTheirOwnAgentRequested() {
		ApiClient selfReviewing = clientWith("AGENT", "REVIEWER");
		AwaitingReviewer waiting = sessionAwaitingReviewer("I approve of myself", selfReviewing);
		signIn(selfReviewing.token());
		open("/ui/overrides");
		assertThat(browser.getTitle()).isEqualTo("Override inbox · Phaseflow");
		assertThat(browser.findElements(By.xpath("//article[.//code[text()='" + waiting.sessionKey() + "']]")))
			.as("not in the inbox of the agent that asked")
			.isEmpty();

		postDecision(waiting.overrideId());
		waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role='alert']")));
		assertThat(browser.getTitle()).isEqualTo("Override inbox · Phaseflow");
		assertThat(browser.findElement(By.cssSelector("[role='alert']")).getText()).contains("another reviewer");
		assertThat(overrideOf(waiting.sessionKey())).as("the override still waits").isEqualTo(waiting.overrideId());
		assertThat(this.admin.get(API + "/sessions/" + waiting.sessionKey()).json().get("status").asText())
			.isEqualTo("awaiting_override");
	}

	@Test
	void aRevokedTokensPageSessionEndsAtItsNextClick() {
		AwaitingReviewer waiting = sessionAwaitingReviewer("revoked reviewer");
		ApiClient.Response issued = this.admin.post(API + "/admin/tokens",
				"{\"name\": \"" + unique("leaving") + "\", \"roles\": [\"REVIEWER\"]}");
		signIn(issued.json().get("token").asText());
		open("/ui/overrides");
		WebElement request = browser.findElement(By.xpath("//article[.//code[text()='" + waiting.sessionKey() + "']]"));
		assertThat(this.admin.delete(API + "/admin/tokens/" + issued.json().get("id").asText()).status()).isIn(200,
				204);

		request.findElement(By.cssSelector("button[value='approve']")).click();
		waitFor(ExpectedConditions.not(ExpectedConditions.titleIs("Override inbox · Phaseflow")));
		assertThat(browser.getPageSource()).doesNotContain("Override approved");
		open("/ui/overrides");
		assertThat(browser.getCurrentUrl()).as("signed out").contains("/ui/login");
		assertThat(overrideOf(waiting.sessionKey())).as("the override still waits").isEqualTo(waiting.overrideId());
	}

	/**
	 * Posts an approval of the override from the page open now, as a crafted form would.
	 */
	private void postDecision(String overrideId) {
		browser.executeScript("""
				const form = document.createElement('form');
				form.method = 'post';
				form.action = arguments[0];
				const fields = { _csrf: document.querySelector('input[name=_csrf]').value, decision: 'approve' };
				for (const [name, value] of Object.entries(fields)) {
				  const input = document.createElement('input');
				  input.type = 'hidden';
				  input.name = name;
				  input.value = value;
				  form.appendChild(input);
				}
				document.body.appendChild(form);
				form.submit();
				""", "/ui/overrides/" + overrideId + "/decision");
	}

	private void signIn(String token) {
		if (!browser.getCurrentUrl().contains("/ui/login")) {
			open("/ui/login");
		}
		browser.findElement(By.id("token")).sendKeys(token);
		browser.findElement(By.cssSelector("form button[type='submit']")).click();
		waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
		assertThat(browser.findElement(By.cssSelector("form.signout")).getText()).startsWith("Signed in as");
	}

	/** Waits for the page the last click or script led to. */
	private static void waitFor(ExpectedCondition<?> condition) {
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
	}

	private void open(String path) {
		browser.get("http://localhost:" + this.port + path);
	}

	/** A few more tasks in other columns, so the board shows more than one card. */
	private void moreTasks(String sprint) {
		ApiClient pm = clientWith("PM");
		String[][] tasks = { { "Draw the board", "completed", "P2" }, { "Session timeline", "in_progress", "P1" },
				{ "Inbox e-mails", "pending", "P3" }, { "Single sign-on", "blocked", "P2" } };
		for (String[] task : tasks) {
			ApiClient.Response created = pm.post(API + "/tasks",
					"{\"task_code\": \"" + unique("task") + "\", \"title\": \"" + task[0] + "\", \"status\": \""
							+ task[1] + "\", \"priority\": \"" + task[2] + "\", \"sprint_code\": \"" + sprint + "\"}");
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
		}
	}

	/** A screenshot of the whole page, not only of the window. */
	private void fullPageScreenshot(String name) {
		Object height = browser
			.executeScript("return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight;");
		Dimension window = browser.manage().window().getSize();
		browser.manage().window().setSize(new Dimension(WIDTH, ((Number) height).intValue()));
		Browsers.screenshot(browser, SCREENSHOTS.resolve(name));
		browser.manage().window().setSize(window);
	}

}
