package dev.orchwiz.command.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A Markdown file handed to the browser as a download (an exported Claude Code command or agent file). */
public final class MarkdownAttachment {

    private static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

    private MarkdownAttachment() {}

    public static ResponseEntity<byte[]> of(String fileName, String text) {
        return ResponseEntity.ok()
                .contentType(MARKDOWN)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(text.getBytes(StandardCharsets.UTF_8));
    }
}
