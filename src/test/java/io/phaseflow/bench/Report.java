package io.phaseflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/** The results as Markdown tables, for {@code docs/BENCHMARKS.md}. */
final class Report {

	private static final Map<String, String> TITLES = Map.of("h2", "H2 (file)", "postgres", "PostgreSQL");

	private Report() {
	}

	static String markdown(Map<String, Object> results, List<Map<String, Object>> targets) {
		JsonNode run = Api.JSON.valueToTree(results);
		JsonNode databases = run.path("databases");
		List<String> names = new ArrayList<>();
		databases.fieldNames().forEachRemaining(names::add);
		StringBuilder md = new StringBuilder();
		md.append("Run: ")
			.append(run.path("mode").asText())
			.append(", ")
			.append(run.path("started_at").asText())
			.append(", ")
			.append(run.path("machine").path("cores").asInt())
			.append(" cores, Java ")
			.append(run.path("machine").path("java").asText());
		if (run.path("mode").asText().equals("agent")) {
			md.append("\n\n");
			table(md, names, databases, agentRows());
			return md.toString();
		}
		md.append(", ")
			.append(run.path("clients").asInt())
			.append(" clients, server -Xmx")
			.append(run.path("server_heap").asText())
			.append("; first start of this build (the launcher trains its class-data archive): ")
			.append(text(run.path("first_start_of_a_build_seconds")))
			.append(" s\n\n");
		Map<String, Function<JsonNode, String>> rows = new LinkedHashMap<>();
		rows.put("Cold start, empty database (s)", (db) -> text(db.at("/cold_start_seconds/empty_database")));
		rows.put("Restart, median (s)", (db) -> text(db.at("/cold_start_seconds/restart_median")));
		rows.put("Restart with `java -jar` (packed jar, no class-data archive) (s)",
				(db) -> text(db.at("/cold_start_seconds/restart_java_jar")));
		rows.put("Bare Flowable start, empty database (new JVM, engine up, processes deployed) (s)",
				(db) -> text(db.at("/cold_start_seconds/bare_flowable_empty_database")));
		rows.put("Ratio: cold start / bare Flowable start",
				(db) -> text(db.at("/cold_start_seconds/ratio_to_bare_flowable")));
		rows.put(
				"The server's frameworks without Phaseflow, started as the server: empty database / restart median (s)",
				(db) -> text(db.at("/cold_start_seconds/framework_stack_empty_database")) + " / "
						+ text(db.at("/cold_start_seconds/framework_stack_restart_median")));
		rows.put("**Ratio: cold start / the frameworks' start**, empty database / restarts",
				(db) -> bold(db.at("/cold_start_seconds/ratio_to_framework_stack")) + " / "
						+ text(db.at("/cold_start_seconds/restart_ratio_to_framework_stack")));
		rows.put("Session lifecycles/s over HTTP, agent init to session end (artifacts sent with completions: 7 calls)",
				(db) -> text(db.at("/lifecycle/lifecycles_per_second")));
		rows.put("Phase transitions/s over HTTP", (db) -> text(db.at("/lifecycle/transitions_per_second")));
		rows.put("Bare Flowable lifecycles/s (same BPMN, in-process)",
				(db) -> text(db.at("/bare_flowable/lifecycles_per_second")));
		rows.put("**Ratio: HTTP lifecycles / bare Flowable**",
				(db) -> bold(db.at("/lifecycle_ratio_to_bare_flowable")));
		rows.put("The same ratio in each round, lowest / highest",
				(db) -> range(db.at("/lifecycle_ratio_to_bare_flowable_by_round")));
		rows.put("Server CPU per lifecycle over HTTP (ms)",
				(db) -> text(db.at("/lifecycle/server_cpu_ms_per_lifecycle")));
		rows.put("Session lifecycles/s over HTTP, artifacts put separately (13 calls)",
				(db) -> text(db.at("/" + Bench.SEPARATE_PUTS + "/lifecycles_per_second")));
		rows.put("Ratio: the same / bare Flowable",
				(db) -> text(db.at("/" + Bench.SEPARATE_PUTS + "_ratio_to_bare_flowable")));
		rows.put("Server CPU per lifecycle, artifacts put separately (ms)",
				(db) -> text(db.at("/" + Bench.SEPARATE_PUTS + "/server_cpu_ms_per_lifecycle")));
		rows.put("Bare Flowable CPU per lifecycle (ms)", (db) -> text(db.at("/bare_flowable/cpu_ms_per_lifecycle")));
		rows.put("The frameworks alone over HTTP (same BPMN, 7 calls, none of Phaseflow's code): lifecycles/s",
				(db) -> text(db.at("/framework_stack_lifecycle/lifecycles_per_second")));
		rows.put("Ratio: the frameworks alone over HTTP / bare Flowable",
				(db) -> text(db.at("/framework_stack_lifecycle/ratio_to_bare_flowable")));
		rows.put("**Ratio: HTTP lifecycles / the frameworks alone over HTTP**",
				(db) -> bold(db.at("/lifecycle_ratio_to_framework_stack")));
		rows.put("The frameworks alone: CPU per lifecycle (ms)",
				(db) -> text(db.at("/framework_stack_lifecycle/cpu_ms_per_lifecycle")));
		rows.put(
				"Server CPU per task created for the sessions, before each round (ms; artifacts sent with completions)",
				(db) -> text(db.at("/lifecycle/server_cpu_ms_per_task_create")));
		rows.put("Tasks created within the rounds because none was left (both scenarios)",
				(db) -> sum(db.at("/lifecycle/tasks_created_during_rounds"),
						db.at("/" + Bench.SEPARATE_PUTS + "/tasks_created_during_rounds")));
		rows.put("Load generator (the simulated agents) CPU per lifecycle over HTTP (ms)",
				(db) -> text(db.at("/lifecycle/load_generator_cpu_ms_per_lifecycle")));
		rows.put("Warm-up until the JIT compiler is done, server / bare Flowable / the frameworks alone (s)",
				(db) -> text(db.at("/server_warm_up/seconds")) + " / " + text(db.at("/bare_flowable/warm_up/seconds"))
						+ " / " + text(db.at("/framework_stack_lifecycle/warm_up/seconds")));
		rows.put("JIT compiler's share of the CPU while measured, server / bare Flowable",
				(db) -> text(db.at("/lifecycle/server_jit_cpu_share")) + " / "
						+ text(db.at("/bare_flowable/jit_cpu_share")));
		rows.put("Rows written per lifecycle, over HTTP (PostgreSQL statistics)",
				(db) -> text(db.at("/lifecycle/rows_written_per_lifecycle")));
		rows.put("Rows written per lifecycle, bare Flowable",
				(db) -> text(db.at("/bare_flowable/rows_written_per_lifecycle")));
		rows.put("H2 file writes (one per commit) per lifecycle, over HTTP / bare Flowable",
				(db) -> text(db.at("/lifecycle/file_writes_per_lifecycle/writes")) + " / "
						+ text(db.at("/bare_flowable/file_writes_per_lifecycle/writes")));
		rows.put("KiB written to the H2 file per lifecycle, over HTTP / bare Flowable",
				(db) -> text(db.at("/lifecycle/file_writes_per_lifecycle/kib")) + " / "
						+ text(db.at("/bare_flowable/file_writes_per_lifecycle/kib")));
		rows.put("pgbench TPC-B tps (same clients; 4 rows written per transaction)",
				(db) -> text(db.at("/pgbench/tps")));
		rows.put("**Ratio: transitions/s / pgbench tps**", (db) -> bold(db.at("/transitions_ratio_to_pgbench")));
		for (String section : List.of("lifecycle", Bench.SEPARATE_PUTS)) {
			Set<String> calls = new LinkedHashSet<>();
			names.forEach((name) -> databases.path(name)
				.path(section)
				.path("calls")
				.fieldNames()
				.forEachRemaining(calls::add));
			String scenario = section.equals("lifecycle") ? "Lifecycle" : "Lifecycle with separate puts";
			for (String call : calls) {
				rows.put(scenario + ", call `" + call + "` p50 / p99 (ms)",
						(db) -> latency(db.path(section).path("calls").path(call)));
			}
		}
		rows.put("Lifecycle errors (artifacts with completions / put separately)",
				(db) -> text(db.at("/lifecycle/errors")) + " / " + text(db.at("/" + Bench.SEPARATE_PUTS + "/errors")));
		rows.put("Heap used, max under lifecycle load (MiB)", (db) -> text(db.at("/lifecycle/heap_used_mib_max")));
		rows.put("Resident memory, max (MiB)", (db) -> text(db.at("/lifecycle/resident_mib_max")));
		rows.put("Activity reports/s", (db) -> text(db.at("/activity_ingest/reports_per_second")));
		rows.put("Activity report p50 / p99 (ms)", (db) -> latency(db.at("/activity_ingest/calls/activity")));
		int eventSteps = 0;
		Set<String> taskSteps = new LinkedHashSet<>();
		for (String name : names) {
			eventSteps = Math.max(eventSteps, databases.path(name).path("agent_init_by_events").size());
			databases.path(name).path("status_report").forEach((s) -> taskSteps.add(s.path("tasks").asText()));
		}
		rows.put("Events archived before agent init (the other scenarios'), of the log / seconds",
				(db) -> text(db.at("/events_archived_before_agent_init/archived")) + " of "
						+ text(db.at("/events_archived_before_agent_init/before")) + " / "
						+ text(db.at("/events_archived_before_agent_init/seconds")));
		for (int index = 0; index < eventSteps; index++) {
			int at = index;
			rows.put("Agent init p50 / p99 (ms), step " + (at + 1) + " (events)", (db) -> {
				JsonNode step = db.path("agent_init_by_events").path(at);
				if (step.isMissingNode()) {
					return "—";
				}
				JsonNode kib = step.at("/file_writes_per_call/kib");
				return latency(step.path("agent_init_ms")) + " at " + step.path("events").asText()
						+ (kib.isMissingNode() ? "" : "; " + kib.asText() + " KiB written per call");
			});
		}
		for (String tasks : taskSteps) {
			rows.put("Status report p50 / p99 (ms), " + tasks + " tasks", (db) -> {
				for (JsonNode step : db.path("status_report")) {
					if (step.path("tasks").asText().equals(tasks)) {
						return latency(step.path("status_report_ms"));
					}
				}
				return "—";
			});
		}
		rows.put("CLI client command, median (s)", (db) -> text(db.at("/cli_seconds/median")));
		rows.put(
				"CLI launcher without a request (`bin/phaseflow --version`) / the JVM alone (`java -version`),"
						+ " median (s)",
				(db) -> text(db.at("/cli_seconds/launcher_without_request_median")) + " / "
						+ text(db.at("/cli_seconds/jvm_alone_median")));
		table(md, names, databases, rows);
		if (!databases.findValues("agent_session").isEmpty()) {
			md.append('\n');
			table(md, names, databases, agentRows());
		}
		md.append("\n| Target | Database | Measured | Wanted | Met |\n|---|---|---:|---|---|\n");
		for (Map<String, Object> target : targets) {
			md.append("| ")
				.append(target.get("target"))
				.append(" | ")
				.append(TITLES.getOrDefault((String) target.get("database"), (String) target.get("database")))
				.append(" | ")
				.append(target.get("value"))
				.append(' ')
				.append(target.get("unit"))
				.append(" | ")
				.append(target.get("wanted"))
				.append(' ')
				.append(target.get("unit"))
				.append(" | ")
				.append(Boolean.TRUE.equals(target.get("met")) ? "yes" : "**no**")
				.append(" |\n");
		}
		return md.toString();
	}

	/** A table of {@code rows}, a column for each database. */
	private static void table(StringBuilder md, List<String> names, JsonNode databases,
			Map<String, Function<JsonNode, String>> rows) {
		md.append("| Scenario |");
		names.forEach((name) -> md.append(' ').append(TITLES.getOrDefault(name, name)).append(" |"));
		md.append("\n|---|");
		names.forEach((name) -> md.append("---:|"));
		md.append('\n');
		rows.forEach((title, value) -> {
			md.append("| ").append(title).append(" |");
			names.forEach((name) -> md.append(' ').append(value.apply(databases.path(name))).append(" |"));
			md.append('\n');
		});
	}

	/**
	 * The agent scenario ({@link AgentSession}): a session's cost over MCP and the CLI.
	 */
	private static Map<String, Function<JsonNode, String>> agentRows() {
		Map<String, Function<JsonNode, String>> rows = new LinkedHashMap<>();
		rows.put("MCP: tool calls per session / bytes of result text (of JSON-RPC responses)",
				(db) -> text(db.at("/agent_session/mcp/tool_calls_per_session")) + " / "
						+ text(db.at("/agent_session/mcp/result_text_bytes_per_session")) + " ("
						+ text(db.at("/agent_session/mcp/response_bytes_per_session")) + ")");
		rows.put("MCP: `tools/list` response bytes (tools); `initialize` response bytes",
				(db) -> text(db.at("/agent_session/mcp/tools_list_response_bytes")) + " ("
						+ text(db.at("/agent_session/mcp/tools")) + "); "
						+ text(db.at("/agent_session/mcp/initialize_response_bytes")));
		rows.put("CLI: commands per session / bytes of stdout (of stderr)",
				(db) -> text(db.at("/agent_session/cli/commands_per_session")) + " / "
						+ text(db.at("/agent_session/cli/stdout_bytes_per_session")) + " ("
						+ text(db.at("/agent_session/cli/stderr_bytes_per_session")) + ")");
		rows.put("Bytes of artifacts sent per session (both)",
				(db) -> text(db.at("/agent_session/cli/artifact_bytes_sent")));
		rows.put(
				"CLI: first command of a new build (empty launcher cache: unpacks the jar, no class-data"
						+ " archive) (s); **ratio to the JVM alone**",
				(db) -> text(db.at("/agent_session/cli/first_command_seconds")) + "; "
						+ bold(db.at("/agent_session/cli/first_ratio_to_jvm_alone")));
		rows.put("CLI: later commands, median / p90 (s); **ratios to the JVM alone**",
				(db) -> text(db.at("/agent_session/cli/later_median_seconds")) + " / "
						+ text(db.at("/agent_session/cli/later_p90_seconds")) + "; "
						+ bold(db.at("/agent_session/cli/later_median_ratio_to_jvm_alone")) + " / "
						+ bold(db.at("/agent_session/cli/later_p90_ratio_to_jvm_alone")));
		rows.put("CLI: `phase complete` / `status`, median (s)",
				(db) -> text(db.at("/agent_session/cli/phase_complete_median_seconds")) + " / "
						+ text(db.at("/agent_session/cli/status_median_seconds")));
		rows.put("The JVM alone (`java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version`), median (s)",
				(db) -> text(db.at("/agent_session/cli/jvm_alone_median_seconds")));
		rows.put("CLI: commands' class-data archive written, after the first command's start (s)",
				(db) -> text(db.at("/agent_session/cli/commands_archive_trained_seconds")));
		rows.put("Session wall time, MCP (from `phaseflow mcp`'s start) / CLI (sum of its commands) (s)",
				(db) -> text(db.at("/agent_session/mcp/session_seconds")) + " / "
						+ text(db.at("/agent_session/cli/session_seconds")));
		rows.put("MCP: start to `initialize` answered (s); tool call median (ms)",
				(db) -> text(db.at("/agent_session/mcp/start_to_initialized_seconds")) + "; "
						+ text(db.at("/agent_session/mcp/call_median_ms")));
		rows.put("The machine's load averages (1, 5, 15 min), before / after",
				(db) -> text(db.at("/agent_session/load_average_before")) + " / "
						+ text(db.at("/agent_session/load_average_after")));
		return rows;
	}

	private static String text(JsonNode value) {
		return (value.isMissingNode() || value.isNull()) ? "—" : value.asText();
	}

	private static String range(JsonNode values) {
		if (!values.isArray() || values.isEmpty()) {
			return "—";
		}
		double lowest = Double.MAX_VALUE;
		double highest = -Double.MAX_VALUE;
		for (JsonNode value : values) {
			lowest = Math.min(lowest, value.asDouble());
			highest = Math.max(highest, value.asDouble());
		}
		return lowest + " / " + highest;
	}

	private static String sum(JsonNode one, JsonNode other) {
		return (one.isMissingNode() || other.isMissingNode()) ? "—" : String.valueOf(one.asLong() + other.asLong());
	}

	private static String bold(JsonNode value) {
		return (value.isMissingNode() || value.isNull()) ? "—" : "**" + value.asText() + "**";
	}

	private static String latency(JsonNode summary) {
		if (summary.isMissingNode() || summary.isNull()) {
			return "—";
		}
		return summary.path("p50Ms").asText() + " / " + summary.path("p99Ms").asText();
	}

}
