package io.phaseflow.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/**
 * {@code phaseflow archive}: archives the events that are due now, as the daily run does.
 */
@Command(name = "archive", description = "Archive the events that are due now (ADMIN); it also runs daily.")
class ArchiveCommand implements Callable<Integer> {

	private final Terminal terminal;

	ArchiveCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		return this.terminal
			.show(this.terminal.client().archiveEvents(),
					(done) -> this.terminal.out.println("✓ Archived " + done.path("archived").asText() + " events in "
							+ done.path("batches").asText() + " batches (those before "
							+ done.path("archived_before").asText() + ")."),
					(refused) -> (refused.status() == 409)
							? "another archive run is going on: run phaseflow archive again once it ends"
							: PmRefusals.next(refused, "ADMIN"));
	}

}
