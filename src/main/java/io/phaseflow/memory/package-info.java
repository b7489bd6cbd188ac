/**
 * A session's memory: its notes (context updates and remarks), and the summary kept with
 * the task when the session ends.
 */
package io.phaseflow.memory;
