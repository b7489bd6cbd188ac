package io.phaseflow.cli.context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.cli.CommandFailed;
import io.phaseflow.client.Json;

/**
 * The active context on disk: {@code ~/.phaseflow/session}, or {@code PHASEFLOW_SESSION}.
 * A small JSON object (sprint_code, task_code, session_key, agent_id, phase), written
 * atomically.
 */
public final class ContextFile {

	private final Path path;

	ContextFile(Path path) {
		this.path = path;
	}

	public static ContextFile of(Map<String, String> env) {
		String configured = env.get("PHASEFLOW_SESSION");
		return new ContextFile((configured != null && !configured.isBlank()) ? Path.of(configured)
				: Path.of(System.getProperty("user.home"), ".phaseflow", "session"));
	}

	public Path path() {
		return this.path;
	}

	public ActiveContext read() {
		if (!Files.isRegularFile(this.path)) {
			return ActiveContext.NONE;
		}
		try {
			JsonNode saved = Json.parse(Files.readString(this.path));
			if (saved == null) {
				return ActiveContext.NONE;
			}
			return new ActiveContext(text(saved, "sprint_code"), text(saved, "task_code"), text(saved, "session_key"),
					saved.hasNonNull("agent_id") ? saved.get("agent_id").asLong() : null, text(saved, "phase"));
		}
		catch (IOException ex) {
			throw new CommandFailed(1, "Cannot read the context file " + this.path + ": " + ex.getMessage()
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
