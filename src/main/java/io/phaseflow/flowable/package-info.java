/**
 * The only package that imports {@code org.flowable}: engine settings, adapters and BPMN
 * delegates.
 */
package io.phaseflow.flowable;
