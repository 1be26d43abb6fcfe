package dev.orchwiz.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Enums in JSON by their exact names only. Jackson trims a string before it matches it against the constants, so
 * {@code " plan"} was taken as {@code plan}; a client that sends it has a bug we should tell it about. Ordinals are
 * refused by {@code fail-on-numbers-for-enums}.
 */
final class StrictEnums extends SimpleModule {

    StrictEnums() {
        super("orchwiz-strict-enums");
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyEnumDeserializer(
                    DeserializationConfig config,
                    JavaType type,
                    BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                return new Exact(deserializer, type.getRawClass());
            }
        });
    }

    private static final class Exact extends DelegatingDeserializer {

        private final Class<?> type;

        Exact(ValueDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Exact(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                String text = parser.getString();
                if (!text.equals(text.strip())) {
                    return context.handleWeirdStringValue(type, text, "padded with whitespace");
                }
            }
            return super.deserialize(parser, context);
        }
    }
}
