/**
 * Work sessions: an agent walked through the phases of a task, with artifacts, checks and
 * overrides.
 */
package io.phaseflow.session;
