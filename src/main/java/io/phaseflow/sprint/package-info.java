/**
 * Sprints: a goal, an owner and a set of tasks, hashed and versioned on every write.
 */
package io.phaseflow.sprint;
