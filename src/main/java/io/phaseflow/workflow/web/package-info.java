/**
 * The workflow API: phase configuration, deployed versions and validated redeploys.
 */
package io.phaseflow.workflow.web;
