package dev.weft.loadtest.report;

import java.util.List;

/**
 * A titled table of already formatted cells, rendered as Markdown or HTML.
 *
 * @param title   the heading above it
 * @param note    a sentence under the heading; empty for none
 * @param headers the column headers
 * @param rows    the rows, each as long as {@code headers}
 */
public record Table(String title, String note, List<String> headers, List<List<String>> rows) {

    /** Validates. */
    public Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException(title + ": row has " + row.size() + " cells for "
                        + headers.size() + " headers: " + row);
            }
        }
    }

    /** The table as GitHub-flavoured Markdown. */
    public String markdown() {
        StringBuilder out = new StringBuilder("### ").append(title).append("\n\n");
        if (!note.isEmpty()) {
            out.append(note).append("\n\n");
        }
        out.append("| ").append(String.join(" | ", headers)).append(" |\n|");
        headers.forEach(h -> out.append(" --- |"));
        out.append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.append('\n').toString();
    }

    /** The table as an HTML fragment. */
    public String html() {
        StringBuilder out = new StringBuilder("<h3>").append(escape(title)).append("</h3>\n");
        if (!note.isEmpty()) {
            out.append("<p>").append(escape(note)).append("</p>\n");
        }
        out.append("<table>\n<tr>");
        headers.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
        out.append("</tr>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td>").append(escape(cell)).append("</td>"));
            out.append("</tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
