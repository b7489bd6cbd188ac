/**
 * Status reports: a sprint's progress by task and status, and its time against the
 * estimates.
 */
package io.phaseflow.report;
