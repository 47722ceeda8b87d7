package dev.weft.soak;

import java.util.List;
import java.util.Locale;

/**
 * A self-contained SVG chart of a soak run: one panel per {@link Metric}, its samples as a line,
 * the end of warm-up as a dashed rule and the fitted trend over the rest, green when within its
 * allowance and red when it rises too much.
 */
final class SoakChart {

    private static final int WIDTH = 900;
    private static final int PANEL_HEIGHT = 190;
    private static final int LEFT = 90;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 30;

    private SoakChart() {
    }

    /** The chart of {@code samples}, warm-up ending at {@code warmUpSeconds}, with their trends. */
    static String svg(List<Sample> samples, double warmUpSeconds, List<Trend> trends) {
        StringBuilder svg = new StringBuilder();
        int height = PANEL_HEIGHT * Metric.values().length;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        for (Metric metric : Metric.values()) {
            Trend trend = trends.stream().filter(t -> t.metric() == metric).findFirst().orElse(null);
            panel(svg, metric.ordinal() * PANEL_HEIGHT, metric, samples, warmUpSeconds, trend);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder svg, int top, Metric metric, List<Sample> samples,
                              double warmUpSeconds, Trend trend) {
        double maxX = Math.max(1, seconds(samples.get(samples.size() - 1)));
        double minY = samples.stream().mapToLong(metric::of).min().orElse(0);
        double maxY = samples.stream().mapToLong(metric::of).max().orElse(1);
        double pad = Math.max(1, (maxY - minY) * 0.1);
        Scale scale = new Scale(top, maxX, Math.max(0, minY - pad), maxY + pad);
        String verdict = trend == null ? "too few samples after warm-up"
                : (trend.risesTooMuch() ? "RISES: " : "flat: ") + "trend " + metric.format(trend.growth())
                  + " over the run after warm-up, allowed " + metric.format(trend.allowed());
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s — %s</text>%n",
                LEFT, top + 18, metric.label(), escape(verdict)));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
                LEFT, top + TOP, WIDTH - LEFT - RIGHT, PANEL_HEIGHT - TOP - BOTTOM));
        axisLabel(svg, LEFT - 6, scale.y(scale.maxY()) + 4, metric.format(scale.maxY()));
        axisLabel(svg, LEFT - 6, scale.y(scale.minY()) + 4, metric.format(scale.minY()));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"end\">%.0f s</text>%n",
                scale.x(maxX), top + PANEL_HEIGHT - 10, maxX));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\" stroke-dasharray=\"4 4\"/>%n",
                scale.x(warmUpSeconds), top + TOP, scale.x(warmUpSeconds), top + PANEL_HEIGHT - BOTTOM));
        StringBuilder points = new StringBuilder();
        for (Sample s : samples) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", scale.x(seconds(s)), scale.y(metric.of(s))));
        }
        svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"1.5\"/>%n",
                points.toString().strip()));
        if (trend != null) {
            double from = samples.stream().mapToDouble(SoakChart::seconds).filter(x -> x >= warmUpSeconds).min().orElse(0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    scale.x(from), scale.y(trend.lineAt(from)), scale.x(maxX), scale.y(trend.lineAt(maxX)),
                    trend.risesTooMuch() ? "#c62828" : "#2e7d32"));
        }
    }

    private static void axisLabel(StringBuilder svg, int x, double y, String text) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", x, y, escape(text)));
    }

    private static double seconds(Sample s) {
        return s.elapsed().toMillis() / 1000.0;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Maps seconds and values to the pixels of one panel. */
    private record Scale(int top, double maxX, double minY, double maxY) {

        double x(double seconds) {
            return LEFT + seconds / maxX * (WIDTH - LEFT - RIGHT);
        }

        double y(double value) {
            double plotHeight = PANEL_HEIGHT - TOP - BOTTOM;
            double clamped = Math.max(minY, Math.min(maxY, value));
            return top + TOP + plotHeight - (clamped - minY) / (maxY - minY) * plotHeight;
        }
    }
}
