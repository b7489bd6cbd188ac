/**
 * Context search: events, session artifacts and task text, ranked the same way on
 * PostgreSQL (full text search) and on H2 (the same ranking computed in Java).
 */
package io.phaseflow.search;
