package io.phaseflow.api;

import java.util.List;

import com.fasterxml.jackson.databind.Module;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.providers.ObjectMapperProvider;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs}: every operation takes a bearer token,
 * so Swagger UI's "Authorize" button asks for one.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

	private static final String BEARER = "bearer-token";

	/**
	 * Describes Phaseflow's types with the names they have on the wire (snake_case):
	 * springdoc reads types with a mapper of its own.
	 */
	@Bean
	SmartInitializingSingleton wireNamesInTheDocs(ObjectMapperProvider docs, List<Module> modules) {
		return () -> modules.forEach((module) -> {
			docs.jsonMapper().registerModule(module);
			docs.yamlMapper().registerModule(module);
		});
	}

	@Bean
	OpenAPI phaseflowApi() {
		return new OpenAPI()
			.info(new Info().title("Phaseflow API")
				.description("Sprints, tasks, agents and the event log of Phaseflow. "
						+ "Errors are application/problem+json with per-field errors.")
				.version("v1"))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("A Phaseflow API token; the first ADMIN token is in data/admin.token")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

}
