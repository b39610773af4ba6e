package org.clinlead.core.ui.charts;

import com.vaadin.flow.component.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A line chart of values over periods, one or more series, with an optional target as a dashed
 * line, rendered on the server as SVG: no frontend bundle, and it prints as it shows (black on
 * white: the second series is drawn dashed with hollow markers, so no colour is needed).
 */
public final class LineChart {

    private LineChart() {
    }

    /** One point: its label on the x axis (e.g. "2026-03") and its value. */
    public record Point(String label, double value) {
    }

    /** A named series over the chart's labels; a null value is a gap. */
    public record Series(String name, List<Double> values) {
    }

    public static Html render(String title, List<Point> points, Double target, String unit) {
        return render(title, points.stream().map(Point::label).toList(),
                List.of(new Series("", points.stream().map(p -> (Double) p.value()).toList())), target, unit);
    }

    public static Html render(String title, List<String> labels, List<Series> series, Double target, String unit) {
        int left = 60;
        int top = 16;
        int plotWidth = 640;
        int plotHeight = 220;
        int legend = series.size() > 1 ? 18 : 0;
        int width = left + plotWidth + 20;
        int height = top + plotHeight + 46 + legend;
        List<Double> all = new ArrayList<>();
        series.forEach(s -> s.values().stream().filter(Objects::nonNull).forEach(all::add));
        double min = all.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = all.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (target != null) {
            min = Math.min(min, target);
            max = Math.max(max, target);
        }
        min = Math.min(0, min);
        if (max <= min) {
            max = min + 1;
        }
        max = max + (max - min) * 0.08;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"line-chart\" "
                + "role=\"img\" viewBox=\"0 0 %d %d\" width=\"100%%\" preserveAspectRatio=\"xMinYMin meet\"><title>%s</title>",
                width, height, DotChart.esc(title)));
        for (int i = 0; i <= 4; i++) {
            double v = min + (max - min) * i / 4;
            double y = y(v, min, max, top, plotHeight);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dee2e6\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\">%s</text>",
                    left, y, left + plotWidth, y, left - 6, y + 4, format(v)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", 4, top - 4, DotChart.esc(unit)));
        if (target != null) {
            double y = y(target, min, max, top, plotHeight);
            svg.append(String.format(Locale.ROOT, "<line class=\"target\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#000\" "
                    + "stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\">"
                    + "target %s</text>", left, y, left + plotWidth, y, left + plotWidth, y - 4, format(target)));
        }
        int n = labels.size();
        int labelEvery = Math.max(1, (int) Math.ceil(n / 8.0));
        for (int i = 0; i < n; i++) {
            if (i % labelEvery == 0 || i == n - 1) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">%s</text>",
                        x(i, n, left, plotWidth), top + plotHeight + 18, DotChart.esc(labels.get(i))));
            }
        }
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            boolean first = s == 0;
            StringBuilder line = new StringBuilder();
            StringBuilder markers = new StringBuilder();
            for (int i = 0; i < n && i < one.values().size(); i++) {
                Double value = one.values().get(i);
                if (value == null) {
                    continue;
                }
                double x = x(i, n, left, plotWidth);
                double y = y(value, min, max, top, plotHeight);
                line.append(line.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
                markers.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\" stroke=\"#1f4e79\" "
                        + "stroke-width=\"1.5\"><title>%s%s: %s</title></circle>", x, y, first ? "#1f4e79" : "#fff",
                        one.name().isEmpty() ? "" : DotChart.esc(one.name()) + ", ", DotChart.esc(labels.get(i)), format(value)));
            }
            if (line.indexOf(" ") > 0) {
                svg.append("<polyline fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\"").append(first ? "" : " stroke-dasharray=\"5 3\"")
                        .append(" points=\"").append(line).append("\"/>");
            }
            svg.append(markers);
            if (legend > 0) {
                int lx = left + s * 260;
                int ly = top + plotHeight + 38;
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#1f4e79\" stroke-width=\"2\"%s/>"
                                + "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"%s\" stroke=\"#1f4e79\" stroke-width=\"1.5\"/>"
                                + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>",
                        lx, ly, lx + 28, ly, first ? "" : " stroke-dasharray=\"5 3\"", lx + 14, ly, first ? "#1f4e79" : "#fff",
                        lx + 34, ly + 4, DotChart.esc(one.name())));
            }
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>",
                left, top + plotHeight, left + plotWidth, top + plotHeight));
        return new Html("<div class=\"chart\">" + svg.append("</svg>") + "</div>");
    }

    private static double x(int i, int n, int left, int plotWidth) {
        return left + (n == 1 ? plotWidth / 2.0 : plotWidth * i / (double) (n - 1));
    }

    private static double y(double value, double min, double max, int top, int plotHeight) {
        return top + plotHeight - (value - min) / (max - min) * plotHeight;
    }

    static String format(double value) {
        return Math.abs(value) >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
