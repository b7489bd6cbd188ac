/**
 * The PM's tools: sprint status reports (and later status updates, ADRs and bug reports).
 */
package io.phaseflow.pmtools;
