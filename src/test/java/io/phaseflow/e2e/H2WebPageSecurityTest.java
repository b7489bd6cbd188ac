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
		ApiClient.Response board = anonymous.get("/ui/sprints/anything");
		assertThat(board.status()).isEqualTo(302);
		assertThat(board.header("Location")).endsWith("/ui/login");
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
	}

	@Test
	void pagesShowTextAsTextNeverAsMarkup() {
		ApiClient pm = clientWith("PM");
		String code = unique("escaped");
		ApiClient.Response created = pm.post(API + "/sprints", "{\"sprint_code\": \"" + code
				+ "\", \"title\": \"<script>alert(1)</script> & co\", \"owner\": \"<b>pm</b>\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		ApiClient visitor = signedIn(tokenWith("PM"));
		for (String page : new String[] { "/ui", "/ui/sprints/" + code }) {
			assertThat(visitor.get(page).body()).as(page)
				.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", "&lt;b&gt;pm&lt;/b&gt;")
				.doesNotContain("<script>", "<b>pm");
		}
	}

}
