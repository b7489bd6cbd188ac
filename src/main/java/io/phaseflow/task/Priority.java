package io.phaseflow.task;

/**
 * Task priority, P0 (drop everything) to P4 (some day). P2 is the default.
 */
public enum Priority {

	P0, P1, P2, P3, P4

}
