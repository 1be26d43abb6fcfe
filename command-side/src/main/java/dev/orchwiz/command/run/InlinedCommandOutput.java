package dev.orchwiz.command.run;

import java.util.List;

/**
 * Puts the output of a prompt command's {@code !`cmd`} calls into its prompt, each in place of its marker, in order:
 * the prompt and the commands come from one rendering, so the i-th command's marker is the first one after the
 * (i-1)-th.
 */
final class InlinedCommandOutput {

    private InlinedCommandOutput() {}

    static String into(String prompt, List<String> commands, List<String> outputs) {
        StringBuilder text = new StringBuilder();
        StringBuilder unplaced = new StringBuilder();
        int from = 0;
        for (int i = 0; i < commands.size(); i++) {
            String marker = "!`" + commands.get(i) + "`";
            int at = prompt.indexOf(marker, from);
            String output = i < outputs.size() ? outputs.get(i).strip() : "";
            if (at < 0) {
                // Never expected (one rendering made both); the output is still the model's, after the prompt.
                unplaced.append("\n\n").append(commands.get(i)).append(":\n").append(output);
                continue;
            }
            text.append(prompt, from, at).append(output);
            from = at + marker.length();
        }
        return text.append(prompt.substring(from)).append(unplaced).toString();
    }
}
