package dev.orchwiz.command.run.runtime.openai;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.output.FinishReason;
import dev.orchwiz.api.run.RequestedTool;
import dev.orchwiz.api.run.RunFailure;
import dev.orchwiz.command.run.runtime.ChatTurn;
import dev.orchwiz.command.run.runtime.RuntimeFailure;
import dev.orchwiz.command.run.runtime.ToolSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Our conversation and tools in LangChain4j's terms, and the model's tool calls back in ours. */
final class ChatCompletionsTranslation {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};

    private ChatCompletionsTranslation() {}

    static List<ChatMessage> messages(List<ChatTurn> conversation) {
        List<ChatMessage> messages = new ArrayList<>(conversation.size());
        for (ChatTurn turn : conversation) {
            String text = turn.text() == null ? "" : turn.text();
            switch (turn.role()) {
                case SYSTEM -> {
                    // LangChain4j refuses a blank system message, and an empty one tells the model nothing.
                    if (!text.isBlank()) {
                        messages.add(SystemMessage.from(text));
                    }
                }
                case USER -> messages.add(UserMessage.from(text));
                case ASSISTANT -> messages.add(assistant(text, turn.toolCalls()));
                case TOOL -> messages.add(ToolExecutionResultMessage.from(turn.toolCallId(), turn.toolName(), text));
            }
        }
        return messages;
    }

    private static AiMessage assistant(String text, List<RequestedTool> calls) {
        if (calls.isEmpty()) {
            return AiMessage.from(text);
        }
        List<ToolExecutionRequest> requests = calls.stream()
                .map(call -> ToolExecutionRequest.builder()
                        .id(call.id())
                        .name(call.name())
                        .arguments(JSON.writeValueAsString(call.input() == null ? Map.of() : call.input()))
                        .build())
                .toList();
        // Chat Completions sends a tool-calling turn's content as null when there is none, not as "".
        return AiMessage.from(text.isEmpty() ? null : text, requests);
    }

    static List<ToolSpecification> tools(List<ToolSpec> tools) {
        return tools.stream().map(ChatCompletionsTranslation::tool).toList();
    }

    /**
     * A tool's JSON Schema as given: the top level is an object by definition, and each property keeps its own schema
     * verbatim (nested objects, arrays, enums) instead of being squeezed through LangChain4j's typed schema classes.
     * The top level's {@code additionalProperties} is not passed: LangChain4j sends it only for strict tools, which
     * this runtime does not ask for; the control plane checks a call's input anyway.
     */
    private static ToolSpecification tool(ToolSpec tool) {
        ToolSpecification.Builder builder = ToolSpecification.builder().name(tool.name());
        if (tool.description() != null && !tool.description().isBlank()) {
            builder.description(tool.description());
        }
        Map<String, Object> schema = tool.parameters() == null ? Map.of() : tool.parameters();
        JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((name, property) -> parameters.addProperty(
                    String.valueOf(name), JsonRawSchema.from(JSON.writeValueAsString(property))));
        }
        if (schema.get("required") instanceof List<?> required) {
            parameters.required(required.stream().map(String::valueOf).toList());
        }
        if (schema.get("description") instanceof String description) {
            parameters.description(description);
        }
        return builder.parameters(parameters.build()).build();
    }

    /** The tools the model asked for; arguments that are not a JSON object make the whole answer invalid. */
    static List<RequestedTool> requestedTools(AiMessage answer) throws RuntimeFailure {
        if (answer == null || !answer.hasToolExecutionRequests()) {
            return List.of();
        }
        List<RequestedTool> calls = new ArrayList<>();
        for (ToolExecutionRequest request : answer.toolExecutionRequests()) {
            if (request.name() == null || request.name().isBlank()) {
                throw new RuntimeFailure(
                        RunFailure.RUNTIME_BAD_RESPONSE, "The model asked for a tool call without a tool name", false);
            }
            // Some servers leave the id out; the tool result must still name the call it answers.
            String id = request.id() == null || request.id().isBlank() ? "call-" + (calls.size() + 1) : request.id();
            calls.add(new RequestedTool(id, request.name(), arguments(request)));
        }
        return calls;
    }

    private static Map<String, Object> arguments(ToolExecutionRequest request) throws RuntimeFailure {
        String arguments = request.arguments();
        if (arguments == null || arguments.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(arguments, OBJECT);
        } catch (JacksonException notAnObject) {
            throw new RuntimeFailure(
                    RunFailure.RUNTIME_BAD_RESPONSE,
                    "The model's arguments for tool " + request.name() + " are not a JSON object",
                    false);
        }
    }

    /** Chat Completions' own words, as the local runtime uses them too; null when the server sent none. */
    static String finishReason(FinishReason reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case TOOL_EXECUTION -> "tool_calls";
            case CONTENT_FILTER -> "content_filter";
            case OTHER -> "other";
        };
    }
}
