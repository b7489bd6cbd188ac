package io.phaseflow.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Stream;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpMessage;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

/**
 * Phaseflow's REST API ({@code /api/orchestration}), one method per endpoint the command
 * line and the MCP server use. Every method answers the server's status and JSON; only a
 * server that cannot be reached throws ({@link ServerUnreachable}).
 * <p>
 * It speaks HTTP through Apache HttpClient's blocking client, which keeps no thread of
 * its own: the JDK's client keeps a selector thread in native code, and a JVM that exits
 * waits 300 ms for such a thread, a third of a short command's time (docs/BENCHMARKS.md).
 * It follows no redirects and keeps no cookies. It retries a request once, and only when
 * the request may have reached the server but its answer was lost; every write carries an
 * {@code Idempotency-Key} for that, so the server does the work once (docs/API.md).
 */
public class PhaseflowClient {

	/** The status of a session that waits for a reviewer's override decision. */
	private static final String AWAITING_OVERRIDE = "awaiting_override";

	private static final String API = "/api/orchestration";

	/** How often {@link #awaitDecision} asks a server that has no live event stream. */
	private static final Duration DECISION_POLL = Duration.ofSeconds(2);

	private static final String ACCEPT = "application/json, application/problem+json, text/markdown";

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final ClientSettings settings;

	private final CloseableHttpClient http;

	public PhaseflowClient(ClientSettings settings) {
		this.settings = settings;
		this.http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setTlsSocketStrategy(new TlsOnFirstUse())
				.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5)).build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(60)).build())
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableContentCompression()
			.build();
	}

	public ClientSettings settings() {
		return this.settings;
	}

	public ApiAnswer agent(String idOrHandle) {
		return get("/agents/" + segment(idOrHandle));
	}

	public ApiAnswer task(String code) {
		return get("/tasks/" + segment(code));
	}

	/**
	 * {@code POST /agent/init}: {@code entityType} is {@code task} or {@code sprint};
	 * without an agent, the server takes the token's.
	 */
	public ApiAnswer init(String entityType, String code, Long agentId) {
		return post("/agent/init",
				withAgent(Json.object().put("entity_type", entityType).put("entity_code", code), agentId));
	}

	/**
	 * {@code POST /agent/init} on a task, taking its active session over when another
	 * agent holds it: the refusal of a plain init names that agent, and the second
	 * request takes the session from it with {@code expected_agent_id}, so of two agents
	 * taking over at once one wins and the other gets a conflict.
	 */
	public ApiAnswer initTakingOver(String taskCode, Long agentId) {
		ApiAnswer plain = init("task", taskCode, agentId);
		JsonNode next = (plain.body() != null) ? plain.body().path("next") : Json.object();
		if (plain.status() != 409 || !"take_over".equals(next.path("action").asText())
				|| !next.path("expected_agent_id").canConvertToLong()) {
			return plain;
		}
		ObjectNode body = withAgent(Json.object().put("entity_type", "task").put("entity_code", taskCode), agentId)
			.put("take_over", true)
			.put("expected_agent_id", next.path("expected_agent_id").asLong());
		return post("/agent/init", body);
	}

	/**
	 * {@code onActive}: {@code continue}, {@code restart} or {@code reject}; without an
	 * agent, the server takes the token's.
	 */
	public ApiAnswer startSession(String taskCode, Long agentId, String onActive) {
		return post("/sessions",
				withAgent(Json.object().put("task_code", taskCode).put("on_active", onActive), agentId));
	}

	private static ObjectNode withAgent(ObjectNode body, Long agentId) {
		return (agentId != null) ? body.put("agent_id", agentId) : body;
	}

	public ApiAnswer session(String key) {
		return get(session(key, ""));
	}

	public ApiAnswer context(String key) {
		return get(session(key, "/context"));
	}

	/**
	 * Completes {@code phase}, the phase the caller believes the session is in, so that a
	 * repeated request completes nothing more (409).
	 */
	public ApiAnswer completePhase(String key, String phase, boolean override, String reason, String qaStatus) {
		return completePhase(key, phase, override, reason, qaStatus, Map.of());
	}

	/**
	 * Completes the phase, submitting {@code artifacts} (name to content) with it in the
	 * same call.
	 */
	public ApiAnswer completePhase(String key, String phase, boolean override, String reason, String qaStatus,
			Map<String, String> artifacts) {
		ObjectNode body = Json.object().put("phase", phase);
		if (override) {
			body.put("override", true).put("reason", reason);
		}
		if (qaStatus != null) {
			body.put("qa_status", qaStatus);
		}
		withArtifacts(body, artifacts);
		return post(session(key, "/phase-complete"), body);
	}

	private static void withArtifacts(ObjectNode body, Map<String, String> artifacts) {
		if (!artifacts.isEmpty()) {
			ArrayNode list = body.putArray("artifacts");
			artifacts.forEach((name, content) -> list.addObject().put("name", name).put("content", content));
		}
	}

	public ApiAnswer putArtifact(String key, String name, String content) {
		return post(session(key, "/artifacts"), Json.object().put("name", name).put("content", content));
	}

	/** One artifact of the session, with its content. */
	public ApiAnswer artifact(String key, String name) {
		return get(session(key, "/artifacts/" + segment(name)));
	}

	/** A draft of an artifact from its template: markdown in {@link ApiAnswer#text()}. */
	public ApiAnswer draft(String key, String name) {
		return get(session(key, "/artifacts/" + segment(name) + "/draft"));
	}

	public ApiAnswer pause(String key) {
		return post(session(key, "/pause"), null);
	}

	/**
	 * Resumes the session, as the given agent or (null) the token's: one that another
	 * agent holds is taken over from that agent, read first and sent as
	 * {@code expected_agent_id}, so of two agents taking over at once one wins and the
	 * other gets a conflict.
	 */
	public ApiAnswer resume(String key, Long agentId) {
		ApiAnswer current = session(key);
		if (!current.ok()) {
			return current;
		}
		ObjectNode body = withAgent(Json.object(), agentId);
		JsonNode holder = current.body().get("agent_id");
		if (holder != null && holder.canConvertToLong() && (agentId == null || holder.asLong() != agentId)) {
			body.put("expected_agent_id", holder.asLong());
		}
		return post(session(key, "/resume"), body);
	}

	public ApiAnswer end(String key, boolean force, String reason) {
		return end(key, force, reason, Map.of());
	}

	/** Ends the session, submitting {@code artifacts} (name to content) first. */
	public ApiAnswer end(String key, boolean force, String reason, Map<String, String> artifacts) {
		ObjectNode body = Json.object().put("force", force);
		if (reason != null) {
			body.put("reason", reason);
		}
		withArtifacts(body, artifacts);
		return post(session(key, "/end"), body);
	}

	/** Moves the session to another phase (a PM's call), with the reason for it. */
	public ApiAnswer transition(String key, String toPhase, String reason) {
		return post(session(key, "/transition"), Json.object().put("to_phase", toPhase).put("reason", reason));
	}

	public ApiAnswer logActivity(String key, String type, JsonNode details, String description) {
		ObjectNode body = Json.object().put("activity_type", type);
		if (details != null) {
			body.set("details", details);
		}
		if (description != null) {
			body.put("description", description);
		}
		return post(session(key, "/activity"), body);
	}

	/** Logs the next iteration; {@code report} holds status, summary, tokens and cost. */
	public ApiAnswer logIteration(String key, ObjectNode report) {
		return post(session(key, "/iterations"), report);
	}

	public ApiAnswer updateIteration(String key, int number, ObjectNode report) {
		return send("PATCH", session(key, "/iterations/" + number), report);
	}

	public ApiAnswer iterations(String key) {
		return get(session(key, "/iterations"));
	}

	/** A context update or a note ({@code kind} {@code update} or {@code note}). */
	public ApiAnswer addNote(String key, String kind, String text) {
		return post(session(key, "/notes"), Json.object().put("kind", kind).put("text", text));
	}

	public ApiAnswer notes(String key) {
		return get(session(key, "/notes"));
	}

	/** {@code POST /pm-tools/task-status}; {@code force} completes without notes. */
	public ApiAnswer taskStatus(String taskCode, String status, String notes, String sessionKey, boolean force) {
		ObjectNode body = Json.object().put("task_code", taskCode).put("status", status);
		if (notes != null) {
			body.put("notes", notes);
		}
		if (sessionKey != null) {
			body.put("session_key", sessionKey);
		}
		if (force) {
			body.put("force", true);
		}
		return post("/pm-tools/task-status", body);
	}

	public ApiAnswer statusReport(String sprintCode) {
		return get("/pm-tools/status-report" + query(Map.of("sprint_code", sprintCode)));
	}

	/** A sprint; with {@code template} in the body, also its tasks. */
	public ApiAnswer createSprint(ObjectNode body) {
		return post("/sprints", body);
	}

	public ApiAnswer createTask(ObjectNode body) {
		return post("/tasks", body);
	}

	/**
	 * {@code PATCH /tasks/{code}}: a JSON merge patch, whose lists replace the old ones.
	 */
	public ApiAnswer updateTask(String code, ObjectNode patch) {
		return send("PATCH", "/tasks/" + segment(code), patch);
	}

	/** A page of tasks in id order; null values in {@code filters} are left out. */
	public ApiAnswer tasks(Map<String, String> filters) {
		return get("/tasks" + query(filters));
	}

	public ApiAnswer registerAgent(ObjectNode body) {
		return post("/agents", body);
	}

	/**
	 * {@code POST /admin/tokens}: the answer holds the secret, and nothing else ever
	 * does.
	 */
	public ApiAnswer issueToken(ObjectNode body) {
		return post("/admin/tokens", body);
	}

	public ApiAnswer tokens() {
		return get("/admin/tokens");
	}

	public ApiAnswer revokeToken(long id) {
		return send("DELETE", "/admin/tokens/" + id, null);
	}

	/** A bug filed as a backlog task; 200 with {@code duplicate_of} when filed before. */
	public ApiAnswer fileBug(ObjectNode body) {
		return post("/pm-tools/bug-report", body);
	}

	public ApiAnswer writeAdr(ObjectNode body) {
		return post("/pm-tools/adr", body);
	}

	/** Archives the events that are due now. */
	public ApiAnswer archiveEvents() {
		return post("/admin/events/archive", null);
	}

	/** A page of events, oldest first; null values in {@code filters} are left out. */
	public ApiAnswer events(Map<String, String> filters) {
		return get("/events" + query(filters));
	}

	/**
	 * The live event stream ({@code GET /events/stream}, server-sent events) as lines;
	 * the answer's status tells whether the server has it. Closing the lines drops the
	 * connection.
	 */
	public EventStream eventStream(Map<String, String> filters) {
		HttpGet request = new HttpGet(url("/events/stream" + query(filters)));
		authorize(request);
		request.setHeader("Accept", "text/event-stream");
		// an idle stream only carries the server's heartbeats, however far apart it sends
		// them
		request.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.DISABLED).build());
		try {
			ClassicHttpResponse response = this.http.executeOpen(null, request, null);
			HttpEntity entity = response.getEntity();
			Runnable drop = () -> {
				// the stream does not end: cancel instead of reading it to its end
				request.cancel();
				try {
					response.close();
				}
				catch (IOException ex) {
					// the connection is dropped either way
				}
			};
			if (entity == null) {
				drop.run();
				return new EventStream(response.getCode(), Stream.empty());
			}
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(entity.getContent(), StandardCharsets.UTF_8));
			return new EventStream(response.getCode(), reader.lines().onClose(drop));
		}
		catch (IOException ex) {
			throw new ServerUnreachable(this.settings.baseUrl(), ex);
		}
	}

	/**
	 * An answer of the event stream: its status and, while the connection lasts, its
	 * lines.
	 *
	 * @param status the HTTP status
	 * @param lines the lines of the body; closing them drops the connection
	 */
	public record EventStream(int status, Stream<String> lines) implements AutoCloseable {

		@Override
		public void close() {
			this.lines.close();
		}

	}

	/**
	 * Waits while the session waits for a reviewer's override decision, at most
	 * {@code timeout} (null: as long as it takes), and answers the session as it is then.
	 * The live stream says when something happened, the session what; the stream is open
	 * before the session is read, so that no decision falls between the two. A server
	 * without a live stream is asked again after a pause.
	 */
	public ApiAnswer awaitDecision(String sessionKey, Duration timeout) {
		long deadline = (timeout != null) ? System.nanoTime() + timeout.toNanos() : Long.MAX_VALUE;
		while (true) {
			try (EventStream stream = eventStream(Map.of("session_key", sessionKey))) {
				ApiAnswer now = session(sessionKey);
				if (!now.ok() || !awaitsDecision(now.body()) || System.nanoTime() >= deadline) {
					return now;
				}
				if (stream.status() == 200) {
					Iterator<String> lines = stream.lines().iterator();
					boolean event = false;
					while (!event && System.nanoTime() < deadline && lines.hasNext()) {
						event = lines.next().startsWith("data:");
					}
				}
				else {
					Thread.sleep(Math.min(DECISION_POLL.toMillis(), (deadline - System.nanoTime()) / 1_000_000 + 1));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return session(sessionKey);
			}
		}
	}

	/** Whether a session (its JSON) waits for a reviewer's override decision. */
	public static boolean awaitsDecision(JsonNode session) {
		return AWAITING_OVERRIDE.equals(session.path("status").asText());
	}

	/** {@code GET /context/search}: events, artifacts and task text. */
	public ApiAnswer search(String q, String scope, String code) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("q", q);
		params.put("scope", scope);
		params.put("code", code);
		return get("/context/search" + query(params));
	}

	public ApiAnswer get(String path) {
		return send("GET", path, null);
	}

	public ApiAnswer post(String path, JsonNode body) {
		return send("POST", path, body);
	}

	/**
	 * Sends the request, and once more when its answer was lost. A write carries a fresh
	 * {@code Idempotency-Key}, the same on the second try, so that the server does work
	 * it already did only once and replays its first answer.
	 */
	private ApiAnswer send(String method, String path, JsonNode body) {
		String text = (body != null) ? Json.write(body) : null;
		String key = "GET".equals(method) ? null : UUID.randomUUID().toString();
		try {
			try {
				return exchange(method, path, text, key);
			}
			catch (IOException ex) {
				if (!answerLost(ex)) {
					throw ex;
				}
				return exchange(method, path, text, key);
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw new ServerUnreachable(this.settings.baseUrl(), ex);
		}
	}

	private ApiAnswer exchange(String method, String path, String body, String idempotencyKey) throws IOException {
		ClassicRequestBuilder builder = ClassicRequestBuilder.create(method)
			.setUri(url(path))
			.setHeader("Accept", ACCEPT);
		if (idempotencyKey != null) {
			builder.setHeader(IDEMPOTENCY_KEY, idempotencyKey);
		}
		if (body != null) {
			builder.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
		}
		ClassicHttpRequest request = builder.build();
		authorize(request);
		return this.http.execute(request, (response) -> {
			String text = (response.getEntity() != null)
					? EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8) : "";
			return new ApiAnswer(response.getCode(), Json.parseOrNull(text), text);
		});
	}

	/**
	 * Whether the request may have reached the server and only its answer is missing: no
	 * answer at all, a connection reset or a response timeout. A connection that was
	 * never made (refused, unknown host, connect timeout) is not retried: the server is
	 * not there, and trying again at once would only double the wait.
	 */
	private static boolean answerLost(IOException ex) {
		if (ex instanceof ConnectException || ex instanceof ConnectTimeoutException
				|| ex instanceof UnknownHostException || ex instanceof SSLException) {
			return false;
		}
		return ex instanceof NoHttpResponseException || ex instanceof SocketTimeoutException
				|| ex instanceof SocketException || ex instanceof ConnectionClosedException;
	}

	/**
	 * The JVM's TLS settings, read on the first https connection: loading the trust store
	 * takes a fifth of a short command's time, and a server on http:// never needs it.
	 */
	private static final class TlsOnFirstUse implements TlsSocketStrategy {

		private volatile TlsSocketStrategy tls;

		@Override
		public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
				throws IOException {
			TlsSocketStrategy strategy = this.tls;
			if (strategy == null) {
				strategy = DefaultClientTlsStrategy.createSystemDefault();
				this.tls = strategy;
			}
			return strategy.upgrade(socket, target, port, attachment, context);
		}

	}

	private String url(String path) {
		return this.settings.baseUrl() + API + path;
	}

	private void authorize(HttpMessage request) {
		if (this.settings.token() != null) {
			request.setHeader("Authorization", "Bearer " + this.settings.token());
		}
	}

	private static String session(String key, String rest) {
		return "/sessions/" + segment(key) + rest;
	}

	private static String segment(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String query(Map<String, String> params) {
		StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
		params.forEach((name, value) -> {
			if (value != null) {
				query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
			}
		});
		return query.toString();
	}

}
