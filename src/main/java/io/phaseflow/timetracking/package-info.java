/**
 * Time tracking: the active time of sessions and tasks, from the activity agents log and
 * the phases' transitions, against the tasks' estimates.
 */
package io.phaseflow.timetracking;
