package dev.weft.loadtest.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Draws small charts as inline SVG, with no script and nothing fetched: a line chart over
 * ordinal x categories (connection counts) and a grouped bar chart.
 */
final class SvgChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;
    private static final int LEFT = 70;
    private static final int RIGHT = 150;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;
    private static final List<String> COLOURS = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b");

    private SvgChart() {
    }

    /** One line per series over the categories; missing points leave a gap. */
    static String lines(String title, String yLabel, List<String> categories, Map<String, List<OptionalDouble>> series) {
        double max = niceMax(series.values().stream().flatMap(List::stream)
                .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).max().orElse(1));
        StringBuilder svg = frame(title, yLabel, categories, max);
        int s = 0;
        for (Map.Entry<String, List<OptionalDouble>> line : series.entrySet()) {
            String colour = COLOURS.get(s % COLOURS.size());
            StringBuilder path = new StringBuilder();
            List<OptionalDouble> points = line.getValue();
            for (int i = 0; i < points.size(); i++) {
                if (points.get(i).isPresent()) {
                    double x = x(i, categories.size());
                    double y = y(points.get(i).getAsDouble(), max);
                    path.append(path.isEmpty() ? "M" : "L").append(f(x)).append(',').append(f(y)).append(' ');
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\"/>%n",
                            f(x), f(y), colour));
                }
            }
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"2\"/>\n");
            legend(svg, s++, line.getKey(), colour);
        }
        return svg.append("</svg>\n").toString();
    }

    /** One group of bars per category, one bar per series. */
    static String bars(String title, String yLabel, List<String> categories, Map<String, List<Double>> series) {
        double max = niceMax(series.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).max().orElse(1));
        StringBuilder svg = frame(title, yLabel, categories, max);
        double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, categories.size());
        double bar = slot * 0.8 / Math.max(1, series.size());
        int s = 0;
        for (Map.Entry<String, List<Double>> entry : series.entrySet()) {
            String colour = COLOURS.get(s % COLOURS.size());
            for (int i = 0; i < entry.getValue().size(); i++) {
                double value = Math.max(0, entry.getValue().get(i));
                double x = LEFT + i * slot + slot * 0.1 + s * bar;
                double y = y(value, max);
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"><title>%s %s: %s</title></rect>%n",
                        f(x), f(y), f(bar), f(HEIGHT - BOTTOM - y), colour, Table.escape(entry.getKey()),
                        Table.escape(categories.get(i)), f(value)));
            }
            legend(svg, s++, entry.getKey(), colour);
        }
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder frame(String title, String yLabel, List<String> categories, double max) {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"13\" font-weight=\"bold\">%s</text>%n",
                LEFT, Table.escape(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">%s</text>%n",
                (TOP + HEIGHT - BOTTOM) / 2, (TOP + HEIGHT - BOTTOM) / 2, Table.escape(yLabel)));
        for (int t = 0; t <= 4; t++) {
            double value = max * t / 4;
            double y = y(value, max);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%s\" text-anchor=\"end\">%s</text>%n", LEFT, f(y), WIDTH - RIGHT, f(y),
                    LEFT - 6, f(y + 4), label(value)));
        }
        for (int i = 0; i < categories.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    f(x(i, categories.size())), HEIGHT - BOTTOM + 16, Table.escape(categories.get(i))));
        }
        return svg;
    }

    private static void legend(StringBuilder svg, int index, String name, String colour) {
        int y = TOP + 10 + index * 18;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"%d\">%s</text>%n", WIDTH - RIGHT + 12, y - 10, colour, WIDTH - RIGHT + 30, y,
                Table.escape(name)));
    }

    private static double x(int index, int count) {
        double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, count);
        return LEFT + slot * (index + 0.5);
    }

    private static double y(double value, double max) {
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * value / max;
    }

    private static double niceMax(double max) {
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String label(double value) {
        if (value >= 1_000_000) {
            return f(value / 1_000_000) + "M";
        }
        if (value >= 1_000) {
            return f(value / 1_000) + "k";
        }
        return f(value);
    }

    private static String f(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
