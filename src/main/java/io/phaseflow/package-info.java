/**
 * Phaseflow: sprints, tasks and agent work sessions run as a BPMN phase machine.
 */
package io.phaseflow;
