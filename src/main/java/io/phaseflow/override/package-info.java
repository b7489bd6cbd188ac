/**
 * Overrides: a reviewer's decision to let a session past a failed phase check, under the
 * four-eyes rule.
 */
package io.phaseflow.override;
