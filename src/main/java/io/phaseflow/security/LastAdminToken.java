package io.phaseflow.security;

import java.util.List;

import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.PhaseflowException.Kind;

/**
 * Revoking the token would leave no active ADMIN token, and nobody could issue another.
 */
class LastAdminToken extends PhaseflowException {

	LastAdminToken() {
		super(Kind.CONFLICT, "The last active ADMIN token cannot be revoked; issue another ADMIN token first",
				List.of());
	}

	@Override
	public String title() {
		return "Conflict";
	}

}
