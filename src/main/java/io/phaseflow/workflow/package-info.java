/**
 * Phase configuration: loads and validates {@code workflow/workflow.yaml} into typed
 * records.
 */
package io.phaseflow.workflow;
