package dev.weft.soak;

import java.util.List;

/**
 * Whether a metric trends up: the least-squares line through the post-warm-up samples
 * {@code (seconds, value)}, and the rise of that line from the first of those samples to the last
 * ({@code growth = slope × span}), compared with what the metric allows: {@code
 * max(relativeAllowance × mean, absoluteAllowance)}. A least-squares line rather than "last minus
 * first" so that one sample taken at a busy moment neither fails nor hides a leak; the allowance
 * relative to the mean so that a 10-minute run can tell a leak of a few per cent from a plateau.
 *
 * @param metric         what was measured
 * @param points         how many samples the line is fitted to
 * @param meanSeconds    the mean of their times, in seconds since the load started
 * @param mean           the mean of their values
 * @param slopePerSecond the slope of the line, per second
 * @param growth         the rise of the line over the samples' span
 * @param allowed        the largest rise that is not a trend
 */
public record Trend(Metric metric, int points, double meanSeconds, double mean, double slopePerSecond, double growth, double allowed) {

    /** The fewest samples a trend is fitted to. */
    public static final int MIN_POINTS = 3;

    /**
     * Fits the line to {@code samples}.
     *
     * @throws IllegalArgumentException with fewer than {@link #MIN_POINTS} samples
     */
    public static Trend of(Metric metric, List<Sample> samples) {
        int n = samples.size();
        if (n < MIN_POINTS) {
            throw new IllegalArgumentException("a trend needs at least " + MIN_POINTS + " samples, not " + n);
        }
        double sumX = 0;
        double sumY = 0;
        for (Sample s : samples) {
            sumX += seconds(s);
            sumY += metric.of(s);
        }
        double meanX = sumX / n;
        double meanY = sumY / n;
        double covariance = 0;
        double variance = 0;
        for (Sample s : samples) {
            double dx = seconds(s) - meanX;
            covariance += dx * (metric.of(s) - meanY);
            variance += dx * dx;
        }
        double slope = variance == 0 ? 0 : covariance / variance;
        double span = seconds(samples.get(n - 1)) - seconds(samples.get(0));
        double allowed = Math.max(metric.relativeAllowance() * meanY, metric.absoluteAllowance());
        return new Trend(metric, n, meanX, meanY, slope, slope * span, allowed);
    }

    /** Whether the metric rose by more than it is allowed to: a leak, as far as the soak test can tell. */
    public boolean risesTooMuch() {
        return growth > allowed;
    }

    /** The value of the fitted line at {@code seconds} since the load started. */
    public double lineAt(double seconds) {
        return mean + slopePerSecond * (seconds - meanSeconds);
    }

    private static double seconds(Sample s) {
        return s.elapsed().toMillis() / 1000.0;
    }
}
