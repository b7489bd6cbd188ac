/**
 * {@code phaseflow mcp}: an MCP server over stdio (the official MCP Java SDK) with a few
 * small tools, each a thin call of the REST API that carries the server's instructions.
 */
package io.phaseflow.mcp;
