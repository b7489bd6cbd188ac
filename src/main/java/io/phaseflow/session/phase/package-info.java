/**
 * A session's phases: completing a phase through its BPMN process, its artifacts and the
 * review iterations.
 */
package io.phaseflow.session.phase;
