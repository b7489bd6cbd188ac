package io.phaseflow.common;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Checks {@link WithinFieldLimit}. Spring's validator factory injects the configured
 * limits; a validator built without Spring (a plain Bean Validation factory) uses the
 * defaults.
 */
public class FieldLimitValidator implements ConstraintValidator<WithinFieldLimit, Object> {

	private static final ObjectMapper JSON = new ObjectMapper();

	private Limits limits = Limits.defaults();

	@Autowired(required = false)
	void setLimits(Limits limits) {
		this.limits = limits;
	}

	@Override
	public boolean isValid(Object value, ConstraintValidatorContext context) {
		long max = this.limits.maxFieldSize().toBytes();
		if (value == null || bytes(value) <= max) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		context
			.buildConstraintViolationWithTemplate("must be at most " + max + " bytes (phaseflow.limits.max-field-size)")
			.addConstraintViolation();
		return false;
	}

	private static long bytes(Object value) {
		if (value instanceof CharSequence text) {
			return text.toString().getBytes(StandardCharsets.UTF_8).length;
		}
		try {
			return JSON.writeValueAsBytes(value).length;
		}
		catch (JsonProcessingException ex) {
			return Long.MAX_VALUE;
		}
	}

}
