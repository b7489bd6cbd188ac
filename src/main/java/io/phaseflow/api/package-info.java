/**
 * Cross-cutting HTTP concerns of the REST API: problem+json errors, correlation ids,
 * OpenAPI.
 */
package io.phaseflow.api;
