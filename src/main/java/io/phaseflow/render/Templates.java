package io.phaseflow.render;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.phaseflow.home.PhaseflowHome;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * FreeMarker over the {@code templates/} folder (the working copy first, then the jar),
 * configured safe: no {@code ?new} of arbitrary classes, no {@code ?api}, errors stop
 * rendering instead of printing, and values from the data are output as text, never
 * evaluated as templates.
 */
@Component
public class Templates {

	private final Configuration freemarker;

	public Templates(PhaseflowHome home) {
		Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
		configuration.setTemplateLoader(new HomeTemplateLoader(home));
		configuration.setDefaultEncoding(StandardCharsets.UTF_8.name());
		configuration.setLocale(Locale.ROOT);
		configuration.setNumberFormat("c");
		configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
		configuration.setAPIBuiltinEnabled(false);
		configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
		configuration.setLogTemplateExceptions(false);
		configuration.setWrapUncheckedExceptions(true);
		configuration.setFallbackOnNullLoopVariable(false);
		this.freemarker = configuration;
	}

	/**
	 * Renders {@code templates/<name>} with the data.
	 * @throws TemplateFailed if the template is missing or fails
	 */
	public String render(String name, Map<String, ?> data) {
		try {
			Template template = this.freemarker.getTemplate(name);
			StringWriter out = new StringWriter();
			template.process(data, out);
			return out.toString();
		}
		catch (IOException | TemplateException ex) {
			throw new TemplateFailed(name, ex);
		}
	}

	/** A template that could not be found or rendered. */
	public static class TemplateFailed extends RuntimeException {

		TemplateFailed(String name, Exception cause) {
			super("Template templates/" + name + " failed: " + cause.getMessage(), cause);
		}

	}

	/** Loads templates through {@link PhaseflowHome}, so a working-copy template wins. */
	private record HomeTemplateLoader(PhaseflowHome home) implements TemplateLoader {

		@Override
		public Object findTemplateSource(String name) {
			return this.home.file("templates", name).orElse(null);
		}

		@Override
		public long getLastModified(Object source) {
			try {
				return ((Resource) source).lastModified();
			}
			catch (IOException ex) {
				return -1;
			}
		}

		@Override
		public Reader getReader(Object source, String encoding) throws IOException {
			return new InputStreamReader(((Resource) source).getInputStream(), encoding);
		}

		@Override
		public void closeTemplateSource(Object source) {
		}

	}

}
