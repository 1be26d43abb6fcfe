package dev.orchwiz.bench;

import java.util.Locale;

/** A markdown builder with pipe tables, and the number formats the report and the log share. */
final class Markdown {
    private final StringBuilder text = new StringBuilder();

    void line() {
        text.append('\n');
    }

    void line(String line) {
        text.append(line).append('\n');
    }

    void table(String... headers) {
        row(headers);
        StringBuilder rule = new StringBuilder("|");
        for (int i = 0; i < headers.length; i++) {
            rule.append("---|");
        }
        line(rule.toString());
    }

    void row(String... cells) {
        StringBuilder row = new StringBuilder("|");
        for (String cell : cells) {
            row.append(' ').append(cell).append(" |");
        }
        line(row.toString());
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String verdict(boolean met) {
        return met ? "met" : "**MISSED**";
    }

    static String fmt(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    static String mb(Long kb) {
        return kb == null ? "n/a" : fmt(kb / 1024.0, 0) + " MiB";
    }

    static String joined(int[] values) {
        StringBuilder text = new StringBuilder();
        for (int value : values) {
            text.append(text.length() == 0 ? "" : ",").append(value);
        }
        return text.toString();
    }
}
