/**
 * Phase configuration: loads and validates {@code workflow/workflow.yaml} into typed
 * records, and the {@code WorkflowEngine} port that sessions run on.
 */
package io.phaseflow.workflow;
