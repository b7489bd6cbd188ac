/**
 * Tasks: the unit of work an agent inits on, hashed and versioned on every write.
 */
package io.phaseflow.task;
