/**
 * A small typed client of Phaseflow's REST API over {@code java.net.http}, shared by the
 * command line and the MCP server; it starts no Spring context.
 */
package io.phaseflow.client;
