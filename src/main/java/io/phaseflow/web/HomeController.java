package io.phaseflow.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * The way in and out: the login page (the form posts to Spring Security), the start page
 * and the page shown when a role is missing.
 */
@Controller
class HomeController extends PageController {

	@GetMapping("/")
	String home() {
		return "redirect:/ui";
	}

	@GetMapping("/ui/login")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
			Model model) {
		model.addAttribute("failed", error != null);
		model.addAttribute("signedOut", logout != null);
		return "login";
	}

	/**
	 * Where Spring Security forwards a refused request: a missing role, or a form without
	 * its CSRF token.
	 */
	@RequestMapping("/ui/forbidden")
	@ResponseStatus(HttpStatus.FORBIDDEN)
	ModelAndView forbidden(HttpServletRequest request) {
		if (request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
			return problem(HttpStatus.FORBIDDEN, "Form expired",
					"The form was sent without the token of your current sign-in, so nothing was changed. "
							+ "Open the page again and resend it.");
		}
		return problem(HttpStatus.FORBIDDEN, "Not allowed",
				"Your token's roles do not allow this page or action. Reviewers (REVIEWER or ADMIN) decide overrides; "
						+ "sign in with such a token to do so.");
	}

}
