package io.phaseflow.e2e;

import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phaseflow.e2e.H2AuthMatrixTest.Need;
import io.phaseflow.e2e.H2AuthMatrixTest.Row;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input, generated for every endpoint of {@link H2AuthMatrixTest#TABLE}: path
 * variables, query parameters and bodies full of traversal, injection, template, markup,
 * control characters, wrong types, huge and deeply nested documents, and uploads of YAML
 * bombs, script tasks and XXE. Over ten thousand requests, from a seeded generator so a
 * run can be repeated, must all get an answer below 500; every 4xx is a problem+json
 * without stack traces or SQL; and since every generated write is built to be refused,
 * the database counts are the same afterwards.
 *
 * <p>
 * How writes are made sure to be refused: a write to an endpoint with path variables
 * names no existing record; a write to a collection carries a "spoiler", a value that
 * passes validation but is refused late (a code that exists already, so 409, or a record
 * that does not exist, so 404), and every mutation of the body keeps it. Mutations of the
 * spoiler field itself never use a value that would be a valid code, and a spoiler that
 * is optional is never left out. Left out of generation because they are legitimately
 * accepted: bodies for {@code POST /admin/events/archive} (it reads none, so any body
 * answers 200; only the oversized one is sent). Reads may answer 200 with hostile query
 * parameters (e.g. an unknown {@code entity_code} is an empty page,
 * {@code POST /process-api/query/tasks} is a query); they are checked for 5xx and problem
 * answers only.
 */
abstract class HostileInputTests extends ApiTestSupport {

	private static final long SEED = 7_2026L;

	private static final int THREADS = 4;

	private static final int MINIMUM_REQUESTS = 10_000;

	/** How many of the generated requests are sent again as the row's own role. */
	private static final int OWN_ROLE_PERCENT = 25;

	private static final List<String> TABLES = List.of("orchestration_sprints", "orchestration_tasks",
			"orchestration_events", "entity_versions", "work_sessions", "session_artifacts", "work_items", "api_tokens",
			"ACT_RE_DEPLOYMENT");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern CODE = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,99}");

	/** A well-formed code that names nothing, used for path variables of body tests. */
	private static final String NOTHING = "no-such-thing-hostile";

	/** Hostile values for path variables, query parameters and string fields. */
	static final List<String> HOSTILE = List.of("../../etc/passwd", "..\\..\\windows\\win.ini", "..", ".",
			"%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%2F..%2Fetc%2Fpasswd", "%00", "a\u0000b", "%", "%zz", "x".repeat(300),
			"x".repeat(2_000), "\u00fcmlaut", "\ud83d\ude80\ud83d\udd25", "\u202Eevil\u202C",
			"\u0645\u0631\u062d\u0628\u0627", "\uFEFFbom", "'; DROP TABLE orchestration_tasks; --", "1' OR '1'='1",
			"1; SELECT pg_sleep(5)", "${7*7}", "#{7*7}", "<#assign x=1>${x}", "{{7*7}}",
			"{{constructor.constructor('return 1')()}}", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
			"${jndi:ldap://127.0.0.1/x}", "file:///etc/passwd", "-1", "0", "99999999999999999999", "1.5", "null",
			"true", " ", "\t", "a b", ";", "*", "~root", "CON", "a/b", "a\\b", "line\r\nX-Injected: 1");

	/** Control characters and invisible trouble, for string fields. */
	private static final List<String> CONTROL = List.of("\u0000", "nul\u0000byte", "bell\u0007", "esc\u001b[31m",
			"del\u007f", "two\nlines", "cr\rlf", "\u2028sep", "\uFEFF", "\ud800", "tab\there");

	/** Field lengths just under and just over the documented limits. */
	private static final int[] LENGTHS = { 99, 100, 101, 199, 200, 201, 499, 500, 501, 1_999, 2_000, 2_001, 19_999,
			20_000, 20_001, 499_999, 500_001 };

	/** Wrong values for a field, by what the field is. */
	private static final List<Object> OTHERS = List.of(42, -1, 1.5, new BigInteger("99999999999999999999"), true, false,
			"text", "", Map.of(), Map.of("a", 1), List.of(), List.of("x"));

	private static final List<String> QUERY_NAMES = List.of("status", "sprint_code", "task_code", "priority",
			"entity_type", "entity_code", "event_type", "session_key", "correlation_id", "after_id", "limit", "all",
			"taskId", "processDefinitionKey", "size", "start", "sort", "order", "name");

	@Autowired
	JdbcClient jdbc;

	/** One generated request. */
	record Probe(String caller, String method, String path, String body, String contentType,
			List<ApiClient.FilePart> files, boolean write, String kind, String endpoint) {

		Probe(String caller, String method, String path, String body, String contentType,
				List<ApiClient.FilePart> files, boolean write, String kind) {
			this(caller, method, path, body, contentType, files, write, kind, null);
		}

		/**
		 * The same request, for the given row of the table and sent by the given caller.
		 */
		Probe of(Row row, String by, String suffix) {
			return new Probe(by, this.method, this.path, this.body, this.contentType, this.files, this.write,
					this.kind + suffix, row.method() + " " + row.path());
		}

		String describe() {
			String shown = (this.body == null) ? "" : " " + ((this.body.length() > 300)
					? this.body.substring(0, 300) + "…(" + this.body.length() + ")" : this.body);
			String parts = (this.files == null) ? ""
					: " files " + this.files.stream().map((f) -> f.name() + "=" + f.fileName()).toList();
			return this.caller + " " + this.method + " " + this.path + shown + parts + " [" + this.kind + "]";
		}

	}

	/** What the generated bodies refer to. */
	record Fixture(String sprint, String task, String handle, long agentId) {
	}

	@Test
	void hostileInputOnEveryEndpointIsRefusedWithAProblemAndChangesNothing() throws Exception {
		Map<String, ApiClient> callers = new LinkedHashMap<>();
		callers.put("ADMIN", this.admin);
		callers.put("anonymous", this.admin.as(null));
		for (String role : List.of("AGENT", "PM", "REVIEWER")) {
			callers.put(role, clientWith(role));
		}
		ApiClient pm = callers.get("PM");
		String sprint = unique("hostile");
		String task = unique("hostile-task");
		assertThat(createSprint(pm, sprint).status()).isEqualTo(201);
		assertThat(createTask(pm, task, "\"sprint_code\": \"" + sprint + "\"").status()).isEqualTo(201);
		String handle = unique("hostile-agent");
		long agentId = pm.post(API + "/agents", "{\"handle\": \"" + handle + "\"}").json().get("id").asLong();
		Fixture fixture = new Fixture(sprint, task, handle, agentId);

		List<Probe> probes = generate(fixture, new Random(SEED));
		Map<String, Long> before = fingerprint();
		long started = System.nanoTime();
		Map<Integer, AtomicInteger> statuses = new TreeMap<>();
		Map<String, Map<Integer, AtomicInteger>> byKind = new TreeMap<>();
		Map<String, Long> kindMillis = new TreeMap<>();
		Map<String, Integer> answeredReads = new TreeMap<>();
		List<String> wrong = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> sent = new ArrayList<>();
			for (Probe probe : probes) {
				sent.add(pool.submit(() -> {
					long sentAt = System.nanoTime();
					ApiClient.Response answer = send(callers.get(probe.caller()), probe, wrong);
					int status = (answer != null) ? check(probe, answer, wrong) : 0;
					long took = (System.nanoTime() - sentAt) / 1_000_000;
					synchronized (statuses) {
						kindMillis.merge(probe.kind().replace(" (own role)", ""), took, Long::sum);
						if (status >= 200 && status < 300) {
							answeredReads.merge(probe.endpoint(), 1, Integer::sum);
						}
						statuses.computeIfAbsent(status, (s) -> new AtomicInteger()).incrementAndGet();
						byKind.computeIfAbsent(probe.kind(), (k) -> new TreeMap<>())
							.computeIfAbsent(status, (s) -> new AtomicInteger())
							.incrementAndGet();
					}
				}));
			}
			for (Future<?> one : sent) {
				one.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		Map<String, Long> after = fingerprint();

		System.out.println("Hostile input: " + probes.size() + " requests in " + millis + " ms on "
				+ getClass().getSimpleName() + "; by status " + statuses);
		byKind.forEach((kind, counts) -> System.out.println("  " + kind + ": " + counts));
		System.out.println("  time per kind (ms, summed over threads): " + kindMillis);
		System.out.println("  reads answered 2xx, by endpoint: " + answeredReads);
		System.out.println("  row counts before " + before + ", after " + after);
		wrong.stream().limit(50).forEach((w) -> System.out.println("  WRONG " + w));

		assertThat(probes).hasSizeGreaterThanOrEqualTo(MINIMUM_REQUESTS);
		assertThat(wrong).as("answers that are server errors, not problems, or accepted writes").isEmpty();
		assertThat(after).as("row counts after every refused write").isEqualTo(before);
	}

	private Map<String, Long> fingerprint() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : TABLES) {
			// a refusal by a governance rule is recorded, and is no change
			String where = table.equals("orchestration_events")
					? " WHERE event_type <> '" + GovernanceTests.REFUSED + "'" : "";
			counts.put(table, this.jdbc.sql("SELECT COUNT(*) FROM " + table + where).query(Long.class).single());
		}
		return counts;
	}

	/**
	 * Sends a probe; once more if the connection was lost before an answer (the client
	 * may reuse a connection the server closed after refusing an oversized body). Null if
	 * there was no answer either time.
	 */
	private static ApiClient.Response send(ApiClient client, Probe probe, List<String> wrong) {
		for (int attempt = 1;; attempt++) {
			try {
				return sendOnce(client, probe);
			}
			catch (UncheckedIOException ex) {
				if (attempt == 2) {
					wrong.add(probe.describe() + " -> no answer: " + ex.getMessage());
					return null;
				}
			}
		}
	}

	private static ApiClient.Response sendOnce(ApiClient client, Probe probe) {
		if (probe.files() != null) {
			return client.postFiles(probe.path(), probe.files());
		}
		if (probe.method().equals("GET") && probe.path().startsWith(API + "/events/stream")) {
			// an accepted stream never ends: read its status and headers, then hang up
			return client.openStream(probe.path());
		}
		return client.send(probe.method(), probe.path(), probe.body(), probe.contentType());
	}

	/** Checks one answer, noting what is wrong with it; its status. */
	private static int check(Probe probe, ApiClient.Response answer, List<String> wrong) {
		int status = answer.status();
		String shown = status + " "
				+ ((answer.body().length() > 400) ? answer.body().substring(0, 400) : answer.body());
		if (status >= 500) {
			wrong.add(probe.describe() + " -> a server error: " + shown);
		}
		else if (status >= 400) {
			String problem = problemFault(answer);
			if (problem != null) {
				wrong.add(probe.describe() + " -> " + problem + ": " + shown);
			}
		}
		else if (probe.write()) {
			wrong.add(probe.describe() + " -> accepted: " + shown);
		}
		return status;
	}

	private static String problemFault(ApiClient.Response answer) {
		if (!answer.isProblem()) {
			return "not problem+json (" + answer.contentType() + ")";
		}
		JsonNode problem;
		try {
			problem = ApiClient.parse(answer.body());
		}
		catch (RuntimeException ex) {
			return "an unreadable problem";
		}
		if (problem.path("status").asInt() != answer.status() || problem.path("title").asText().isBlank()
				|| !problem.has("errors")) {
			return "a problem without status, title or errors";
		}
		for (String leak : List.of("Exception", "at io.phaseflow", "at org.", "SQL", "org.h2", "postgresql",
				"/etc/passwd:x", "root:x:0")) {
			if (answer.body().contains(leak)) {
				return "a problem that leaks '" + leak + "'";
			}
		}
		return null;
	}

	// ---------------------------------------------------------------- generation

	private List<Probe> generate(Fixture fixture, Random random) {
		List<Probe> probes = new ArrayList<>();
		for (Row row : H2AuthMatrixTest.TABLE) {
			List<Probe> forRow = new ArrayList<>();
			boolean write = isWrite(row);
			BodySpec spec = write ? spec(row, fixture) : null;
			String benignBody = (spec != null && spec.fields() != null) ? toJson(spec.fields()) : null;
			if (row.path().contains("{")) {
				pathVariants(row, write, benignBody, forRow);
			}
			else if (!write) {
				queryVariants(row, random, forRow);
			}
			if (write && spec != null) {
				String path = row.path().replaceAll("\\{[^}]+}", NOTHING);
				bodyVariants(row, path, spec, random, forRow);
			}
			if (row.path().equals(API + "/workflow/deployments") && row.method().equals("POST")) {
				uploadVariants(row, random, forRow);
			}
			for (Probe probe : forRow) {
				probes.add(probe.of(row, probe.caller(), ""));
				// some of them also as the caller the row is meant for
				boolean small = probe.body() == null || probe.body().length() < 100_000;
				if (small && random.nextInt(100) < OWN_ROLE_PERCENT) {
					probes.add(probe.of(row, properCaller(row.need(), random), " (own role)"));
				}
			}
		}
		Collections.shuffle(probes, random);
		return probes;
	}

	private static boolean isWrite(Row row) {
		return !row.method().equals("GET") && !row.path().equals("/process-api/query/tasks");
	}

	private static String properCaller(Need need, Random random) {
		return switch (need) {
			case PUBLIC -> "anonymous";
			case ANY -> List.of("AGENT", "PM", "REVIEWER").get(random.nextInt(3));
			case PM_AGENT_REVIEWER -> List.of("AGENT", "PM", "REVIEWER").get(random.nextInt(3));
			default -> need.name();
		};
	}

	private static void pathVariants(Row row, boolean write, String body, List<Probe> out) {
		List<String> variables = new ArrayList<>();
		Matcher matcher = Pattern.compile("\\{([^}]+)}").matcher(row.path());
		while (matcher.find()) {
			variables.add(matcher.group(1));
		}
		String contentType = (body != null) ? "application/json" : null;
		for (String value : HOSTILE) {
			for (String variable : variables) {
				String template = row.path();
				for (String other : variables) {
					if (!other.equals(variable)) {
						template = template.replace("{" + other + "}", NOTHING);
					}
				}
				String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
				out.add(new Probe("ADMIN", row.method(), template.replace("{" + variable + "}", encoded), body,
						contentType, null, write, "path variable, encoded"));
				String raw = template.replace("{" + variable + "}", value);
				if (!raw.equals(template.replace("{" + variable + "}", encoded)) && sendable(raw)) {
					out.add(new Probe("ADMIN", row.method(), raw, body, contentType, null, write,
							"path variable, raw"));
				}
			}
		}
	}

	/** Whether the HTTP client lets this path through as it is. */
	private static boolean sendable(String path) {
		try {
			URI uri = URI.create("http://localhost:1" + path);
			return uri.getRawPath() != null && path.chars().allMatch((c) -> c > 0x20 && c < 0x7f);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static void queryVariants(Row row, Random random, List<Probe> out) {
		for (int i = 0; i < 40; i++) {
			String name = QUERY_NAMES.get(random.nextInt(QUERY_NAMES.size()));
			String value = HOSTILE.get(random.nextInt(HOSTILE.size()));
			out.add(new Probe("ADMIN", row.method(),
					row.path() + "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8), null, null, null,
					false, "query parameter"));
		}
		for (int i = 0; i < 3; i++) {
			String value = HOSTILE.get(random.nextInt(HOSTILE.size()));
			out.add(new Probe("ADMIN", row.method(),
					row.path() + "?" + URLEncoder.encode(value, StandardCharsets.UTF_8) + "=1", null, null, null, false,
					"query parameter name"));
		}
	}

	/**
	 * A valid body for a write endpoint, with its spoiler: the field whose value makes
	 * the request refused late (null when the path already names nothing).
	 */
	record BodySpec(Map<String, Object> fields, String spoiler, boolean spoilerRequired) {
	}

	private static Map<String, Object> fields(Object... pairs) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put((String) pairs[i], pairs[i + 1]);
		}
		return fields;
	}

	private static BodySpec spec(Row row, Fixture f) {
		String key = row.method() + " " + row.path().substring(row.path().startsWith(API) ? API.length() : 0);
		return switch (key) {
			case "POST /sprints" ->
				new BodySpec(fields("sprint_code", f.sprint(), "title", "A sprint", "status", "planning", "owner", "pm",
						"metadata", Map.of("k", "v"), "template", "no-such-template"), "sprint_code", true);
			case "POST /tasks" -> new BodySpec(
					fields("task_code", f.task(), "title", "A task", "description", "Build it", "category", "backend",
							"status", "pending", "priority", "P2", "sprint_code", f.sprint(), "estimate_minutes", 30,
							"metadata", Map.of("acceptance_criteria", List.of("it works")), "agent_config", Map.of()),
					"task_code", true);
			case "POST /agents" -> new BodySpec(fields("handle", f.handle(), "name", "Agent", "kind", "ai",
					"capabilities", List.of("java"), "metadata", Map.of()), "handle", true);
			case "POST /admin/tokens" ->
				new BodySpec(fields("name", "admin", "roles", List.of("PM"), "agent_id", f.agentId()), "name", true);
			case "POST /pm-tools/task-status" -> new BodySpec(fields("task_code", NOTHING, "status", "in_progress",
					"notes", "Some notes", "session_key", "no-such-session", "agent_id", f.agentId(), "emit_event",
					true, "sync_to_file", false, "force", false), "task_code", true);
			case "POST /pm-tools/bug-report" -> new BodySpec(
					fields("title", "A bug", "description", "It breaks", "priority", "P2", "sprint_code", NOTHING),
					"sprint_code", false);
			case "POST /pm-tools/adr" -> new BodySpec(fields("title", "A decision", "status", "not-a-status", "context",
					"Why", "decision", "What", "consequences", "Then"), "status", false);
			case "POST /agent/init" ->
				new BodySpec(fields("entity_type", "task", "entity_code", NOTHING, "agent_id", f.agentId()),
						"entity_code", true);
			case "POST /sessions" -> new BodySpec(
					fields("task_code", NOTHING, "agent_id", f.agentId(), "on_active", "continue"), "task_code", true);
			case "POST /overrides/{id}/decision" ->
				new BodySpec(fields("decision", "approve", "comment", "Fine"), null, false);
			case "PATCH /sprints/{code}" -> new BodySpec(
					fields("title", "Renamed", "status", "active", "owner", "pm", "metadata", Map.of()), null, false);
			case "PATCH /tasks/{code}" -> new BodySpec(fields("title", "Renamed", "description", "More", "status",
					"in_progress", "priority", "P1", "estimate_minutes", 10, "metadata", Map.of()), null, false);
			case "POST /tasks/{code}/rollback" -> new BodySpec(fields("hash", "a".repeat(64)), null, false);
			case "POST /sessions/{key}/artifacts" ->
				new BodySpec(fields("name", "TASK.md", "content", "# Task\n"), null, false);
			case "POST /sessions/{key}/phase-complete" ->
				new BodySpec(fields("override", true, "reason", "Because", "qa_status", "qa_passed", "phase", "intake"),
						null, false);
			case "POST /sessions/{key}/resume" ->
				new BodySpec(fields("agent_id", f.agentId(), "expected_agent_id", f.agentId()), null, false);
			case "POST /sessions/{key}/end" -> new BodySpec(fields("force", true, "reason", "Done"), null, false);
			case "POST /sessions/{key}/terminate", "POST /sessions/{key}/fail" ->
				new BodySpec(fields("reason", "Stop"), null, false);
			case "POST /sessions/{key}/activity" -> new BodySpec(fields("activity_type", "code_generated", "details",
					Map.of("file", "A.java"), "description", "Wrote it"), null, false);
			case "POST /sessions/{key}/iterations", "PATCH /sessions/{key}/iterations/{number}" ->
				new BodySpec(fields("iteration_number", 1, "status", "running", "summary", "Going", "tokens_input", 10,
						"tokens_output", 20, "cost", 0.5), null, false);
			case "POST /sessions/{key}/notes" -> new BodySpec(fields("kind", "note", "text", "A note"), null, false);
			// archiving reads no body: any body is accepted, so only the oversized one is
			// sent
			case "POST /admin/events/archive" -> new BodySpec(null, null, false);
			default -> row.path().contains("{") ? new BodySpec(Map.of(), null, false) : new BodySpec(null, null, false);
		};
	}

	private static String toJson(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void bodyVariants(Row row, String path, BodySpec spec, Random random, List<Probe> out) {
		String big = "{\"description\": \"" + "x".repeat(3_000_000) + "\"}";
		out.add(new Probe("ADMIN", row.method(), path, big, "application/json", null, true, "3 MB body"));
		if (spec.fields() == null) {
			return;
		}
		String valid = toJson(spec.fields());
		List<String> structural = new ArrayList<>(List.of("", " ", "null", "[]", "[{}]", "[" + valid + "]", "1", "true",
				"\"text\"", "{", "}", "{\"a\":", "<task/>", "key=value", valid + "garbage", valid + valid, "{'a': 'b'}",
				"{a: 1}", "NaN", "/* comment */ " + valid, "\uFEFF" + valid, "{\"a\": \"raw\u0001control\"}",
				"{\"a\": \"raw\ttab\"}", "[".repeat(5_000) + "]".repeat(5_000),
				"{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000), "\u0000", "{\"a\": 1e999999}",
				"{\"a\": -0.0e-999999}", "{\"a\": \"\\ud800\"}", "{\"a\": \"\\u00\"}"));
		for (int i = 0; i < 5; i++) {
			structural.add(valid.substring(0, 1 + random.nextInt(valid.length() - 1)));
		}
		for (String body : structural) {
			out.add(new Probe("ADMIN", row.method(), path, body, "application/json", null, true, "malformed body"));
		}
		for (String type : new String[] { "text/plain", "application/xml", "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=x", "application/json; charset=ebcdic", null }) {
			out.add(new Probe("ADMIN", row.method(), path, valid, type, null, true, "content type"));
		}
		for (Map.Entry<String, Object> field : spec.fields().entrySet()) {
			String name = field.getKey();
			boolean spoiler = name.equals(spec.spoiler());
			for (Object other : OTHERS) {
				if (sameKind(other, field.getValue())
						|| spoiler && other instanceof String s && CODE.matcher(s).matches()) {
					continue;
				}
				out.add(body(row, path, spec, name, other, "wrong type"));
			}
			if (!spoiler || spec.spoilerRequired()) {
				Map<String, Object> missing = new LinkedHashMap<>(spec.fields());
				missing.remove(name);
				out.add(new Probe("ADMIN", row.method(), path, toJson(missing), "application/json", null, true,
						"missing field"));
				out.add(body(row, path, spec, name, null, "null field"));
			}
			if (field.getValue() instanceof String) {
				for (String value : HOSTILE) {
					if (!(spoiler && CODE.matcher(value).matches())) {
						out.add(body(row, path, spec, name, value, "hostile string"));
					}
				}
				for (String value : CONTROL) {
					out.add(body(row, path, spec, name, value, "control characters"));
				}
				for (int length : LENGTHS) {
					if (length > 30_000 && random.nextInt(4) != 0) {
						continue;
					}
					String value = (spoiler ? "-" : "") + "y".repeat(length);
					out.add(body(row, path, spec, name, value, "long string"));
				}
			}
			else if (field.getValue() instanceof Map) {
				for (int i = 0; i < 4; i++) {
					out.add(body(row, path, spec, name,
							Map.of("k", HOSTILE.get(random.nextInt(HOSTILE.size())), "\u0000", "x"), "hostile object"));
				}
				out.add(body(row, path, spec, name, Map.of("k", "z".repeat(100_000)), "oversized object"));
				String nested = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
				Map<String, Object> rest = new LinkedHashMap<>(spec.fields());
				rest.remove(name);
				String json = toJson(rest);
				json = "{\"" + name + "\": " + nested + ((json.length() > 2) ? ", " + json.substring(1) : "}");
				out.add(new Probe("ADMIN", row.method(), path, json, "application/json", null, true,
						"deeply nested field"));
			}
			else if (field.getValue() instanceof List) {
				for (int i = 0; i < 4; i++) {
					out.add(body(row, path, spec, name, List.of(HOSTILE.get(random.nextInt(HOSTILE.size()))),
							"hostile array"));
				}
				out.add(body(row, path, spec, name, Collections.nCopies(10_000, "x"), "huge array"));
			}
		}
		for (Map.Entry<String, Object> extra : Map
			.<String, Object>of("zz_unknown", 1, "__proto__", Map.of("admin", true), "constructor",
					Map.of("prototype", Map.of()), "@class", "java.lang.ProcessBuilder", "class", "java.lang.Runtime",
					"id", 1, "created_at", "2020-01-01T00:00:00Z", "roles", List.of("ADMIN"))
			.entrySet()) {
			if (spec.fields().containsKey(extra.getKey())) {
				continue;
			}
			Map<String, Object> more = new LinkedHashMap<>(spec.fields());
			more.put(extra.getKey(), extra.getValue());
			out.add(new Probe("ADMIN", row.method(), path, toJson(more), "application/json", null, true,
					"unknown field"));
		}
		// a key given twice is malformed JSON
		for (String name : spec.fields().keySet()) {
			if (!name.equals(spec.spoiler())) {
				String duplicated = valid.substring(0, valid.length() - 1) + ", \"" + name + "\": \"<script>\"}";
				out.add(new Probe("ADMIN", row.method(), path, duplicated, "application/json", null, true,
						"duplicated key"));
			}
		}
	}

	private static boolean sameKind(Object a, Object b) {
		if (a == null || b == null) {
			return a == b;
		}
		if (a instanceof Number && b instanceof Number) {
			return (a instanceof Integer || a instanceof Long) == (b instanceof Integer || b instanceof Long);
		}
		if (a instanceof Map && b instanceof Map || a instanceof List && b instanceof List) {
			return true;
		}
		return a.getClass() == b.getClass();
	}

	private static Probe body(Row row, String path, BodySpec spec, String name, Object value, String kind) {
		Map<String, Object> changed = new LinkedHashMap<>(spec.fields());
		changed.put(name, value);
		return new Probe("ADMIN", row.method(), path, toJson(changed), "application/json", null, true, kind);
	}

	private static void uploadVariants(Row row, Random random, List<Probe> out) {
		String bomb = """
				a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
				b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
				c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
				d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
				e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
				f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
				g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
				h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
				i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
				phases: *i
				""";
		String script = H2ScriptTaskRefusedTest.WITH_SCRIPT;
		String xxe = """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE definitions [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="https://phaseflow.io/test">
				  <process id="xxe" name="&xxe;" isExecutable="true"><startEvent id="start"/></process>
				</definitions>
				""";
		String xxeDoctype = """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE definitions SYSTEM "file:///etc/passwd">
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="https://phaseflow.io/test"/>
				""";
		String laughs = """
				<?xml version="1.0"?>
				<!DOCTYPE lolz [
				 <!ENTITY lol "lol">
				 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
				 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
				 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
				 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
				 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
				]>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p" name="&lol6;"/></definitions>
				""";
		List<String> badXml = List.of(script, xxe, xxeDoctype, laughs, "<definitions>", "<<<>>>", "", "not xml at all",
				"<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>");
		List<String> badYaml = List.of(bomb, "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]",
				"phases: [", "phases: ${7*7}", "\t- not: yaml: at: all", "", "- - - -", "phases: *undefined",
				"? [a, b]\n: c");
		List<String> names = List.of("agent-task-session.bpmn20.xml", "../../etc/passwd.bpmn20.xml",
				"..%2F..%2Fx.bpmn20.xml", "a\u0000b.bpmn20.xml", "<script>.bpmn20.xml", "${7*7}.bpmn20.xml",
				"x".repeat(300) + ".bpmn20.xml", "workflow.yaml", "C:\\Windows\\x.bpmn20.xml");
		String path = row.path();
		for (String xml : badXml) {
			for (String name : List.of(names.get(0), names.get(1 + random.nextInt(names.size() - 1)),
					names.get(1 + random.nextInt(names.size() - 1)))) {
				out.add(new Probe("ADMIN", "POST", path, null, null, List.of(new ApiClient.FilePart("bpmn", name, xml)),
						true, "upload, bad BPMN"));
			}
			out.add(new Probe("ADMIN", "POST", path, null, null, List
				.of(new ApiClient.FilePart("bpmn", "p.bpmn20.xml", xml), WorkflowDeploymentTests.SHIPPED_WORKFLOW),
					true, "upload, bad BPMN"));
		}
		for (String yaml : badYaml) {
			out.add(new Probe("ADMIN", "POST", path, null, null,
					List.of(new ApiClient.FilePart("workflow", "workflow.yaml", yaml)), true, "upload, bad workflow"));
			out.add(new Probe("ADMIN", "POST", path, null, null,
					List.of(WorkflowDeploymentTests.SHIPPED_PROCESS,
							new ApiClient.FilePart("workflow", names.get(random.nextInt(names.size())), yaml)),
					true, "upload, bad workflow"));
		}
		out.add(new Probe("ADMIN", "POST", path, null, null, List.of(new ApiClient.FilePart("other", "x.txt", "x")),
				true, "upload, no files"));
	}

}
