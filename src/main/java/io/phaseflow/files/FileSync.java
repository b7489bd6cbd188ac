package io.phaseflow.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.Clocks;
import io.phaseflow.common.Codes;
import io.phaseflow.common.EntityNotFound;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.event.EntityType;
import io.phaseflow.event.EventLog;
import io.phaseflow.event.EventTypes;
import io.phaseflow.event.NewEvent;
import io.phaseflow.sprint.Sprint;
import io.phaseflow.sprint.SprintManagement;
import io.phaseflow.sprint.SprintPlanned;
import io.phaseflow.sprint.Sprints;
import io.phaseflow.task.Task;
import io.phaseflow.task.TaskChanged;
import io.phaseflow.task.TaskFilter;
import io.phaseflow.task.TaskManagement;
import io.phaseflow.task.TaskProgressed;
import io.phaseflow.task.TaskRestored;
import io.phaseflow.task.TaskStatus;
import io.phaseflow.task.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the markdown mirror: {@code SPRINT.md}, {@code TASK.md} and their {@code .hash}
 * files (the entity's content hash). Each file is written to a temporary file beside it
 * and moved into place, so a reader never sees half a file; no path leaves the root, and
 * no symbolic link below it is followed ({@link FilesRoot}). With
 * {@code phaseflow.events.emit-file-syncs} each file also gets an
 * {@code orchestration.file.synced} event.
 * <p>
 * TASK.md's Session section shows where the task's latest session stands: written by the
 * session process's steps with what its variables say, else from the session's row. It is
 * a view of the session, not of the task's content, so the drift check leaves it out.
 */
@Service
public class FileSync {

	private static final Logger log = LoggerFactory.getLogger(FileSync.class);

	private final Path root;

	private final FilesRoot files;

	private final MarkdownDocuments documents;

	private final Sprints sprints;

	private final Tasks tasks;

	private final EventLog events;

	private final JsonDocuments json;

	private final Clock clock;

	private final boolean emitFileSyncs;

	private final TransactionTemplate newTransaction;

	private final ApplicationEventPublisher publisher;

	private final TaskManagement management;

	private final FileSyncProperties sync;

	private final ObjectProvider<CurrentSessions> currentSessions;

	private static final String TASK_FILE = "TASK.md";

	/** TASK.md's Session section, up to the next section or the end. */
	private static final Pattern SESSION_SECTION = Pattern.compile("(?s)\n## Session\n.*?(?=\n## |\\z)");

	private final SprintManagement sprintManagement;

	private static final List<String> TASK_STATUSES = Arrays.stream(TaskStatus.values())
		.map(TaskStatus::value)
		.toList();

	FileSync(FilesProperties properties, MarkdownDocuments documents, Sprints sprints, Tasks tasks, EventLog events,
			JsonDocuments json, Clock clock, @Value("${phaseflow.events.emit-file-syncs:false}") boolean emitFileSyncs,
			PlatformTransactionManager transactions, TaskManagement management, SprintManagement sprintManagement,
			ApplicationEventPublisher publisher, FileSyncProperties sync,
			ObjectProvider<CurrentSessions> currentSessions) {
		this.sync = sync;
		this.currentSessions = currentSessions;
		this.management = management;
		this.sprintManagement = sprintManagement;
		this.publisher = publisher;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.files = new FilesRoot(properties.root());
		this.root = this.files.path();
		this.documents = documents;
		this.sprints = sprints;
		this.tasks = tasks;
		this.events = events;
		this.json = json;
		this.clock = clock;
		this.emitFileSyncs = emitFileSyncs;
	}

	/**
	 * Writes SPRINT.md and every task's TASK.md of the sprint, each with its
	 * {@code .hash}.
	 */
	@Transactional
	public List<SyncedFile> syncSprint(String code) {
		Sprint sprint = this.sprintManagement.get(code);
		List<SyncedFile> written = new ArrayList<>();
		Path folder = folder("sprints", sprint.sprintCode());
		SyncedFile sprintFile = write(folder, "SPRINT.md", this.documents.sprint(sprint), sprint.hash(),
				EntityType.SPRINT, sprint.id(), sprint.sprintCode());
		this.sprints.filePathWritten(sprint.id(), sprintFile.path());
		written.add(sprintFile);
		for (Task task : this.tasks.find(new TaskFilter(sprint.sprintCode(), null, null))) {
			written.add(writeTask(task));
		}
		return written;
	}

	/**
	 * Writes the task's TASK.md once the transaction that moved it on has committed, so
	 * the file never shows a state the database does not have. A failure to write is
	 * logged, not thrown: the database stays the source of truth, and drift shows in the
	 * sync status.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void progressed(TaskProgressed progressed) {
		writeTaskQuietly(progressed.taskCode(), false, null);
	}

	/**
	 * A session's process reached a file step: TASK.md is written with the Session
	 * section the process gave, once the transition commits.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void due(TaskFileDue due) {
		writeTaskQuietly(due.taskCode(), false, due.session());
	}

	/**
	 * A changed task's TASK.md is written once the change commits when its settings ask
	 * for it: after every change ({@code auto_sync}), or as it becomes completed
	 * ({@code sync_on_complete}).
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void changed(TaskChanged changed) {
		Task task = changed.task();
		boolean completedNow = task.status() == TaskStatus.COMPLETED && changed.before() != TaskStatus.COMPLETED;
		if (setting(task, "auto_sync", this.sync.autoSync())
				|| (completedNow && setting(task, "sync_on_complete", this.sync.syncOnComplete()))) {
			writeTaskQuietly(task.taskCode(), false, null);
		}
	}

	/** A setting of the task's {@code agent_config}, else the server's. */
	private static boolean setting(Task task, String name, boolean server) {
		JsonNode own = (task.agentConfig() != null) ? task.agentConfig().get(name) : null;
		return (own != null && own.isBoolean()) ? own.asBoolean() : server;
	}

	/**
	 * A restored task's TASK.md, if synced, is written again once the restore commits.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void restored(TaskRestored restored) {
		writeTaskQuietly(restored.taskCode(), true, null);
	}

	/** A sprint created with its tasks gets its files once it commits. */
	@TransactionalEventListener(fallbackExecution = true)
	void planned(SprintPlanned planned) {
		quietly(() -> this.newTransaction.executeWithoutResult((status) -> syncSprint(planned.sprintCode())),
				"sprint " + planned.sprintCode());
	}

	private void writeTaskQuietly(String code, boolean onlyIfSynced, SessionSection session) {
		quietly(() -> this.newTransaction.executeWithoutResult((status) -> {
			Task task = this.tasks.findByCode(code).orElseThrow();
			if (!onlyIfSynced || Files.exists(taskFolder(task).resolve("TASK.md"), LinkOption.NOFOLLOW_LINKS)) {
				writeTask(task, (session != null) ? Optional.of(session) : currentSession(task));
			}
		}), "task " + code);
	}

	private void quietly(Runnable write, String what) {
		try {
			write.run();
		}
		catch (RuntimeException ex) {
			log.warn("Could not write the files of {}", what, ex);
		}
	}

	/**
	 * Compares every mirrored file with the database.
	 * @param all also list the files that are in sync
	 */
	@Transactional(readOnly = true)
	public List<Drift> status(boolean all) {
		List<Drift> drifts = new ArrayList<>();
		for (Path sprintFolder : children(this.root.resolve("sprints"))) {
			String sprintCode = sprintFolder.getFileName().toString();
			Path sprintFile = sprintFolder.resolve("SPRINT.md");
			if (this.files.isRegularFile(sprintFile)) {
				drifts.add(compare(sprintFile, "sprint", sprintCode,
						this.sprints.findByCode(sprintCode)
							.map((sprint) -> new Mirror(sprint.hash(), this.documents.sprint(sprint)))
							.orElse(null)));
			}
			for (Path taskFolder : children(sprintFolder)) {
				compareTask(taskFolder, drifts);
			}
		}
		for (Path taskFolder : children(this.root.resolve("tasks"))) {
			compareTask(taskFolder, drifts);
		}
		return drifts.stream().filter((drift) -> all || drift.drifted()).toList();
	}

	/**
	 * Reads the task's TASK.md back into the database: title, status, description,
	 * objectives, deliverables and acceptance criteria, as a new version with its event;
	 * the file is then rewritten in the canonical layout.
	 */
	@Transactional
	public Task importTask(String code) {
		Task task = this.management.get(code);
		Path file = taskFolder(task).resolve("TASK.md");
		this.files.refuseLinks(file);
		if (!this.files.isRegularFile(file)) {
			throw new EntityNotFound("TASK.md of task", task.taskCode());
		}
		String markdown = this.files.read(file);
		TaskMarkdown.Parsed parsed = TaskMarkdown.parse("TASK.md", markdown);
		if (!parsed.taskCode().equalsIgnoreCase(task.taskCode())) {
			throw TaskMarkdown.refused("TASK.md", lineOf(markdown, "**Task Code**"),
					"names task '" + parsed.taskCode() + "', not " + task.taskCode());
		}
		if (parsed.status() == null || !TASK_STATUSES.contains(parsed.status())) {
			throw TaskMarkdown.refused("TASK.md", lineOf(markdown, "**Status**"),
					"status must be one of " + TASK_STATUSES);
		}
		ObjectNode patch = this.json.newObject().put("title", parsed.title()).put("status", parsed.status());
		if (parsed.description() != null) {
			patch.put("description", parsed.description());
		}
		ObjectNode metadata = patch.putObject("metadata");
		parsed.lists().forEach((key, items) -> metadata.set(key, this.json.tree(items)));
		Task updated = this.management.update(task.taskCode(), patch);
		// written back in canonical form once the import commits
		this.publisher.publishEvent(new TaskProgressed(updated.taskCode()));
		return updated;
	}

	private static int lineOf(String markdown, String prefix) {
		String[] lines = markdown.split("\r?\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].startsWith(prefix)) {
				return i + 1;
			}
		}
		return 1;
	}

	private void compareTask(Path folder, List<Drift> drifts) {
		Path file = folder.resolve("TASK.md");
		if (this.files.isRegularFile(file)) {
			String code = folder.getFileName().toString();
			drifts.add(compare(file, "task", code,
					this.tasks.findByCode(code)
						.map((task) -> new Mirror(task.hash(), this.documents.task(task)))
						.orElse(null)));
		}
	}

	private Drift compare(Path file, String type, String code, Mirror database) {
		String shown = this.files.shown(file);
		String fileHash = read(file.resolveSibling(".hash")).trim();
		if (database == null) {
			return new Drift(shown, type, code, "orphan", fileHash, null);
		}
		String state = !fileHash.equals(database.hash()) ? "stale"
				: !withoutSession(read(file)).equals(withoutSession(database.markdown())) ? "edited" : "in_sync";
		return new Drift(shown, type, code, state, fileHash, database.hash());
	}

	private record Mirror(String hash, String markdown) {
	}

	private static String withoutSession(String markdown) {
		return SESSION_SECTION.matcher(markdown).replaceFirst("");
	}

	/** The file's text, or nothing when it is missing or a link. */
	private String read(Path file) {
		return this.files.isRegularFile(file) ? this.files.read(file) : "";
	}

	/** The folders of the mirror in the folder; links are left out, never followed. */
	private List<Path> children(Path folder) {
		if (!this.files.isDirectory(folder)) {
			return List.of();
		}
		try (var stream = Files.list(folder)) {
			return stream.filter(this.files::isDirectory)
				.filter((path) -> Codes.isValid(path.getFileName().toString()))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + folder, ex);
		}
	}

	/** Writes the task's TASK.md with its {@code .hash}. */
	@Transactional
	public List<SyncedFile> syncTask(String code) {
		Task task = this.management.get(code);
		return List.of(writeTask(task));
	}

	/**
	 * Whether the agent wrote a file of that name to the task's folder of the mirror: an
	 * artifact on disk counts like one submitted through the API. TASK.md is Phaseflow's
	 * own file there, written at every step of a session, so it never counts: the agent
	 * submits its TASK.md through the API.
	 */
	public boolean taskFileExists(Task task, String name) {
		return !name.equals(TASK_FILE) && mirrored(task, name);
	}

	private boolean mirrored(Task task, String name) {
		if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,199}")) {
			return false;
		}
		Path file = taskFolder(task).resolve(name).normalize();
		return file.startsWith(this.root) && this.files.isRegularFile(file);
	}

	/** The task's synced file of that name, if the mirror holds one. */
	public Optional<String> taskFile(Task task, String name) {
		if (!mirrored(task, name)) {
			return Optional.empty();
		}
		return Optional.of(this.files.read(taskFolder(task).resolve(name).normalize()));
	}

	private Path taskFolder(Task task) {
		return (task.sprintCode() != null) ? folder("sprints", task.sprintCode()).resolve(task.taskCode())
				: folder("tasks", task.taskCode());
	}

	private SyncedFile writeTask(Task task) {
		return writeTask(task, currentSession(task));
	}

	private SyncedFile writeTask(Task task, Optional<SessionSection> session) {
		Path folder = taskFolder(task);
		SyncedFile written = write(folder, "TASK.md", this.documents.task(task, session), task.hash(), EntityType.TASK,
				task.id(), task.taskCode());
		this.tasks.filePathWritten(task.id(), written.path());
		return written;
	}

	private Optional<SessionSection> currentSession(Task task) {
		CurrentSessions sessions = this.currentSessions.getIfAvailable();
		return (sessions != null) ? sessions.of(task) : Optional.empty();
	}

	private Path folder(String kind, String code) {
		return this.root.resolve(kind).resolve(Codes.normalize("code", code));
	}

	private SyncedFile write(Path folder, String name, String markdown, String hash, EntityType type, long id,
			String code) {
		Path file = folder.resolve(name).normalize();
		this.files.refuseLinks(file);
		this.files.refuseLinks(folder.resolve(".hash"));
		try {
			this.files.createFolders(folder);
			atomicWrite(file, markdown);
			atomicWrite(folder.resolve(".hash"), hash + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file, ex);
		}
		String shown = this.files.shown(file);
		if (this.emitFileSyncs) {
			this.events.append(NewEvent.about(EventTypes.FILE_SYNCED, type, id, code,
					this.json.newObject()
						.put("file_path", shown)
						.put("hash", hash)
						.put("synced_at", Clocks.now(this.clock).toString())));
		}
		return new SyncedFile(shown, hash);
	}

	private static void atomicWrite(Path file, String content) throws IOException {
		Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
		try {
			Files.writeString(temp, content, StandardCharsets.UTF_8);
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

}
