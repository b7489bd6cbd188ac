/**
 * Phase configuration: loads and validates {@code workflow/workflow.yaml} into typed
 * records, and checks and deploys new versions of it together with the processes.
 */
package io.phaseflow.workflow;
