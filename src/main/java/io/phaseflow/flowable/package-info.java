/**
 * The only package, with its sub-packages, that imports {@code org.flowable}: engine
 * settings, the {@code WorkflowEngine} adapter, the BPMN delegates and the process
 * variables they share.
 */
package io.phaseflow.flowable;
