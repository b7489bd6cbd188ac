/**
 * The user-task forms of {@code forms/}: read once at start, they give Flowable's form
 * service its fields and check every completion of a task, whichever API completes it.
 */
package io.phaseflow.flowable.forms;
