package io.phaseflow.mcp;

import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A transport that answers a call of a tool that does not exist the way every other
 * failed call is answered: a tool result with {@code error} and {@code instructions}. The
 * SDK answers it with a protocol error whose message does not even name the tool, and
 * which clients do not always show the model; it offers no hook for it, so its answer is
 * replaced on the way out.
 */
final class UnknownTools implements McpServerTransportProvider {

	private static final String NOT_FOUND = "Tool not found: ";

	private final McpServerTransportProvider delegate;

	private final ToolSet tools;

	UnknownTools(McpServerTransportProvider delegate, ToolSet tools) {
		this.delegate = delegate;
		this.tools = tools;
	}

	@Override
	public void setSessionFactory(McpServerSession.Factory factory) {
		this.delegate.setSessionFactory((transport) -> factory.create(new Answering(transport)));
	}

	@Override
	public Mono<Void> notifyClients(String method, Object params) {
		return this.delegate.notifyClients(method, params);
	}

	@Override
	public Mono<Void> notifyClient(String sessionId, String method, Object params) {
		return this.delegate.notifyClient(sessionId, method, params);
	}

	@Override
	public Mono<Void> closeGracefully() {
		return this.delegate.closeGracefully();
	}

	@Override
	public void close() {
		this.delegate.close();
	}

	@Override
	public List<String> protocolVersions() {
		return this.delegate.protocolVersions();
	}

	private final class Answering implements McpServerTransport {

		private final McpServerTransport transport;

		Answering(McpServerTransport transport) {
			this.transport = transport;
		}

		@Override
		public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
			if (message instanceof JSONRPCResponse response && response.error() != null
					&& response.error().code() == McpSchema.ErrorCodes.INVALID_PARAMS
					&& response.error().data() instanceof String data && data.startsWith(NOT_FOUND)) {
				String name = data.substring(NOT_FOUND.length());
				// the answer may read the session's instructions from the server
				return Mono
					.fromCallable(
							() -> JSONRPCResponse.result(response.id(), UnknownTools.this.tools.call(name, Map.of())))
					.subscribeOn(Schedulers.boundedElastic())
					.flatMap(this.transport::sendMessage);
			}
			return this.transport.sendMessage(message);
		}

		@Override
		public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
			return this.transport.unmarshalFrom(data, typeRef);
		}

		@Override
		public Mono<Void> closeGracefully() {
			return this.transport.closeGracefully();
		}

		@Override
		public void close() {
			this.transport.close();
		}

		@Override
		public List<String> protocolVersions() {
			return this.transport.protocolVersions();
		}

	}

}
