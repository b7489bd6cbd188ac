/**
 * Agent guidance: what an agent is told when it inits on a task, its context, and the
 * instructions every answer about a session carries.
 */
package io.phaseflow.guidance;
