package io.phaseflow.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A text or JSON field no larger than {@code phaseflow.limits.max-field-size}, counted in
 * UTF-8 bytes of the field's JSON; null is valid.
 */
@Documented
@Constraint(validatedBy = FieldLimitValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface WithinFieldLimit {

	String message() default "is too large";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
