/**
 * A small typed client of Phaseflow's REST API over Apache HttpClient's blocking client,
 * shared by the command line and the MCP server; it starts no Spring context.
 */
package io.phaseflow.client;
