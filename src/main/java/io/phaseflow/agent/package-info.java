/**
 * Agent profiles: the AI or human workers that init on tasks.
 */
package io.phaseflow.agent;
