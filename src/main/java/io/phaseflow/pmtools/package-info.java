/**
 * The PM's tools: sprints from templates, bug reports filed as backlog tasks, and the
 * endpoints for status reports, task-status reports and ADRs.
 */
package io.phaseflow.pmtools;
