/**
 * Server-rendered web pages for PMs and reviewers under {@code /ui}: the sprint board, a
 * session's diagram and timeline, and the reviewers' override inbox. The records the
 * pages show are public because FreeMarker reads public members only.
 */
package io.phaseflow.web;
