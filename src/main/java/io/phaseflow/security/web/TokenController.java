package io.phaseflow.security.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;

import io.phaseflow.api.Page;
import io.phaseflow.common.Codes;
import io.phaseflow.common.RequestContext;
import io.phaseflow.security.ApiToken;
import io.phaseflow.security.IssuedToken;
import io.phaseflow.security.Role;
import io.phaseflow.security.TokenIssuer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * ADMIN-only token management: issue (the secret is shown once), list, revoke.
 */
@RestController
@RequestMapping("/api/orchestration/admin/tokens")
@Tag(name = "Admin: tokens")
class TokenController {

	private final TokenIssuer tokens;

	TokenController(TokenIssuer tokens) {
		this.tokens = tokens;
	}

	@PostMapping
	@Operation(summary = "Issue a token; its secret is in this answer and nowhere else")
	ResponseEntity<IssuedTokenResponse> issue(@Valid @RequestBody TokenRequest request) {
		IssuedToken issued = this.tokens.issue(request.name().toLowerCase(Locale.ROOT), request.roles(),
				request.agentId(), RequestContext.actor());
		return ResponseEntity.created(URI.create("/api/orchestration/admin/tokens/" + issued.token().id()))
			.body(IssuedTokenResponse.of(issued));
	}

	@GetMapping
	@Operation(summary = "List tokens (never their secrets)")
	Page<ApiToken> list() {
		return new Page<>(this.tokens.list());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke a token; it stops working at once")
	ApiToken revoke(@PathVariable long id) {
		return this.tokens.revoke(id);
	}

	record TokenRequest(@NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.RULE) String name,
			@NotEmpty Set<Role> roles, @Positive Long agentId) {
	}

	record IssuedTokenResponse(long id, String name, Set<Role> roles, Long agentId, String token,
			OffsetDateTime createdAt) {

		static IssuedTokenResponse of(IssuedToken issued) {
			ApiToken token = issued.token();
			return new IssuedTokenResponse(token.id(), token.name(), token.roles(), token.agentId(), issued.secret(),
					token.createdAt());
		}

	}

}
