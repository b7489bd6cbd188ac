package io.phaseflow.api;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON on the wire: Phaseflow's own types in snake_case, and strict: a number is not a
 * string, a string is not a number, and neither is a boolean. Wrong types are rejected
 * (400) instead of silently converted. Flowable's types keep their own (camelCase) names,
 * so the Flowable REST API at {@code /process-api} answers as Flowable's clients expect.
 */
@Configuration(proxyBeanMethods = false)
class JsonSettings {

	private static final String PHASEFLOW_TYPES = "io.phaseflow.";

	@Bean
	Module snakeCaseForPhaseflowTypes() {
		return new SimpleModule("phaseflow-snake-case") {

			@Override
			public void setupModule(SetupContext context) {
				super.setupModule(context);
				context.insertAnnotationIntrospector(new NopAnnotationIntrospector() {

					@Override
					public Object findNamingStrategy(AnnotatedClass type) {
						return type.getRawType().getName().startsWith(PHASEFLOW_TYPES)
								? PropertyNamingStrategies.SNAKE_CASE : null;
					}

				});
			}

		};
	}

	@Bean
	Jackson2ObjectMapperBuilderCustomizer strictCoercion() {
		return (builder) -> builder.postConfigurer((mapper) -> {
			// a key given twice is malformed, not "the last one wins" (and a record would
			// fail on it with a 500)
			mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
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
			// no list of ours or Flowable's takes a null element, and code that loops
			// over one would fail on it with a 500
			for (Class<?> collection : new Class<?>[] { List.class, Set.class, Collection.class }) {
				mapper.configOverride(collection).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
			}
		});
	}

}
