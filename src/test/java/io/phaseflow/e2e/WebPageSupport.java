package io.phaseflow.e2e;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the web page tests share: a session whose override waits for a reviewer, set up
 * through the API, and signing in to the pages without a browser.
 */
abstract class WebPageSupport extends ApiTestSupport {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/**
	 * A sprint whose task has a session in the plan phase, where the agent asked to skip
	 * the failed checks (no PLAN.md, no acceptance criteria) with this reason; plan's
	 * overrides need a reviewer.
	 */
	AwaitingReviewer sessionAwaitingReviewer(String reason) {
		return sessionAwaitingReviewer(reason, clientWith("AGENT"));
	}

	/** As {@link #sessionAwaitingReviewer(String)}, with a session of the given agent. */
	AwaitingReviewer sessionAwaitingReviewer(String reason, ApiClient agent) {
		ApiClient pm = clientWith("PM");
		String sprint = unique("web");
		assertThat(createSprint(pm, sprint).status()).isEqualTo(201);
		String task = unique("session-pages");
		ApiClient.Response created = pm.post(API + "/tasks",
				"{\"task_code\": \"" + task + "\", \"title\": \"Show sessions as web pages\", \"sprint_code\": \""
						+ sprint
						+ "\", \"priority\": \"P1\", \"description\": \"Board, session page and override inbox\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String key = agent.post(API + "/sessions", "{\"task_code\": \"" + task + "\"}")
			.json()
			.get("session_key")
			.asText();
		for (String artifact : List.of("TASK.md", "CONTEXT.md")) {
			agent.post(API + "/sessions/" + key + "/artifacts",
					"{\"name\": \"" + artifact + "\", \"content\": \"# " + artifact + "\\n\\nDone.\\n\"}");
			ApiClient.Response moved = agent.post(API + "/sessions/" + key + "/phase-complete", "{}");
			assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		}
		ApiClient.Response waiting = agent.post(API + "/sessions/" + key + "/phase-complete",
				"{\"override\": true, \"reason\": \"" + reason + "\"}");
		assertThat(waiting.status()).as(waiting.toString()).isEqualTo(202);
		return new AwaitingReviewer(sprint, task, key, overrideOf(key));
	}

	/** The id of the override the session waits for, as the admin's inbox lists it. */
	String overrideOf(String sessionKey) {
		for (JsonNode pending : this.admin.get(API + "/overrides").json().get("data")) {
			if (pending.get("session_key").asText().equals(sessionKey)) {
				return pending.get("id").asText();
			}
		}
		return null;
	}

	/** A cookie-keeping client signed in to the pages with the token. */
	ApiClient signedIn(String token) {
		ApiClient visitor = this.admin.withCookies();
		ApiClient.Response login = visitor.postForm("/ui/login",
				Map.of("token", token, "_csrf", csrfOf(visitor.get("/ui/login"))));
		assertThat(login.status()).as(login.toString()).isEqualTo(302);
		assertThat(login.header("Location")).endsWith("/ui");
		return visitor;
	}

	/** The CSRF token in a page's forms. */
	static String csrfOf(ApiClient.Response page) {
		Matcher token = CSRF.matcher(page.body());
		assertThat(token.find()).as("a CSRF field in " + page).isTrue();
		return token.group(1);
	}

	/** A session waiting for a reviewer: its sprint, task, key and override id. */
	record AwaitingReviewer(String sprint, String task, String sessionKey, String overrideId) {
	}

}
