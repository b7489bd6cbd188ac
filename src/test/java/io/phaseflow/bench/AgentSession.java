package io.phaseflow.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The agent scenario: one session of a task as a coding agent works it, six phases with
 * one failed review (intake, research, plan, execute, review failed, execute, review
 * passed, close, which completes the task too), each artifact sent with its phase's
 * completion, the shortest path the instructions lead to. Once over MCP
 * ({@code phaseflow mcp} on stdio, raw JSON-RPC lines, so that the bytes counted are the
 * bytes the agent's client receives) and once through the CLI ({@code bin/phaseflow}
 * commands, their stdout counted): what each surface costs an agent in calls and in bytes
 * of answers. The CLI's first command runs on an empty launcher cache, the later ones
 * with the class-data archive that first command trained; each later command is followed
 * by the JVM alone ({@code java -version} with the commands' options), so that the
 * machine's drift falls on both. Nothing here depends on the answers' shapes but the
 * session key init answers ({@code session_key} over MCP).
 */
final class AgentSession {

	/**
	 * The session's steps: the phase completed, the artifact sent with it, the review's
	 * outcome.
	 */
	record Step(String phase, String artifact, String qa) {
	}

	static final List<Step> STEPS = List.of(new Step("intake", "TASK.md", null),
			new Step("research", "CONTEXT.md", null), new Step("plan", "PLAN.md", null),
			new Step("execute", "CHANGES.md", null), new Step("review", "REVIEW.md", "qa_failed"),
			new Step("execute", "CHANGES.md", null), new Step("review", "REVIEW.md", "qa_passed"),
			new Step("close", "SUMMARY.md", null));

	/** The commands' JVM options, as the launcher gives them. */
	static final List<String> COMMAND_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

	private final Path launcher;

	private final Path jar;

	private final Path work;

	private final String url;

	private final Api pm;

	private final String agentToken;

	/** How many {@code phaseflow status} runs follow the CLI session. */
	private final int statusRuns;

	private final String run = Long.toString(System.currentTimeMillis(), 36);

	AgentSession(Path launcher, Path jar, Path work, String url, Api pm, String agentToken, int statusRuns) {
		this.launcher = launcher;
		this.jar = jar;
		this.work = work;
		this.url = url;
		this.pm = pm;
		this.agentToken = agentToken;
		this.statusRuns = statusRuns;
	}

	/** Runs both sessions; the figures, for {@code results.json}. */
	Map<String, Object> run() throws Exception {
		Bench.deleteRecursively(this.work);
		Files.createDirectories(this.work);
		String sprint = "agent-" + this.run;
		this.pm.post("sprint create", Api.API + "/sprints",
				"{\"sprint_code\": \"" + sprint + "\", \"title\": \"Agent scenario " + this.run + "\"}");
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("session", STEPS.stream()
			.map((step) -> step.phase() + ((step.qa() != null) ? " " + step.qa() : "") + " with " + step.artifact())
			.toList());
		// the CLI first, so that its first command finds the launcher's cache empty; the
		// MCP server then starts with the archive that command trained, as it would
		// after any earlier command
		section.put("load_average_before", loadAverage());
		section.put("cli", cli(readyTask(sprint, "cli")));
		section.put("mcp", mcp(readyTask(sprint, "mcp")));
		section.put("load_average_after", loadAverage());
		return section;
	}

	/**
	 * The machine's load averages (Linux), which tell how much of the commands' time
	 * other processes took; null where unknown.
	 */
	private static String loadAverage() {
		try {
			return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** A task ready for its session: every field the phases ask for is filled. */
	private String readyTask(String sprint, String surface) {
		String code = "agent-" + surface + "-" + this.run;
		this.pm.post("task create", Api.API + "/tasks",
				"{\"task_code\": \"" + code + "\", \"title\": \"Search tasks (" + surface
						+ ")\", \"description\": \"Add a search box that finds tasks by title.\", \"priority\": "
						+ "\"P2\", \"estimate_minutes\": 90, \"sprint_code\": \"" + sprint + "\", \"metadata\": {"
						+ "\"acceptance_criteria\": [\"typing part of a title lists the matching tasks\"], "
						+ "\"tags\": [\"search\"], \"objectives\": [\"find a task without scrolling\"], "
						+ "\"deliverables\": [\"search box\", \"tests\"]}}");
		return code;
	}

	/**
	 * The artifact of step {@code index}: a page of Markdown, the same for both surfaces.
	 */
	static String content(int index) {
		Step step = STEPS.get(index);
		String verdict = (step.qa() == null) ? ""
				: step.qa().equals("qa_failed") ? "\n## Verdict\n\nFailed: an empty query lists every task.\n"
						: "\n## Verdict\n\nPassed: every criterion checked.\n";
		return "# " + step.artifact().replace(".md", "") + "\n\nStep " + (index + 1) + " of the session, phase "
				+ step.phase() + ".\n\n## Notes\n\n- The search box filters tasks by title as one types.\n"
				+ "- Matching ignores case; an empty query shows nothing.\n"
				+ "- Tests: SearchBoxTest covers matching, case and the empty query.\n" + verdict;
	}

	/** The session through the CLI, each command timed beside the JVM alone. */
	private Map<String, Object> cli(String task) throws Exception {
		Path cache = this.work.resolve("launcher-cache");
		Path files = this.work.resolve("cli");
		Files.createDirectories(files);
		Bench.progress("agent: CLI session on %s, on an empty launcher cache", task);
		List<Command> commands = new ArrayList<>();
		commands.add(command(cache, files, "init", "T:" + task));
		Command first = commands.get(0);
		double training = awaitCommandsArchive(cache, first.startedNanos());
		List<Double> jvmAlone = new ArrayList<>();
		jvmAlone.add(jvmAlone());
		for (int i = 0; i < STEPS.size(); i++) {
			Step step = STEPS.get(i);
			Files.writeString(files.resolve(step.artifact()), content(i));
			List<String> args = new ArrayList<>(List.of("phase", "complete"));
			if (step.qa() != null) {
				args.addAll(List.of("--qa", step.qa()));
			}
			args.addAll(List.of("--artifact", step.artifact()));
			commands.add(command(cache, files, args.toArray(String[]::new)));
			jvmAlone.add(jvmAlone());
		}
		String key = Api.JSON.readTree(files.resolve("session.json").toFile()).path("session_key").asText();
		verify(task, key);
		List<Command> statuses = new ArrayList<>();
		for (int i = 0; i < this.statusRuns; i++) {
			statuses.add(command(cache, files, "status"));
			jvmAlone.add(jvmAlone());
		}

		Map<String, Object> section = new LinkedHashMap<>();
		section.put("task", task);
		section.put("commands_per_session", commands.size());
		section.put("stdout_bytes_per_session", commands.stream().mapToLong(Command::stdoutBytes).sum());
		section.put("stderr_bytes_per_session", commands.stream().mapToLong(Command::stderrBytes).sum());
		section.put("artifact_bytes_sent", artifactBytes());
		section.put("session_seconds", Bench.round(commands.stream().mapToDouble(Command::seconds).sum()));
		section.put("commands", commands.stream().map(Command::figures).toList());
		List<Double> later = new ArrayList<>();
		commands.subList(1, commands.size()).forEach((command) -> later.add(command.seconds()));
		statuses.forEach((command) -> later.add(command.seconds()));
		double jvm = percentile(jvmAlone, 50);
		section.put("first_command", "bin/phaseflow " + String.join(" ", first.args()));
		section.put("first_command_state", "a new build: the launcher cache empty, so the command unpacks the jar"
				+ " and runs without a class-data archive while one is trained in the background");
		section.put("first_command_seconds", first.seconds());
		section.put("commands_archive_trained_seconds", Bench.round(training));
		section.put("later_commands",
				"the session's other commands and " + this.statusRuns + " x bin/phaseflow status, with the archive");
		section.put("later_runs", later);
		section.put("later_median_seconds", percentile(later, 50));
		section.put("later_p90_seconds", percentile(later, 90));
		section.put("phase_complete_median_seconds",
				percentile(commands.stream()
					.filter((command) -> command.args().get(0).equals("phase"))
					.map(Command::seconds)
					.toList(), 50));
		section.put("status_median_seconds", percentile(statuses.stream().map(Command::seconds).toList(), 50));
		section.put("jvm_alone_command", "java " + String.join(" ", COMMAND_JVM_OPTIONS) + " -version");
		section.put("jvm_alone_runs", jvmAlone);
		section.put("jvm_alone_median_seconds", jvm);
		section.put("first_ratio_to_jvm_alone", Bench.round(first.seconds() / jvm));
		section.put("later_median_ratio_to_jvm_alone", Bench.round(percentile(later, 50) / jvm));
		section.put("later_p90_ratio_to_jvm_alone", Bench.round(percentile(later, 90) / jvm));
		Bench.progress(
				"agent: CLI: %d commands, %d bytes of stdout; first command %.3f s, later median %.3f s,"
						+ " p90 %.3f s; the JVM alone %.3f s",
				commands.size(), section.get("stdout_bytes_per_session"), first.seconds(), percentile(later, 50),
				percentile(later, 90), jvm);
		return section;
	}

	private static long artifactBytes() {
		long bytes = 0;
		for (int i = 0; i < STEPS.size(); i++) {
			bytes += content(i).getBytes(StandardCharsets.UTF_8).length;
		}
		return bytes;
	}

	/** One CLI command: what it was given, its wall time and output. */
	record Command(List<String> args, long startedNanos, double seconds, long stdoutBytes, long stderrBytes) {

		Map<String, Object> figures() {
			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("command", "phaseflow " + String.join(" ", this.args));
			figures.put("seconds", this.seconds);
			figures.put("stdout_bytes", this.stdoutBytes);
			figures.put("stderr_bytes", this.stderrBytes);
			return figures;
		}

	}

	/**
	 * Runs {@code bin/phaseflow args} in {@code files} as the agent, with the launcher's
	 * cache {@code cache}; fails unless it exits 0.
	 */
	private Command command(Path cache, Path files, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(this.launcher.toString()));
		command.addAll(List.of(args));
		Path out = this.work.resolve("command.out");
		Path err = this.work.resolve("command.err");
		ProcessBuilder builder = new ProcessBuilder(command).directory(files.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile());
		environment(builder, cache);
		builder.environment().put("PHASEFLOW_SESSION", files.resolve("session.json").toString());
		long started = System.nanoTime();
		Process process = builder.start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("phaseflow " + String.join(" ", args) + " did not end within a minute");
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		if (process.exitValue() != 0) {
			throw new IllegalStateException("phaseflow " + String.join(" ", args) + " exited " + process.exitValue()
					+ ":\n" + Files.readString(out) + Files.readString(err));
		}
		return new Command(List.of(args), started, Bench.round(seconds), Files.size(out), Files.size(err));
	}

	/** The agent's environment for the launcher: its token, this run's jar and cache. */
	private void environment(ProcessBuilder builder, Path cache) {
		builder.environment().keySet().removeIf((name) -> name.startsWith("PHASEFLOW_"));
		builder.environment().put("PHASEFLOW_URL", this.url);
		builder.environment().put("PHASEFLOW_TOKEN", this.agentToken);
		builder.environment().put("PHASEFLOW_JAR", this.jar.toString());
		builder.environment().put("PHASEFLOW_CACHE", cache.toString());
		// the launcher runs the JVM the baseline runs
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
	}

	/**
	 * Waits until the launcher's background training has written the commands' class-data
	 * archive; seconds from the first command's start until then.
	 */
	private static double awaitCommandsArchive(Path cache, long firstStarted) throws IOException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (System.nanoTime() < deadline) {
			try (Stream<Path> files = Files.walk(cache, 2)) {
				List<String> names = files.map((file) -> file.getFileName().toString()).toList();
				if (names.stream().anyMatch((name) -> name.startsWith("commands-") && name.endsWith(".failed"))) {
					throw new IllegalStateException("the launcher failed to train the commands' archive; see " + cache);
				}
				if (names.stream().anyMatch((name) -> name.matches("commands-\\d+\\.jsa"))
						&& names.stream().noneMatch((name) -> name.endsWith(".lock"))) {
					return (System.nanoTime() - firstStarted) / 1e9;
				}
			}
			BenchServer.sleep(100);
		}
		throw new IllegalStateException("the launcher wrote no commands' archive within 3 minutes in " + cache);
	}

	/** Seconds of {@code java -version} with the commands' JVM options. */
	private double jvmAlone() throws Exception {
		List<String> command = new ArrayList<>(List.of(BenchServer.javaBinary()));
		command.addAll(COMMAND_JVM_OPTIONS);
		command.add("-version");
		long started = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException("java -version failed");
		}
		return Bench.round((System.nanoTime() - started) / 1e9);
	}

	/** The same session over MCP: JSON-RPC lines to {@code phaseflow mcp}. */
	private Map<String, Object> mcp(String task) throws Exception {
		Bench.progress("agent: MCP session on %s", task);
		List<String> command = List.of(this.launcher.toString(), "mcp");
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.work.toFile())
			.redirectError(this.work.resolve("mcp.err").toFile());
		environment(builder, this.work.resolve("launcher-cache"));
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("task", task);
		try (JsonRpc mcp = new JsonRpc(builder)) {
			ObjectNode params = Api.JSON.createObjectNode().put("protocolVersion", "2025-06-18");
			params.putObject("capabilities");
			params.putObject("clientInfo").put("name", "phaseflow-bench").put("version", "1");
			Answer initialize = mcp.request("initialize", params);
			double started = (System.nanoTime() - mcp.startedNanos()) / 1e9;
			mcp.notify("notifications/initialized");
			Answer tools = mcp.request("tools/list", null);
			List<Answer> calls = new ArrayList<>();
			calls.add(mcp.tool("init", Api.JSON.createObjectNode().put("task_code", task)));
			String key = Api.JSON.readTree(calls.get(0).text()).path("session_key").asText();
			for (int i = 0; i < STEPS.size(); i++) {
				ObjectNode arguments = Api.JSON.createObjectNode();
				if (STEPS.get(i).qa() != null) {
					arguments.put("qa_status", STEPS.get(i).qa());
				}
				ArrayNode artifacts = arguments.putArray("artifacts");
				artifacts.addObject().put("name", STEPS.get(i).artifact()).put("content", content(i));
				calls.add(mcp.tool("complete_phase", arguments));
			}
			verify(task, key);
			section.put("tool_calls_per_session", calls.size());
			section.put("result_text_bytes_per_session", calls.stream().mapToLong(Answer::textBytes).sum());
			section.put("response_bytes_per_session", calls.stream().mapToLong(Answer::lineBytes).sum());
			section.put("request_bytes_per_session", calls.stream().mapToLong(Answer::requestBytes).sum());
			section.put("artifact_bytes_sent", artifactBytes());
			section.put("calls", calls.stream().map(Answer::figures).toList());
			section.put("initialize_response_bytes", initialize.lineBytes());
			section.put("tools", tools.body().at("/result/tools").size());
			section.put("tools_list_response_bytes", tools.lineBytes());
			section.put("start_to_initialized_seconds", Bench.round(started));
			section.put("session_seconds", Bench.round((System.nanoTime() - mcp.startedNanos()) / 1e9));
			section.put("call_median_ms",
					Bench.round(percentile(calls.stream().map((call) -> call.seconds() * 1000).toList(), 50)));
			Bench.progress(
					"agent: MCP: %d tool calls, %d bytes of result text (%d of JSON-RPC responses);"
							+ " tools/list %d bytes",
					calls.size(), section.get("result_text_bytes_per_session"),
					section.get("response_bytes_per_session"), tools.lineBytes());
		}
		return section;
	}

	/**
	 * Fails unless the session ended completed after two iterations (the failed review's
	 * rework) and the task is completed.
	 */
	private void verify(String task, String key) {
		JsonNode session = this.pm.get("session", Api.API + "/sessions/" + key);
		if (!session.path("status").asText().equals("completed") || session.path("total_iterations").asInt() != 2) {
			throw new IllegalStateException("session " + key + " did not end as the scenario wants: " + session);
		}
		String status = this.pm.get("task", Api.API + "/tasks/" + task).path("status").asText();
		if (!status.equals("completed")) {
			throw new IllegalStateException("task " + task + " is " + status + ", not completed");
		}
	}

	/**
	 * One JSON-RPC answer: the request's and the response line's size, the text of a tool
	 * result's content, its time.
	 */
	record Answer(String method, String tool, JsonNode body, long requestBytes, long lineBytes, long textBytes,
			double seconds) {

		String text() {
			StringBuilder text = new StringBuilder();
			this.body.at("/result/content").forEach((content) -> text.append(content.path("text").asText()));
			return text.toString();
		}

		Map<String, Object> figures() {
			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("tool", this.tool);
			figures.put("request_bytes", this.requestBytes);
			figures.put("response_bytes", this.lineBytes);
			figures.put("result_text_bytes", this.textBytes);
			figures.put("ms", Bench.round(this.seconds * 1000));
			return figures;
		}

	}

	/**
	 * A JSON-RPC peer on a process's stdin and stdout, one message a line (MCP's stdio
	 * transport).
	 */
	private static final class JsonRpc implements AutoCloseable {

		private final Process process;

		private final long startedNanos;

		private final OutputStream in;

		private final BufferedReader out;

		private final ExecutorService reader = Executors.newSingleThreadExecutor();

		private int id;

		JsonRpc(ProcessBuilder builder) throws IOException {
			this.startedNanos = System.nanoTime();
			this.process = builder.start();
			this.in = this.process.getOutputStream();
			this.out = new BufferedReader(new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
		}

		long startedNanos() {
			return this.startedNanos;
		}

		Answer tool(String name, ObjectNode arguments) throws Exception {
			ObjectNode params = Api.JSON.createObjectNode().put("name", name);
			params.set("arguments", arguments);
			Answer answer = request("tools/call", params, name);
			if (answer.body().at("/result/isError").asBoolean()) {
				throw new IllegalStateException(name + " failed: " + answer.text());
			}
			return answer;
		}

		Answer request(String method, ObjectNode params) throws Exception {
			return request(method, params, null);
		}

		private Answer request(String method, ObjectNode params, String tool) throws Exception {
			ObjectNode message = Api.JSON.createObjectNode().put("jsonrpc", "2.0").put("id", ++this.id);
			message.put("method", method);
			if (params != null) {
				message.set("params", params);
			}
			long started = System.nanoTime();
			long sent = send(message);
			while (true) {
				String line = readLine();
				JsonNode body = Api.JSON.readTree(line);
				if (body.path("id").asInt(-1) != this.id) {
					// a notification or log message the server sent meanwhile
					continue;
				}
				double seconds = (System.nanoTime() - started) / 1e9;
				if (body.has("error")) {
					throw new IllegalStateException(method + " answered " + body.get("error"));
				}
				long textBytes = 0;
				for (JsonNode content : body.at("/result/content")) {
					textBytes += content.path("text").asText().getBytes(StandardCharsets.UTF_8).length;
				}
				return new Answer(method, tool, body, sent, line.getBytes(StandardCharsets.UTF_8).length + 1, textBytes,
						seconds);
			}
		}

		void notify(String method) throws IOException {
			send(Api.JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method));
		}

		private long send(ObjectNode message) throws IOException {
			byte[] line = (Api.JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
			this.in.write(line);
			this.in.flush();
			return line.length;
		}

		private String readLine() throws Exception {
			Future<String> line = this.reader.submit(this.out::readLine);
			try {
				String read = line.get(60, TimeUnit.SECONDS);
				if (read == null) {
					throw new IllegalStateException("phaseflow mcp ended its output; exit " + this.process.waitFor());
				}
				return read;
			}
			catch (TimeoutException ex) {
				line.cancel(true);
				throw new IllegalStateException("phaseflow mcp did not answer within a minute", ex);
			}
		}

		@Override
		public void close() throws Exception {
			// stdin's end ends the server
			this.in.close();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
			this.reader.shutdownNow();
		}

	}

	/** Nearest-rank percentile of {@code values}. */
	static double percentile(List<Double> values, int p) {
		List<Double> sorted = values.stream().sorted().toList();
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

}
