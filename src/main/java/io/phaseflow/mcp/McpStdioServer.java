package io.phaseflow.mcp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.phaseflow.client.ClientSettings;
import io.phaseflow.client.PhaseflowClient;

/**
 * Serves Phaseflow's tools over stdin/stdout until stdin closes. stdout carries nothing
 * but the protocol: logging is sent to stderr, and so is anything else printed.
 */
public final class McpStdioServer {

	static final String INSTRUCTIONS = "Phaseflow walks a task through the phases intake, research, plan, execute, "
			+ "review and close. Call init with the task_code first; the other tools then apply to its session. "
			+ "Every result carries `instructions`: next_actions to do, and next, the tool calls that do it "
			+ "(fill in the <placeholders>).";

	static final String PM_INSTRUCTIONS = "Phaseflow's PM tools: create sprints and tasks, file bugs, write ADRs, "
			+ "set task status and read sprint reports. Agents work on tasks with `phaseflow mcp` (without --pm).";

	private McpStdioServer() {
	}

	/**
	 * Serves until stdin closes: an agent's tools, or with {@code pm} a PM's instead.
	 */
	public static void serve(Map<String, String> env, boolean pm) {
		PrintStream protocol = System.out;
		System.setOut(System.err);
		CountDownLatch closed = new CountDownLatch(1);
		McpJsonMapper json = McpJsonDefaults.getMapper();
		PhaseflowClient client = new PhaseflowClient(ClientSettings.from(env));
		ToolSet tools = pm ? new PmTools(client) : new PhaseflowTools(client, env.get("PHASEFLOW_AGENT"));
		StdioServerTransportProvider stdio = new StdioServerTransportProvider(json,
				new EndOfInput(System.in, closed, tools), protocol);
		McpSyncServer server = McpServer.sync(new UnknownTools(stdio, tools))
			.serverInfo("phaseflow", version())
			.instructions(pm ? PM_INSTRUCTIONS : INSTRUCTIONS)
			.capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
			// the tools check their arguments themselves, answering JSON with
			// instructions
			.validateToolInputs(false)
			.tools(tools.specifications())
			.build();
		try {
			closed.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		server.closeGracefully();
	}

	private static String version() {
		String version = McpStdioServer.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "dev";
	}

	/**
	 * stdin, telling when it ends. The SDK drops the answers of calls still running when
	 * stdin ends, so the end is passed on only once no call has run for two checks in a
	 * row (a minute at most): a client that writes its calls and closes stdin gets every
	 * answer.
	 */
	private static final class EndOfInput extends FilterInputStream {

		private final CountDownLatch closed;

		private final ToolSet tools;

		EndOfInput(InputStream in, CountDownLatch closed, ToolSet tools) {
			super(in);
			this.closed = closed;
			this.tools = tools;
		}

		@Override
		public int read() throws IOException {
			return ended(() -> super.read());
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			return ended(() -> super.read(buffer, offset, length));
		}

		private int ended(Read read) throws IOException {
			try {
				return ended(read.read());
			}
			catch (IOException ex) {
				this.closed.countDown();
				throw ex;
			}
		}

		private int ended(int read) {
			if (read < 0 && this.closed.getCount() > 0) {
				finishCalls();
				this.closed.countDown();
			}
			return read;
		}

		private void finishCalls() {
			int quiet = 0;
			try {
				for (int check = 0; check < 300 && quiet < 2; check++) {
					Thread.sleep(200);
					quiet = this.tools.idle() ? quiet + 1 : 0;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private interface Read {

			int read() throws IOException;

		}

	}

}
