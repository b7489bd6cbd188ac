package io.phaseflow.idempotency;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import io.phaseflow.api.ProblemResponses;
import io.phaseflow.common.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST: the first request with a key runs in one transaction
 * together with remembering its answer, so the answer is remembered exactly when the work
 * was done. A retry with the same key and request replays that answer (status, body,
 * {@code Location}) and changes nothing; the same key with another request is a 422; a
 * retry while the first request still runs waits for it. A refused request (4xx) is
 * remembered too; a failed one (5xx) is not, so it can be retried.
 */
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	private static final int MAX_KEY_LENGTH = 255;

	private final IdempotencyKeys keys;

	private final ProblemResponses problems;

	private final TransactionTemplate work;

	private final TransactionTemplate separately;

	IdempotencyFilter(IdempotencyKeys keys, ProblemResponses problems, PlatformTransactionManager transactions) {
		this.keys = keys;
		this.problems = problems;
		this.work = new TransactionTemplate(transactions);
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER);
		if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch((c) -> c > 0x20 && c < 0x7f)) {
			this.problems.write(request, response, HttpStatus.BAD_REQUEST, "Bad request",
					HEADER + " must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters", HEADER);
			return;
		}
		byte[] body = request.getInputStream().readAllBytes();
		String actor = RequestContext.actor();
		String hash = hash(request, body);
		if (replayed(request, response, actor, key, hash)) {
			return;
		}
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		Outcome outcome;
		try {
			outcome = this.work.execute((status) -> {
				try {
					this.keys.reserve(actor, key, hash);
				}
				catch (DuplicateKeyException | PessimisticLockingFailureException ex) {
					status.setRollbackOnly();
					return Outcome.TAKEN;
				}
				try {
					chain.doFilter(new CachedBody(request, body), answer);
				}
				catch (IOException | ServletException ex) {
					status.setRollbackOnly();
					throw new ChainFailed(ex);
				}
				if (answer.getStatus() >= 400) {
					status.setRollbackOnly();
					return Outcome.REFUSED;
				}
				this.keys.complete(actor, key, stored(hash, answer));
				return Outcome.DONE;
			});
		}
		catch (ChainFailed ex) {
			throw ex.unwrap();
		}
		catch (TransactionException ex) {
			logger.warn("A request with an idempotency key could not commit", ex);
			answer.resetBuffer();
			this.problems.write(request, response, HttpStatus.CONFLICT, "Conflict",
					"The request could not be completed because of a concurrent change; retry it", null);
			return;
		}
		if (outcome == Outcome.TAKEN) {
			if (!replayed(request, response, actor, key, hash)) {
				this.problems.write(request, response, HttpStatus.CONFLICT, "Conflict",
						"A request with this " + HEADER + " is still running; retry it later", HEADER);
			}
			return;
		}
		if (outcome == Outcome.REFUSED && answer.getStatus() < 500) {
			rememberRefusal(actor, key, stored(hash, answer));
		}
		answer.copyBodyToResponse();
	}

	/** Replays a remembered answer, or refuses a key used for another request. */
	private boolean replayed(HttpServletRequest request, HttpServletResponse response, String actor, String key,
			String hash) throws IOException {
		Optional<StoredAnswer> stored = this.keys.find(actor, key);
		if (stored.isEmpty()) {
			return false;
		}
		StoredAnswer answer = stored.get();
		if (!answer.requestHash().equals(hash)) {
			this.problems.write(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused",
					"This " + HEADER + " was used for another request; use a new key for a new request", HEADER);
			return true;
		}
		response.setStatus(answer.status());
		if (answer.contentType() != null) {
			response.setContentType(answer.contentType());
		}
		if (answer.location() != null) {
			response.setHeader(HttpHeaders.LOCATION, answer.location());
		}
		response.setHeader(REPLAYED, "true");
		if (answer.body() != null) {
			response.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
		}
		return true;
	}

	private void rememberRefusal(String actor, String key, StoredAnswer answer) {
		try {
			this.separately.executeWithoutResult((status) -> this.keys.remember(actor, key, answer));
		}
		catch (DuplicateKeyException | PessimisticLockingFailureException ex) {
			// a retry of the same request got there first and is remembered instead
		}
	}

	private static StoredAnswer stored(String hash, ContentCachingResponseWrapper answer) {
		return new StoredAnswer(hash, answer.getStatus(), answer.getContentType(),
				answer.getHeader(HttpHeaders.LOCATION),
				new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8));
	}

	private static String hash(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((request.getMethod() + " " + request.getRequestURI() + "?"
					+ ((request.getQueryString() != null) ? request.getQueryString() : "") + "\n")
				.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
		}
	}

	private enum Outcome {

		/** Done and remembered with the work. */
		DONE,
		/** Refused (4xx) or failed (5xx): nothing was changed. */
		REFUSED,
		/** Another request holding the key ended first. */
		TAKEN

	}

	/** Carries a checked failure of the filter chain out of the transaction callback. */
	private static final class ChainFailed extends RuntimeException {

		ChainFailed(Exception cause) {
			super(cause);
		}

		IOException unwrap() throws ServletException {
			if (getCause() instanceof ServletException servlet) {
				throw servlet;
			}
			return (IOException) getCause();
		}

	}

	/** The request with its body read once, for the hash, and served again. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body has been read already");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = (getCharacterEncoding() != null) ? getCharacterEncoding() : "UTF-8";
			return new BufferedReader(new InputStreamReader(getInputStream(), Charset.forName(encoding)));
		}

	}

}
