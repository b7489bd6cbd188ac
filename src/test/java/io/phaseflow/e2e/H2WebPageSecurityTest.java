package io.phaseflow.e2e;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages' own security, without a browser: a login with the API token kept in a
 * session cookie, CSRF tokens on forms, security headers, and the API's bearer-token
 * answers unchanged.
 */
class H2WebPageSecurityTest extends WebPageSupport {

	@Test
	void anonymousPageRequestsAreSentToTheLoginPage() {
		ApiClient anonymous = this.admin.withCookies();
		for (String page : new String[] { "/ui/sprints/anything", "/ui/sprints/anything/board",
				"/ui/sprints/anything/events", "/ui/tasks/anything", "/ui/sessions" }) {
			ApiClient.Response refused = anonymous.get(page);
			assertThat(refused.status()).as(page).isEqualTo(302);
			assertThat(refused.header("Location")).as(page).endsWith("/ui/login");
		}
		assertThat(anonymous.get("/").header("Location")).endsWith("/ui");

		ApiClient.Response login = anonymous.get("/ui/login");
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.contentType()).startsWith("text/html");
		assertThat(login.body()).contains("<title>Sign in · Phaseflow</title>", "<label for=\"token\">");
		assertThat(login.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(login.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(login.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");

		assertThat(this.admin.get("/ui").status()).as("pages take no bearer token").isEqualTo(302);
		InputAndSecurityTests.refused(this.admin.as(null).get(API + "/tasks"), 401, null);
		assertThat(this.admin.get(API + "/tasks").header("Set-Cookie")).as("the API stays stateless").isNull();
	}

	@Test
	void anUnknownTokenDoesNotSignIn() {
		ApiClient visitor = this.admin.withCookies();
		ApiClient.Response refused = visitor.postForm("/ui/login",
				Map.of("token", "pf_not-a-real-token", "_csrf", csrfOf(visitor.get("/ui/login"))));
		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.header("Location")).endsWith("/ui/login?error");
		assertThat(visitor.get("/ui/login?error").body()).contains("unknown or has been revoked");
		assertThat(visitor.get("/ui").status()).isEqualTo(302);
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() {
		AwaitingReviewer waiting = sessionAwaitingReviewer("plan agreed with the PM");
		ApiClient reviewer = signedIn(tokenWith("REVIEWER"));
		String decision = "/ui/overrides/" + waiting.overrideId() + "/decision";

		ApiClient.Response forged = reviewer.postForm(decision, Map.of("decision", "approve"));
		assertThat(forged.status()).isEqualTo(403);
		assertThat(forged.body()).contains("Form expired", "nothing was changed").doesNotContain("Exception");
		assertThat(reviewer.postForm(decision, Map.of("decision", "approve", "_csrf", "not-the-token")).status())
			.isEqualTo(403);
		assertThat(overrideOf(waiting.sessionKey())).as("still waiting").isEqualTo(waiting.overrideId());

		ApiClient.Response inbox = reviewer.get("/ui/overrides");
		assertThat(inbox.status()).isEqualTo(200);
		ApiClient.Response decided = reviewer.postForm(decision,
				Map.of("decision", "approve", "comment", "fine", "_csrf", csrfOf(inbox)));
		assertThat(decided.status()).isEqualTo(302);
		assertThat(decided.header("Location")).endsWith("/ui/sessions/" + waiting.sessionKey());
		assertThat(this.admin.get(API + "/sessions/" + waiting.sessionKey()).json().get("current_phase").asText())
			.isEqualTo("execute");

		ApiClient.Response again = reviewer.postForm(decision,
				Map.of("decision", "reject", "_csrf", csrfOf(reviewer.get("/ui/overrides"))));
		assertThat(again.header("Location")).as("a decided override goes back to the inbox").endsWith("/ui/overrides");
		assertThat(reviewer.get("/ui/overrides").body()).contains("already been decided");

		ApiClient.Response signOut = reviewer.postForm("/ui/logout", Map.of("_csrf", csrfOf(reviewer.get("/ui"))));
		assertThat(signOut.header("Location")).endsWith("/ui/login?logout");
		assertThat(reviewer.get("/ui").status()).isEqualTo(302);
	}

	@Test
	void unknownSprintsAndSessionsGetAFriendlyPage() {
		ApiClient pm = signedIn(tokenWith("PM"));
		ApiClient.Response sprint = pm.get("/ui/sprints/no-such-sprint");
		assertThat(sprint.status()).isEqualTo(404);
		assertThat(sprint.contentType()).startsWith("text/html");
		assertThat(sprint.body()).contains("<h1 id=\"problem-title\">Not found</h1>", "no-such-sprint", "Signed in as");
		assertThat(pm.get("/ui/sessions/sess-none").status()).isEqualTo(404);
		assertThat(pm.get("/ui/sessions/sess-none/diagram").status()).isEqualTo(404);
		assertThat(pm.get("/ui/overrides").status()).as("PMs do not decide overrides").isEqualTo(403);
		ApiClient.Response task = pm.get("/ui/tasks/no-such-task");
		assertThat(task.status()).isEqualTo(404);
		assertThat(task.contentType()).startsWith("text/html");
		assertThat(task.body()).contains("<h1 id=\"problem-title\">Not found</h1>", "no-such-task");
		ApiClient.Response filter = pm.get("/ui/sessions?status=sleeping");
		assertThat(filter.status()).isEqualTo(400);
		assertThat(filter.body()).contains("status must be one of").doesNotContain("Exception");
	}

	@Test
	void onlyAPmRollsATaskBack() {
		AwaitingReviewer waiting = sessionAwaitingReviewer("plan agreed with the PM");
		ApiClient pm = clientWith("PM");
		assertThat(pm.patch(API + "/tasks/" + waiting.task(), "{\"title\": \"Renamed\"}").status()).isEqualTo(200);
		String first = pm.get(API + "/tasks/" + waiting.task() + "/history").json().at("/data/2/hash").asText();
		String rollback = "/ui/tasks/" + waiting.task() + "/rollback";

		for (String role : new String[] { "REVIEWER", "AGENT" }) {
			ApiClient visitor = signedIn(tokenWith(role));
			ApiClient.Response page = visitor.get("/ui/tasks/" + waiting.task());
			assertThat(page.status()).as(role + " may read the task").isEqualTo(200);
			assertThat(page.body()).as(role).doesNotContain("Roll back to this");
			ApiClient.Response refused = visitor.postForm(rollback, Map.of("hash", first, "_csrf", csrfOf(page)));
			assertThat(refused.status()).as(role).isEqualTo(403);
			assertThat(refused.body()).contains("Not allowed");
		}
		ApiClient signedInPm = signedIn(tokenWith("PM"));
		ApiClient.Response page = signedInPm.get("/ui/tasks/" + waiting.task());
		assertThat(page.body()).contains("Roll back to this");
		assertThat(signedInPm.postForm(rollback, Map.of("hash", first)).status()).as("without its CSRF token")
			.isEqualTo(403);
		assertThat(pm.get(API + "/tasks/" + waiting.task()).json().get("title").asText()).isEqualTo("Renamed");

		ApiClient.Response unknown = signedInPm.postForm(rollback,
				Map.of("hash", "0".repeat(64), "_csrf", csrfOf(page)));
		assertThat(unknown.status()).isEqualTo(302);
		assertThat(signedInPm.get("/ui/tasks/" + waiting.task()).body()).contains("names no version");
		ApiClient.Response restored = signedInPm.postForm(rollback, Map.of("hash", first, "_csrf", csrfOf(page)));
		assertThat(restored.status()).isEqualTo(302);
		assertThat(restored.header("Location")).endsWith("/ui/tasks/" + waiting.task());
		assertThat(pm.get(API + "/tasks/" + waiting.task()).json().get("title").asText())
			.isEqualTo("Show sessions as web pages");
	}

	@Test
	void pagesShowTextAsTextNeverAsMarkup() {
		ApiClient pm = clientWith("PM");
		String code = unique("escaped");
		ApiClient.Response created = pm.post(API + "/sprints", "{\"sprint_code\": \"" + code
				+ "\", \"title\": \"<script>alert(1)</script> & co\", \"owner\": \"<b>pm</b>\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String task = unique("escaped");
		ApiClient.Response hostile = pm.post(API + "/tasks", "{\"task_code\": \"" + task + "\", \"sprint_code\": \""
				+ code + "\", \"title\": \"<script>alert(1)</script> & co\", \"description\": \"<b>pm</b>\", "
				+ "\"metadata\": {\"acceptance_criteria\": [\"<script>alert(1)</script> & co\", \"<b>pm</b>\"]}}");
		assertThat(hostile.status()).as(hostile.toString()).isEqualTo(201);
		ApiClient visitor = signedIn(tokenWith("PM"));
		// the sprint's title and owner, or the task's title and description
		for (String page : new String[] { "/ui", "/ui/sprints/" + code, "/ui/sprints/" + code + "/board",
				"/ui/tasks/" + task }) {
			assertThat(visitor.get(page).body()).as(page)
				.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co")
				.doesNotContain("<script>", "<b>pm");
		}
		assertThat(visitor.get("/ui/sprints/" + code).body()).contains("&lt;b&gt;pm&lt;/b&gt;");
		assertThat(visitor.get("/ui/tasks/" + task).body()).as("the description, criteria and TASK.md")
			.contains("<p class=\"text\" id=\"description\">&lt;b&gt;pm&lt;/b&gt;</p>",
					"<li>&lt;b&gt;pm&lt;/b&gt;</li>");
	}

}
