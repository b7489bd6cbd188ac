/**
 * Markdown files rendered from the database (TASK.md, SPRINT.md, artifact drafts) and
 * written, atomically and never outside their root, as its mirror.
 */
package io.phaseflow.files;
