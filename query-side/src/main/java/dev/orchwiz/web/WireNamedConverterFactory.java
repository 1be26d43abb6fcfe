package dev.orchwiz.web;

import dev.orchwiz.api.WireNamed;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;

/**
 * Lets query parameters use the same lower snake case names as JSON ({@code ?mode=auto_accept}), exactly as JSON
 * does: {@code ?mode=PLAN} or {@code ?mode=%20plan} is refused rather than guessed.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
class WireNamedConverterFactory implements ConverterFactory<String, Enum> {

    @Override
    public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
        if (!WireNamed.class.isAssignableFrom(targetType)) {
            return source -> (T) Enum.valueOf(targetType, source);
        }
        return source -> (T) WireNamed.fromWire((Class) targetType, source);
    }
}
