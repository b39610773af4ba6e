package org.clinlead.core.ui.charts;

import com.vaadin.flow.component.Html;
import java.util.List;
import java.util.Locale;

/**
 * A scatter plot of (x, y) pairs with an optional fitted line y = intercept + slope x, rendered on
 * the server as SVG (no frontend bundle; prints black on white). Points are unnamed.
 */
public final class ScatterChart {

    private ScatterChart() {
    }

    public record Point(double x, double y) {
    }

    public static Html render(String title, List<Point> points, String xLabel, String yLabel, Double slope, Double intercept) {
        int left = 60;
        int top = 20;
        int plotWidth = 560;
        int plotHeight = 300;
        int width = left + plotWidth + 20;
        int height = top + plotHeight + 50;
        double minX = Math.min(0, points.stream().mapToDouble(Point::x).min().orElse(0));
        double maxX = Math.max(0, points.stream().mapToDouble(Point::x).max().orElse(1));
        double minY = Math.min(0, points.stream().mapToDouble(Point::y).min().orElse(0));
        double maxY = Math.max(0, points.stream().mapToDouble(Point::y).max().orElse(1));
        if (maxX <= minX) {
            maxX = minX + 1;
        }
        if (maxY <= minY) {
            maxY = minY + 1;
        }
        double padX = (maxX - minX) * 0.05;
        double padY = (maxY - minY) * 0.05;
        Scale sx = new Scale(minX - padX, maxX + padX, left, left + plotWidth);
        Scale sy = new Scale(minY - padY, maxY + padY, top + plotHeight, top);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"scatter-chart\" "
                + "role=\"img\" viewBox=\"0 0 %d %d\" width=\"100%%\" preserveAspectRatio=\"xMinYMin meet\"><title>%s</title>",
                width, height, DotChart.esc(title)));
        for (int i = 0; i <= 4; i++) {
            double vx = sx.min + (sx.max - sx.min) * i / 4;
            double vy = sy.min + (sy.max - sy.min) * i / 4;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dee2e6\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\">%s</text>",
                    left, sy.at(vy), left + plotWidth, sy.at(vy), left - 6, sy.at(vy) + 4, number(vy)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">%s</text>",
                    sx.at(vx), top + plotHeight + 16, number(vx)));
        }
        // the zero axes, solid
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#6c757d\"/>"
                        + "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#6c757d\"/>",
                sx.at(0), top, sx.at(0), top + plotHeight, left, sy.at(0), left + plotWidth, sy.at(0)));
        for (Point p : points) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"none\" stroke=\"#1f4e79\" "
                    + "stroke-width=\"1.5\"/>", sx.at(p.x()), sy.at(p.y())));
        }
        if (slope != null && intercept != null) {
            double x1 = sx.min;
            double x2 = sx.max;
            svg.append(String.format(Locale.ROOT, "<line class=\"fit\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\" "
                            + "stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>",
                    sx.at(x1), clamp(sy.at(intercept + slope * x1), top, top + plotHeight),
                    sx.at(x2), clamp(sy.at(intercept + slope * x2), top, top + plotHeight)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">%s</text>",
                left + plotWidth / 2, height - 8, DotChart.esc(xLabel)));
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"12\">%s</text>", top - 6, DotChart.esc(yLabel)));
        return new Html("<div class=\"chart\">" + svg.append("</svg>") + "</div>");
    }

    private static double clamp(double v, double low, double high) {
        return Math.max(low, Math.min(high, v));
    }

    private static String number(double v) {
        return Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private record Scale(double min, double max, double from, double to) {
        double at(double v) {
            return from + (v - min) / (max - min) * (to - from);
        }
    }
}
