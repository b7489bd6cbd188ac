/**
 * Deployments on Flowable's repository, and what a BPMN file must pass before it is
 * deployed: the schema, Flowable's rules and Phaseflow's allow list, so that no process
 * runs code or routes around the phase mechanics.
 */
package io.phaseflow.flowable.deployment;
