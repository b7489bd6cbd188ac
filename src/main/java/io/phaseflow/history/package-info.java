/**
 * Every hash a sprint or task ever had ({@code entity_versions}), for history and
 * rollback.
 */
package io.phaseflow.history;
