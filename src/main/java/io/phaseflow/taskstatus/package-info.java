/**
 * Status reports on tasks by agents and PMs, and the check a task's completion passes.
 */
package io.phaseflow.taskstatus;
