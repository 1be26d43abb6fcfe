/** The OpenAI-compatible runtime: Chat Completions with streaming and tool calling, through LangChain4j. */
package dev.orchwiz.command.run.runtime.openai;
