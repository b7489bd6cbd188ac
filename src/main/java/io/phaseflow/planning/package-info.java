/**
 * Sprint planning: a sprint created with its tasks, all or nothing, from a template in
 * the home folder.
 */
package io.phaseflow.planning;
