package io.phaseflow.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.phaseflow.cli.context.ActiveContext;
import io.phaseflow.client.ApiAnswer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phaseflow artifact put <file>} submits a file as an artifact of the current
 * phase; {@code phaseflow artifact draft <name>} prints a draft from its template.
 */
@Command(name = "artifact", description = "Submit an artifact of the current phase, or get a draft of one.")
class ArtifactCommand {

	private final Terminal terminal;

	ArtifactCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Command(name = "put", description = "Submit a file (e.g. TASK.md); replaces an artifact of the same name.")
	int put(@Parameters(paramLabel = "<file>") Path file, @Option(names = "--name", paramLabel = "<name>",
			description = "The artifact's name (else the file's).") String name) {
		ActiveContext context = this.terminal.session();
		String content = read(file);
		String artifact = (name != null) ? name : file.getFileName().toString();
		ApiAnswer answer = this.terminal.client().putArtifact(context.sessionKey(), artifact, content);
		return this.terminal.show(answer, (saved) -> {
			this.terminal.out.println("✓ " + saved.path("name").asText() + " submitted in phase "
					+ saved.path("phase").asText() + " (sha256 " + saved.path("content_hash").asText() + ")");
			this.terminal.out.println("When the phase's artifacts are in: phaseflow phase complete");
		});
	}

	/**
	 * The files' contents by file name: artifacts sent with a phase's completion
	 * ({@code --artifact}).
	 */
	static Map<String, String> contents(List<Path> files) {
		Map<String, String> contents = new LinkedHashMap<>();
		if (files != null) {
			for (Path file : files) {
				contents.put(file.getFileName().toString(), read(file));
			}
		}
		return contents;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new CommandFailed(2, "Cannot read " + file + ": " + ex.getMessage());
		}
	}

	@Command(name = "draft", description = "Print a draft of an artifact, rendered from its template.")
	int draft(@Parameters(paramLabel = "<name>", description = "e.g. PLAN.md") String name) {
		ActiveContext context = this.terminal.session();
		ApiAnswer answer = this.terminal.client().draft(context.sessionKey(), name);
		if (answer.ok()) {
			this.terminal.out.print(answer.text());
			return 0;
		}
		return this.terminal.show(answer, (ignored) -> {
		});
	}

}
