/**
 * The context search endpoint.
 */
package io.phaseflow.search.web;
