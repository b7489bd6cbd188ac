package io.phaseflow.cli;

import java.util.concurrent.Callable;

import io.phaseflow.cli.context.ActiveContext;
import io.phaseflow.client.ApiAnswer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code phaseflow update "…"} (a context update: progress) and
 * {@code phaseflow note "…"} (a finding), both on the active session.
 */
abstract class NoteCommand implements Callable<Integer> {

	private final Terminal terminal;

	@Parameters(paramLabel = "<text>", description = "What to record.")
	String text;

	NoteCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	abstract String kind();

	@Override
	public Integer call() {
		ActiveContext context = this.terminal.session();
		ApiAnswer answer = this.terminal.client().addNote(context.sessionKey(), kind(), this.text);
		return this.terminal.show(answer, (note) -> {
			this.terminal.out.println("✓ " + PhaseCommand.capitalized(kind()) + " recorded on task "
					+ context.taskCode() + " (#" + note.path("id").asText() + ")");
			this.terminal.brief(note.path("instructions"));
		});
	}

	@Command(name = "update", description = "Record progress on the active task (a context update).")
	static class Update extends NoteCommand {

		Update(Terminal terminal) {
			super(terminal);
		}

		@Override
		String kind() {
			return "update";
		}

	}

	@Command(name = "note", description = "Record a note on the active task, e.g. a finding.")
	static class Note extends NoteCommand {

		Note(Terminal terminal) {
			super(terminal);
		}

		@Override
		String kind() {
			return "note";
		}

	}

}
