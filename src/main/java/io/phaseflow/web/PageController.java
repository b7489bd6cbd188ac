package io.phaseflow.web;

import io.phaseflow.api.ProblemResponses;
import io.phaseflow.common.EntityNotFound;
import io.phaseflow.common.PhaseflowException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page controller shares: a failure is shown as a page in the site's layout,
 * with a short message and the right status, never a stack trace. (Handlers declared on
 * the controller come before the API's problem+json advice.)
 */
abstract class PageController {

	private static final Logger log = LoggerFactory.getLogger(PageController.class);

	@ExceptionHandler(EntityNotFound.class)
	ModelAndView notFound(EntityNotFound ex, Authentication user, CsrfToken csrf) {
		return withLayout(problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage()), user, csrf);
	}

	@ExceptionHandler(PhaseflowException.class)
	ModelAndView refused(PhaseflowException ex, Authentication user, CsrfToken csrf) {
		return withLayout(problem(ProblemResponses.status(ex.kind()), ex.title(), ex.getMessage()), user, csrf);
	}

	@ExceptionHandler(Exception.class)
	ModelAndView failed(Exception ex, Authentication user, CsrfToken csrf) {
		if (ex instanceof ErrorResponse response) {
			HttpStatusCode status = response.getStatusCode();
			return withLayout(problem(status, HttpStatus.valueOf(status.value()).getReasonPhrase(),
					"The request could not be handled as it is."), user, csrf);
		}
		log.error("A page failed", ex);
		return withLayout(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
				"The server could not show this page; the failure has been logged."), user, csrf);
	}

	/** The problem page with the given status, title and message. */
	static ModelAndView problem(HttpStatusCode status, String title, String message) {
		ModelAndView page = new ModelAndView("problem");
		page.setStatus(status);
		page.addObject("title", title);
		page.addObject("message", message);
		return page;
	}

	/**
	 * Adds what {@link PageAttributes} adds to other pages, which exception handlers do
	 * not get.
	 */
	private static ModelAndView withLayout(ModelAndView page, Authentication user, CsrfToken csrf) {
		return page.addObject("viewer", PageAttributes.Viewer.of(user)).addObject("csrf", csrf);
	}

}
