package io.phaseflow.cli.context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.cli.CommandFailed;
import io.phaseflow.client.Json;

/**
 * The active context on disk, one file per agent: {@code PHASEFLOW_SESSION}, else
 * {@code $XDG_STATE_HOME/phaseflow/<agent>/session}, else
 * {@code $HOME/.local/state/phaseflow/<agent>/session}, where the agent is
 * {@code PHASEFLOW_AGENT} or {@code default}. A small JSON object (sprint_code,
 * task_code, session_key, agent_id, phase), written atomically.
 * <p>
 * Earlier versions kept one file for all agents of a user,
 * {@code $HOME/.phaseflow/session}. When an agent's own file is missing, that file is
 * copied to it once, with a notice, so that an upgrade does not lose the session in hand;
 * the old file stays for the other agents.
 */
public final class ContextFile {

	/** The shape of an agent handle or id, so it can only ever name one folder. */
	private static final Pattern AGENT = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,99}");

	private final Path path;

	private final Path legacy;

	private final Consumer<String> notices;

	ContextFile(Path path, Path legacy, Consumer<String> notices) {
		this.path = path;
		this.legacy = legacy;
		this.notices = notices;
	}

	/**
	 * The context file the environment names; {@code notices} hears when the old shared
	 * file was taken over.
	 * @throws CommandFailed (exit code 2) when {@code PHASEFLOW_AGENT} is not a handle or
	 * an id, or no folder for the file is known
	 */
	public static ContextFile of(Map<String, String> env, Consumer<String> notices) {
		String configured = env.get("PHASEFLOW_SESSION");
		if (configured != null && !configured.isBlank()) {
			return new ContextFile(Path.of(configured), null, notices);
		}
		String home = absolute(env.get("HOME"));
		String state = absolute(env.get("XDG_STATE_HOME"));
		if (state == null && home == null) {
			throw new CommandFailed(2,
					"Cannot tell where to keep the active context: neither HOME nor "
							+ "XDG_STATE_HOME is set to an absolute path",
					"set PHASEFLOW_SESSION to the file to keep it in");
		}
		Path base = (state != null) ? Path.of(state) : Path.of(home, ".local", "state");
		Path legacy = (home != null) ? Path.of(home, ".phaseflow", "session") : null;
		return new ContextFile(base.resolve("phaseflow").resolve(agent(env.get("PHASEFLOW_AGENT"))).resolve("session"),
				legacy, notices);
	}

	/**
	 * The folder of the agent's file. Handles are case-insensitive, so the folder is in
	 * lower case.
	 */
	private static String agent(String given) {
		if (given == null || given.isBlank()) {
			return "default";
		}
		String agent = given.strip();
		if (!AGENT.matcher(agent).matches()) {
			throw new CommandFailed(2,
					"PHASEFLOW_AGENT is not an agent handle or id: "
							+ "1-100 letters, digits, '.', '_' or '-', starting with a letter or digit",
					"set PHASEFLOW_AGENT to the agent's handle, e.g. PHASEFLOW_AGENT=claude-1",
					"or set PHASEFLOW_SESSION to the file to keep the active context in");
		}
		return agent.toLowerCase(Locale.ROOT);
	}

	/** The XDG rule: a relative path in such a variable is ignored. */
	private static String absolute(String value) {
		return (value != null && !value.isBlank() && Path.of(value).isAbsolute()) ? value : null;
	}

	public Path path() {
		return this.path;
	}

	public ActiveContext read() {
		if (!Files.isRegularFile(this.path)) {
			return (this.legacy != null && Files.isRegularFile(this.legacy)) ? adopt() : ActiveContext.NONE;
		}
		return read(this.path);
	}

	/** Copies the shared file of earlier versions to this agent's file and reads it. */
	private ActiveContext adopt() {
		ActiveContext context = read(this.legacy);
		write(context);
		this.notices.accept("phaseflow: took the active context from " + this.legacy
				+ ", which all agents of this user shared; it is kept in " + this.path
				+ " from now on (delete the old file once every agent has moved on)");
		return context;
	}

	private static ActiveContext read(Path file) {
		try {
			JsonNode saved = Json.parse(Files.readString(file));
			if (saved == null) {
				return ActiveContext.NONE;
			}
			return new ActiveContext(text(saved, "sprint_code"), text(saved, "task_code"), text(saved, "session_key"),
					saved.hasNonNull("agent_id") ? saved.get("agent_id").asLong() : null, text(saved, "phase"));
		}
		catch (IOException ex) {
			throw new CommandFailed(1, "Cannot read the context file " + file + ": " + ex.getMessage()
					+ " (delete it and run phaseflow init again)");
		}
	}

	public void write(ActiveContext context) {
		ObjectNode saved = Json.object()
			.put("sprint_code", context.sprintCode())
			.put("task_code", context.taskCode())
			.put("session_key", context.sessionKey())
			.put("phase", context.phase());
		saved.put("agent_id", context.agentId());
		try {
			Path parent = this.path.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			Path temp = Files.createTempFile(parent, ".session", ".tmp");
			Files.writeString(temp, Json.pretty(saved) + "\n");
			Files.move(temp, this.path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(JsonNode saved, String field) {
		return saved.hasNonNull(field) ? saved.get(field).asText() : null;
	}

}
