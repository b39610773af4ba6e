package org.clinlead.core.ui.charts;

import com.vaadin.flow.component.Html;
import java.util.List;
import java.util.Locale;

/**
 * A dot plot rendered on the server as SVG (no frontend bundle): one row per item on a numeric
 * scale, each row with markers such as "required level", "self" and "others". Prints as it shows.
 */
public final class DotChart {

    /** A generous average advance of a 12-unit sans-serif character: how wide the charts make room for text. */
    static final double CHAR_WIDTH = 7;

    /** How a marker is drawn: a vertical bar, a filled dot or an open ring, in a colour. */
    public enum Shape { BAR, DOT, RING }

    public record Series(String name, Shape shape, String colour) {
    }

    public record Marker(Series series, double value) {
    }

    public record Row(String label, List<Marker> markers) {
    }

    private DotChart() {
    }

    /**
     * @param min        the scale's first value
     * @param max        the scale's last value
     * @param tickLabels labels of the scale's values min..max, in order
     * @param connect    two series to join with a line in each row (e.g. self and others), or null
     */
    public static Html render(String title, List<Row> rows, int min, int max, List<String> tickLabels,
                              List<Series> legend, Series[] connect) {
        int labelWidth = 300;
        int plotWidth = 420;
        int rowHeight = 24;
        int top = 30;
        int height = top + rows.size() * rowHeight + 30;
        int width = labelWidth + plotWidth + 20;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dot-chart\" role=\"img\" "
                + "viewBox=\"0 0 %d %d\" width=\"100%%\" preserveAspectRatio=\"xMinYMin meet\"><title>%s</title>", width, height, esc(title)));
        double span = Math.max(1, max - min);
        java.util.function.DoubleUnaryOperator x = v -> labelWidth + 10 + (v - min) / span * (plotWidth - 20);
        for (int v = min; v <= max; v++) {
            double px = x.applyAsDouble(v);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d0d5da\" stroke-width=\"1\"/>",
                    px, top - 6, px, height - 26));
            String tick = v - min < tickLabels.size() ? tickLabels.get(v - min) : String.valueOf(v);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">%s</text>",
                    px, height - 10, esc(v + " " + tick)));
        }
        int legendX = labelWidth + 10;
        for (Series s : legend) {
            svg.append(marker(s, legendX + 6, 12));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-size=\"11\" fill=\"#333\">%s</text>", legendX + 16, esc(s.name())));
            legendX += 30 + (int) Math.ceil(s.name().length() * CHAR_WIDTH);
        }
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            double y = top + i * rowHeight + rowHeight / 2.0;
            if (i % 2 == 0) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"%.1f\" width=\"%d\" height=\"%d\" fill=\"#f5f7f9\"/>",
                        y - rowHeight / 2.0, width, rowHeight));
            }
            String label = row.label().length() > 46 ? row.label().substring(0, 45) + "…" : row.label();
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\" fill=\"#222\">%s</text>",
                    labelWidth - 4, y + 4, esc(label)));
            if (connect != null) {
                Double a = value(row, connect[0]);
                Double b = value(row, connect[1]);
                if (a != null && b != null) {
                    svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#9aa5b1\" stroke-width=\"2\"/>",
                            x.applyAsDouble(a), y, x.applyAsDouble(b), y));
                }
            }
            // dots of different series sit slightly apart, so equal values stay visible
            int dot = 0;
            for (Marker m : row.markers()) {
                double offset = m.series().shape() == Shape.BAR ? 0 : (dot++ % 2 == 0 ? -3.5 : 3.5);
                svg.append(marker(m.series(), x.applyAsDouble(m.value()), y + offset));
            }
        }
        svg.append("</svg>");
        return new Html("<div class=\"chart\">" + svg + "</div>");
    }

    private static Double value(Row row, Series series) {
        return row.markers().stream().filter(m -> m.series().equals(series)).map(Marker::value).findFirst().orElse(null);
    }

    private static String marker(Series s, double x, double y) {
        return switch (s.shape()) {
            case BAR -> String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"3\" height=\"16\" fill=\"%s\"><title>%s</title></rect>",
                    x - 1.5, y - 8, s.colour(), esc(s.name()));
            case DOT -> String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"%s\"><title>%s</title></circle>",
                    x, y, s.colour(), esc(s.name()));
            case RING -> String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"><title>%s</title></circle>",
                    x, y, s.colour(), esc(s.name()));
        };
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
