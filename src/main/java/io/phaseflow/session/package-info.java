/**
 * Work sessions: an agent walked through the phases of a task; who owns a session, its
 * lifecycle (start, pause, resume, end) and its views.
 */
package io.phaseflow.session;
