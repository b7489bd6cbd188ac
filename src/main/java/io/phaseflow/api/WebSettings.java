package io.phaseflow.api;

import io.phaseflow.common.WireValue;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query parameters name enumeration values the way JSON bodies do ({@code in_progress},
 * {@code P1}).
 */
@Configuration(proxyBeanMethods = false)
class WebSettings implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverterFactory(new WireEnumConverters());
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	static final class WireEnumConverters implements ConverterFactory<String, Enum> {

		@Override
		public <T extends Enum> Converter<String, T> getConverter(Class<T> type) {
			return (source) -> {
				if (source.isBlank()) {
					return null;
				}
				return (T) WireValue.parse(type, source);
			};
		}

	}

}
