package io.phaseflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reviewer's and a PM's day in a real browser (headless Chromium): sign in with an API
 * token, find the task on the sprint board (filtered, and kept current by the event
 * stream), open a task with its sessions and versions, list the sessions, decide an
 * override from the inbox with the failed checks and the agent's reason in view, and
 * follow the session to its next phase; every new page also at phone width. Screenshots
 * of each page go to {@code target/screenshots/}; with
 * {@code -Dphaseflow.docs.screenshots} those the docs show go to {@code docs/images/} as
 * well.
 */
@ExtendWith(BrowserAvailable.class)
class H2WebPagesTest extends WebPageSupport {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Path DOCS = Path.of("docs", "images");

	private static final int WIDTH = 1366;

	/** The CSS width of a current phone (iPhone 12 to 15). */
	private static final int PHONE = 390;

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

	@Test
	void aPmFiltersTheBoard() {
		AwaitingReviewer waiting = sessionAwaitingReviewer("criteria come with the plan");
		moreTasks(waiting.sprint());
		signIn(tokenWith("PM"));
		open("/ui/sprints/" + waiting.sprint());
		WebElement card = card(waiting.task());
		assertThat(card.findElement(By.cssSelector(".badge-review")).getText()).isEqualTo("needs review");
		String agent = card.findElement(By.cssSelector(".agent")).getText();
		assertThat(agent).startsWith("@");
		assertThat(card.findElement(By.cssSelector(".age")).getText()).endsWith("s");
		assertThat(browser.findElement(By.id("progress-done")).getText()).isEqualTo("1 of 5");
		assertThat(browser.findElement(By.cssSelector("#counts li[data-status='in_progress']")).getText())
			.endsWith("2");
		docScreenshot("sprint-board.png");

		browser.findElement(By.id("f-review")).click();
		browser.findElement(By.cssSelector("form.filters button[type='submit']")).click();
		waitFor(ExpectedConditions.urlContains("review=1"));
		assertThat(cardCodes()).containsExactly(waiting.task());
		assertThat(browser.findElement(By.id("progress-done")).getText()).as("progress counts every task")
			.isEqualTo("1 of 5");

		open("/ui/sprints/" + waiting.sprint() + "?priority=P1");
		assertThat(cardTitles()).containsExactlyInAnyOrder("Show sessions as web pages", "Session timeline");
		open("/ui/sprints/" + waiting.sprint() + "?status=blocked");
		assertThat(browser.findElements(By.cssSelector("section.column"))).hasSize(1);
		assertThat(cardTitles()).containsExactly("Single sign-on");
		open("/ui/sprints/" + waiting.sprint() + "?agent=" + agent.substring(1));
		assertThat(cardCodes()).containsExactly(waiting.task());
		assertThat(browser.findElement(By.id("f-agent")).getAttribute("value")).isEqualTo(agent.substring(1));

		open("/ui/sprints/" + waiting.sprint() + "?priority=P9");
		assertThat(browser.getTitle()).isEqualTo("Bad request · Phaseflow");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("priority must be one of");
	}

	@Test
	void aCardMovesToItsNewColumnWhileTheBoardIsOpen() {
		ApiClient agent = clientWith("AGENT");
		SprintTask pending = taskInANewSprint("Move me live");
		String sprint = pending.sprint();
		String task = pending.task();
		signIn(tokenWith("PM"));
		open("/ui/sprints/" + sprint);
		assertThat(columnOf(task)).isEqualTo("pending");
		waitFor(ExpectedConditions.attributeToBe(By.id("live-board"), "data-stream", "open"));
		assertThat(browser.findElement(By.id("live-state")).getText()).isEqualTo("live");

		String key = startSession(agent, task);
		// the board may be swapped again for the step's later events; each check waits
		// for it
		waitLong((driver) -> "in_progress".equals(columnOf(task)) && card(task).getText().contains("phase: intake")
				&& browser.findElement(By.cssSelector("#counts li[data-status='pending']")).getText().endsWith("0"));

		agent.post(API + "/sessions/" + key + "/artifacts",
				"{\"name\": \"TASK.md\", \"content\": \"# TASK.md\\n\\nDone.\\n\"}");
		ApiClient.Response moved = agent.post(API + "/sessions/" + key + "/phase-complete", "{}");
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		waitLong((driver) -> card(task).getText().contains("phase: research"));
		assertThat(browser.getCurrentUrl()).as("no reload").endsWith("/ui/sprints/" + sprint);
	}

	@Test
	void aTaskPageShowsCriteriaSessionsAndVersionsAndAPmRollsBack() {
		AwaitingReviewer waiting = sessionAwaitingReviewer("criteria come with the plan");
		ApiClient pm = clientWith("PM");
		String dependency = unique("dependency");
		assertThat(pm
			.post(API + "/tasks",
					"{\"task_code\": \"" + dependency
							+ "\", \"title\": \"Sign-in page\", \"status\": \"completed\", \"sprint_code\": \""
							+ waiting.sprint() + "\"}")
			.status()).isEqualTo(201);
		ApiClient.Response changed = pm.patch(API + "/tasks/" + waiting.task(),
				"{\"title\": \"Show sessions and tasks as web pages\", \"metadata\": {\"acceptance_criteria\": "
						+ "[\"The board moves cards live\", \"Phones need no sideways scroll\"], "
						+ "\"depends_on\": [\"" + dependency + "\"]}}");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

		signIn(tokenWith("PM"));
		open("/ui/tasks/" + waiting.task());
		assertThat(browser.getTitle()).isEqualTo("Task " + waiting.task() + " · Phaseflow");
		assertThat(browser.findElement(By.id("description")).getText())
			.isEqualTo("Board, session page and override inbox");
		assertThat(browser.findElement(By.id("criteria")).getText()).contains("The board moves cards live",
				"Phones need no sideways scroll");
		assertThat(browser.findElement(By.id("dependencies")).getText()).contains(dependency, "Sign-in page",
				"completed");
		WebElement sessions = browser.findElement(By.id("sessions"));
		assertThat(sessions.getText()).contains(waiting.sessionKey(), "awaiting override", "needs review",
				"intake → research");
		assertThat(browser.findElement(By.id("task-md")).getText()).contains("Task: Show sessions and tasks",
				"The board moves cards live");

		WebElement first = browser.findElement(By.cssSelector("#versions tr[data-version='1']"));
		first.findElement(By.className("diff-link")).click();
		waitFor(ExpectedConditions.presenceOfElementLocated(By.id("diff")));
		assertThat(browser.findElement(By.id("diff")).getText()).contains("title", "Show sessions as web pages",
				"Show sessions and tasks as web pages", "metadata.acceptance_criteria");
		docScreenshot("task-page.png");

		browser.findElement(By.cssSelector("#versions tr[data-version='1'] button.rollback")).click();
		waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role='status']")));
		assertThat(browser.findElement(By.cssSelector("[role='status']")).getText())
			.startsWith("Restored the content of version 1");
		assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Show sessions as web pages");
		assertThat(this.admin.get(API + "/tasks/" + waiting.task()).json().get("title").asText())
			.isEqualTo("Show sessions as web pages");

		long id = this.admin.get(API + "/tasks/" + waiting.task()).json().get("id").asLong();
		open("/ui/tasks/" + id);
		assertThat(browser.getTitle()).as("by id too").isEqualTo("Task " + waiting.task() + " · Phaseflow");
		open("/ui/tasks/no-such-task");
		assertThat(browser.getTitle()).isEqualTo("Not found · Phaseflow");

		browser.manage().deleteAllCookies();
		signIn(tokenWith("REVIEWER"));
		int beforeRollback = this.admin.get(API + "/tasks/" + waiting.task() + "/history")
			.json()
			.at("/data/1/version")
			.asInt();
		open("/ui/tasks/" + waiting.task() + "?diff=" + beforeRollback);
		assertThat(browser.findElement(By.id("diff")).getText()).contains("title");
		assertThat(browser.findElements(By.cssSelector("button.rollback"))).as("reviewers do not roll back").isEmpty();
	}

	@Test
	void theSessionsPageGroupsAndFiltersSessions() {
		AwaitingReviewer waiting = sessionAwaitingReviewer("criteria come with the plan");
		SprintTask other = taskInANewSprint("Run");
		String sprint = other.sprint();
		String running = startSession(clientWith("AGENT"), other.task());

		signIn(tokenWith("PM"));
		browser.findElement(By.linkText("Sessions")).click();
		waitFor(ExpectedConditions.titleIs("Sessions · Phaseflow"));
		assertThat(browser.findElement(By.id("review-sessions")).getText()).contains(waiting.sessionKey(),
				waiting.task());
		assertThat(browser.findElement(By.id("running-sessions")).getText()).contains(running, "intake")
			.doesNotContain(waiting.sessionKey());
		assertThat(browser.findElement(By.linkText(waiting.sessionKey())).getAttribute("href"))
			.endsWith("/ui/sessions/" + waiting.sessionKey());
		docScreenshot("sessions.png");

		new Select(browser.findElement(By.id("f-sprint"))).selectByVisibleText(sprint);
		browser.findElement(By.cssSelector("form.filters button[type='submit']")).click();
		waitFor(ExpectedConditions.urlContains("sprint=" + sprint));
		assertThat(browser.findElement(By.id("running-sessions")).getText()).contains(running);
		assertThat(browser.findElement(By.id("review-sessions")).getText()).doesNotContain(waiting.sessionKey());

		open("/ui/sessions?status=awaiting_override&phase=plan");
		assertThat(browser.findElement(By.id("review-sessions")).getText()).contains(waiting.sessionKey());
		assertThat(browser.findElement(By.id("running-sessions")).getText()).doesNotContain(running);
		open("/ui/sessions?phase=execute");
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(waiting.sessionKey(), running);
	}

	@Test
	void pagesFitAPhoneWithoutSidewaysScrolling() {
		AwaitingReviewer waiting = sessionAwaitingReviewer("criteria come with the plan");
		moreTasks(waiting.sprint());
		signIn(tokenWith("PM", "REVIEWER"));
		Dimension window = browser.manage().window().getSize();
		browser.manage().window().setSize(new Dimension(PHONE, 844));
		try {
			String[][] pages = { { "/ui/sprints/" + waiting.sprint(), "sprint-board-phone.png" },
					{ "/ui/tasks/" + waiting.task() + "?diff=1", "task-page-phone.png" },
					{ "/ui/sessions", "sessions-phone.png" }, { "/ui/sessions/" + waiting.sessionKey(), null },
					{ "/ui/overrides", null }, { "/ui", null } };
			for (String[] page : pages) {
				open(page[0]);
				List<?> measured = (List<?>) browser.executeScript(
						"""
								const page = document.documentElement;
								const wide = [...document.querySelectorAll('body *')]
								  .filter((e) => e.getBoundingClientRect().right > page.clientWidth && !e.parentElement.closest('.scroll'))
								  .slice(0, 5).map((e) => e.tagName + '.' + e.className + '#' + e.id);
								return [page.scrollWidth, page.clientWidth, wide.join(' ')];""");
				assertThat(((Number) measured.get(0)).intValue())
					.as(page[0] + " scrolls sideways; too wide: " + measured.get(2))
					.isLessThanOrEqualTo(((Number) measured.get(1)).intValue());
				if (page[1] != null) {
					docScreenshot(page[1]);
				}
			}
		}
		finally {
			browser.manage().window().setSize(window);
		}
	}

	/** A pending task with a description, in a sprint of its own. */
	private SprintTask taskInANewSprint(String title) {
		ApiClient pm = clientWith("PM");
		String sprint = unique("sprint");
		assertThat(createSprint(pm, sprint).status()).isEqualTo(201);
		String task = unique("task");
		ApiClient.Response created = pm.post(API + "/tasks", "{\"task_code\": \"" + task + "\", \"title\": \"" + title
				+ "\", \"description\": \"What it takes\", \"sprint_code\": \"" + sprint + "\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return new SprintTask(sprint, task);
	}

	private static String startSession(ApiClient agent, String task) {
		return agent.post(API + "/sessions", "{\"task_code\": \"" + task + "\"}").json().get("session_key").asText();
	}

	private static WebElement card(String task) {
		return browser.findElement(By.cssSelector("article.card[data-task='" + task + "']"));
	}

	/** The status of the column the task's card is in, or null while it is on none. */
	private static String columnOf(String task) {
		List<WebElement> cards = browser.findElements(By.cssSelector("article.card[data-task='" + task + "']"));
		return cards.isEmpty() ? null
				: cards.get(0).findElement(By.xpath("ancestor::section")).getAttribute("data-status");
	}

	private static List<String> cardCodes() {
		return browser.findElements(By.cssSelector("article.card"))
			.stream()
			.map((card) -> card.getAttribute("data-task"))
			.toList();
	}

	private static List<String> cardTitles() {
		return browser.findElements(By.cssSelector("article.card h3 a")).stream().map(WebElement::getText).toList();
	}

	/**
	 * Waits for what the event stream brings, with a ceiling generous enough for a slow
	 * machine: no test asserts how fast it comes.
	 */
	private static void waitLong(ExpectedCondition<Boolean> condition) {
		new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	/**
	 * A screenshot to {@code target/screenshots/}, of the whole page at desktop width and
	 * of the first screen at phone width; copied to {@code docs/images/} when
	 * {@code -Dphaseflow.docs.screenshots} asks for the docs' pictures to be made again.
	 */
	private void docScreenshot(String name) {
		Path shot = (browser.manage().window().getSize().getWidth() > PHONE) ? fullPageScreenshot(name)
				: Browsers.screenshot(browser, SCREENSHOTS.resolve(name));
		if (System.getProperty("phaseflow.docs.screenshots") != null) {
			try {
				Files.createDirectories(DOCS);
				Files.copy(shot, DOCS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
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

	/** A sprint and its task. */
	record SprintTask(String sprint, String task) {
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
	private Path fullPageScreenshot(String name) {
		Object height = browser
			.executeScript("return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight;");
		Dimension window = browser.manage().window().getSize();
		browser.manage().window().setSize(new Dimension(WIDTH, ((Number) height).intValue()));
		Path shot = Browsers.screenshot(browser, SCREENSHOTS.resolve(name));
		browser.manage().window().setSize(window);
		return shot;
	}

}
