/**
 * The {@code phaseflow} command line (picocli): init, sessions, phases, artifacts, notes,
 * logs, events and reports, as a thin client of the REST API that starts no Spring
 * context.
 */
package io.phaseflow.cli;
