package io.phaseflow.web;

import io.phaseflow.security.Role;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the CSRF token for its forms and who is signed in.
 */
@ControllerAdvice(basePackageClasses = PageAttributes.class)
class PageAttributes {

	@ModelAttribute("csrf")
	CsrfToken csrf(CsrfToken token) {
		return token;
	}

	@ModelAttribute("viewer")
	Viewer viewer(Authentication authentication) {
		return Viewer.of(authentication);
	}

	/**
	 * Who is signed in.
	 *
	 * @param reviewer whether they may open the override inbox (REVIEWER, or ADMIN which
	 * holds every role)
	 * @param pm whether they may change tasks, as a rollback does (PM or ADMIN)
	 */
	public record Viewer(String name, boolean reviewer, boolean pm) {

		/** The signed-in user, or null for an anonymous visitor. */
		static Viewer of(Authentication authentication) {
			if (authentication == null || !authentication.isAuthenticated()) {
				return null;
			}
			return new Viewer(authentication.getName(), holds(authentication, Role.REVIEWER),
					holds(authentication, Role.PM));
		}

		private static boolean holds(Authentication authentication, Role role) {
			return authentication.getAuthorities()
				.stream()
				.anyMatch((granted) -> granted.getAuthority().equals(role.authority())
						|| granted.getAuthority().equals(Role.ADMIN.authority()));
		}

	}

}
