/**
 * The command line's active context: the sprint, task, session and agent the next command
 * works on, kept in a small file between commands.
 */
package io.phaseflow.cli.context;
