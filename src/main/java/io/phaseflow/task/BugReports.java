package io.phaseflow.task;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.ContentHash;
import io.phaseflow.common.Drafts;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bug reports become backlog tasks (category {@code bug}). A report whose normalized
 * title and description (lower case, whitespace collapsed) hash like an earlier one is a
 * duplicate: no new task, the answer names the first. The task code is derived from that
 * hash, so the database's unique code also guards against a duplicate filed twice at
 * once.
 */
@Service
public class BugReports {

	static final String CATEGORY = "bug";

	private final TaskManagement management;

	private final Tasks tasks;

	private final Drafts drafts;

	BugReports(TaskManagement management, Tasks tasks, Drafts drafts) {
		this.management = management;
		this.tasks = tasks;
		this.drafts = drafts;
	}

	@Transactional
	public Filed file(BugReport report) {
		this.drafts.validate(report);
		String hash = ContentHash.sha256Hex(normalized(report.title()) + "\n" + normalized(report.description()));
		String code = "bug-" + hash.substring(0, 12);
		var existing = this.tasks.findByCode(code);
		if (existing.isPresent()) {
			return new Filed(existing.get(), existing.get().taskCode());
		}
		ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("bug_hash", hash);
		Task task = this.management.create(new TaskDraft(code, report.title(), report.description(), CATEGORY, null,
				(report.priority() != null) ? report.priority() : Priority.P2, null, report.sprintCode(), null,
				metadata, null));
		return new Filed(task, null);
	}

	static String normalized(String text) {
		return (text == null) ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	/**
	 * The backlog task of a report, and the code of the task it duplicates (null for a
	 * new bug).
	 */
	public record Filed(Task task, String duplicateOf) {
	}

}
