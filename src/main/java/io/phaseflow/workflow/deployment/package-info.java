/**
 * Versions of the processes and {@code workflow.yaml}: which one is active, whether it is
 * consistent, and checking and deploying new ones, uploaded or saved in the working copy.
 */
package io.phaseflow.workflow.deployment;
