package io.phaseflow.flowable.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.phaseflow.common.FieldError;
import io.phaseflow.home.PhaseflowHome;
import org.flowable.bpmn.model.FormProperty;
import org.flowable.bpmn.model.FormValue;
import org.flowable.form.model.FormField;
import org.flowable.form.model.Option;
import org.flowable.form.model.OptionFormField;
import org.flowable.form.model.SimpleFormModel;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The user-task forms of {@code forms/*.form} (Flowable form JSON), read at start. A form
 * is defined once: it gives the fields Flowable's form service shows, and the check every
 * completion of the task passes, whichever API completes it.
 */
@Component
public class TaskForms {

	public static final String FOLDER = "forms";

	static final String SUFFIX = ".form";

	private static final Set<String> OPTION_TYPES = Set.of("radio-buttons", "dropdown");

	private static final Set<String> TEXT_TYPES = Set.of("text", "multi-line-text");

	private final Map<String, SimpleFormModel> forms = new LinkedHashMap<>();

	TaskForms(PhaseflowHome home) {
		ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		for (Resource file : home.files(FOLDER, SUFFIX)) {
			SimpleFormModel form = read(json, file);
			this.forms.put(form.getKey(), form);
		}
	}

	/** The form a user task's {@code formKey} names. */
	public Optional<SimpleFormModel> find(String formKey) {
		return Optional.ofNullable((formKey != null) ? this.forms.get(formKey) : null);
	}

	/** The keys of all forms. */
	public Set<String> keys() {
		return this.forms.keySet();
	}

	/**
	 * A form field's longest text, as for a decision's comment on Phaseflow's own API.
	 */
	public static final int MAX_TEXT = 2000;

	/**
	 * What is wrong with a submission of the form: fields the form does not have,
	 * required fields missing or blank, values that are not text, longer than
	 * {@link #MAX_TEXT} or not one of a field's options.
	 */
	public List<FieldError> problems(SimpleFormModel form, Map<String, ?> values) {
		List<FieldError> problems = new ArrayList<>();
		values.keySet()
			.stream()
			.filter((name) -> form.getFields().stream().noneMatch((field) -> field.getId().equals(name)))
			.sorted()
			.forEach((name) -> problems.add(new FieldError(name, "is not a field of form " + form.getKey())));
		for (FormField field : form.getFields()) {
			Object value = values.get(field.getId());
			if (value == null || (value instanceof String text && text.isBlank())) {
				if (field.isRequired()) {
					problems.add(new FieldError(field.getId(), "is required"));
				}
			}
			else if (!(value instanceof String text)) {
				problems.add(new FieldError(field.getId(), "must be text"));
			}
			else if (text.length() > MAX_TEXT) {
				problems.add(new FieldError(field.getId(), "must be at most " + MAX_TEXT + " characters"));
			}
			else if (field instanceof OptionFormField options
					&& options.getOptions().stream().noneMatch((option) -> option.getId().equals(text))) {
				problems.add(new FieldError(field.getId(), "must be one of: " + String.join(", ", optionIds(options))));
			}
		}
		return problems;
	}

	/**
	 * The form's fields as BPMN form properties, which Flowable's form service shows: an
	 * option field as an {@code enum} with its options, a text field as a {@code string}.
	 */
	static List<FormProperty> properties(SimpleFormModel form) {
		return form.getFields().stream().map(TaskForms::property).toList();
	}

	private static FormProperty property(FormField field) {
		FormProperty property = new FormProperty();
		property.setId(field.getId());
		property.setName(field.getName());
		property.setRequired(field.isRequired());
		property.setReadable(true);
		property.setWriteable(true);
		if (field instanceof OptionFormField options) {
			property.setType("enum");
			property.setFormValues(options.getOptions().stream().map((option) -> {
				FormValue value = new FormValue();
				value.setId(option.getId());
				value.setName(option.getName());
				return value;
			}).toList());
		}
		else {
			property.setType("string");
		}
		return property;
	}

	private static List<String> optionIds(OptionFormField field) {
		return field.getOptions().stream().map(Option::getId).toList();
	}

	private static SimpleFormModel read(ObjectMapper json, Resource file) {
		SimpleFormModel form;
		try (InputStream in = file.getInputStream()) {
			form = json.readValue(in, SimpleFormModel.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read form " + file.getDescription() + ": " + ex.getMessage(), ex);
		}
		List<String> problems = new ArrayList<>();
		if (form.getKey() == null || form.getKey().isBlank()) {
			problems.add("has no key");
		}
		if (form.getFields() == null || form.getFields().isEmpty()) {
			problems.add("has no fields");
		}
		else {
			for (FormField field : form.getFields()) {
				if (field.getId() == null || field.getId().isBlank()) {
					problems.add("has a field without an id");
				}
				else if (field instanceof OptionFormField options) {
					if (!OPTION_TYPES.contains(field.getType()) || options.getOptions() == null
							|| options.getOptions().isEmpty()) {
						problems.add("field " + field.getId() + " must be one of " + OPTION_TYPES + " with options");
					}
				}
				else if (!TEXT_TYPES.contains(field.getType())) {
					problems.add("field " + field.getId() + " has type " + field.getType() + "; supported: "
							+ OPTION_TYPES + " (as OptionFormField) and " + TEXT_TYPES);
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Form " + file.getDescription() + " " + String.join("; ", problems));
		}
		return form;
	}

}
