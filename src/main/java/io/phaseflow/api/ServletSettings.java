package io.phaseflow.api;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

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

	/**
	 * An encoded backslash ({@code %5C}) reaches the firewall too, and what Tomcat
	 * refuses itself (e.g. {@code %00} in the path) is answered as a problem by
	 * {@link ProblemReportValve} instead of Tomcat's HTML error page.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemsFromTheContainer() {
		return (factory) -> {
			factory.addConnectorCustomizers((connector) -> connector.setEncodedReverseSolidusHandling("passthrough"));
			factory.addContextCustomizers((context) -> {
				if (context.getParent() instanceof StandardHost host) {
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
							host.getPipeline().removeValve(valve);
						}
					}
					host.setErrorReportValveClass(ProblemReportValve.class.getName());
				}
			});
		};
	}

	@Bean
	RequestRejectedHandler rejectedRequests(ProblemResponses problems) {
		return (request, response, ex) -> problems.write(request, response, HttpStatus.BAD_REQUEST, "Bad request",
				"The request path is not allowed", null);
	}

}
