package io.phaseflow.api;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Path tricks ({@code %2F}, {@code ..}, {@code ;}) are refused with a 400 problem by
 * Spring Security's firewall instead of an HTML page from the servlet container.
 */
@Configuration(proxyBeanMethods = false)
class ServletSettings {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> passEncodedSlashesToTheFirewall() {
		return (factory) -> factory
			.addConnectorCustomizers((connector) -> connector.setEncodedSolidusHandling("passthrough"));
	}

	@Bean
	RequestRejectedHandler rejectedRequests(ProblemResponses problems) {
		return (request, response, ex) -> problems.write(request, response, HttpStatus.BAD_REQUEST, "Bad request",
				"The request path is not allowed", null);
	}

}
