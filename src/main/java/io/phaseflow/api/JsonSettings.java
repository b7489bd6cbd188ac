package io.phaseflow.api;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Strict JSON on the wire: a number is not a string, a string is not a number, and
 * neither is a boolean. Wrong types are rejected (400) instead of silently converted.
 */
@Configuration(proxyBeanMethods = false)
class JsonSettings {

	@Bean
	Jackson2ObjectMapperBuilderCustomizer strictCoercion() {
		return (builder) -> builder.postConfigurer((mapper) -> {
			mapper.coercionConfigFor(LogicalType.Textual)
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
			for (LogicalType number : new LogicalType[] { LogicalType.Integer, LogicalType.Float }) {
				mapper.coercionConfigFor(number)
					.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
			}
			mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
			mapper.coercionConfigFor(LogicalType.Boolean)
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail);
			mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
		});
	}

}
