package org.clinlead.core.ui.charts;

import com.vaadin.flow.component.Html;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart of percentages rendered on the server as SVG: no frontend bundle, and it
 * prints as it shows.
 */
public final class BarChart {

    private BarChart() {
    }

    /** One bar: its label, its length as a percentage (0 to 100) and the text written after it. */
    public record Bar(String label, double percent, String text) {
    }

    public static Html render(String title, List<Bar> bars) {
        // the label column and the text after the bars are as wide as their longest entry, so that
        // nothing is clipped by the view box however the chart is scaled
        int labelWidth = (int) Math.ceil(8 + DotChart.CHAR_WIDTH * bars.stream().mapToInt(b -> b.label().length()).max().orElse(0));
        int textWidth = (int) Math.ceil(6 + DotChart.CHAR_WIDTH * bars.stream().mapToInt(b -> b.text().length()).max().orElse(0));
        int plotWidth = 300;
        int rowHeight = 26;
        int height = bars.size() * rowHeight + 10;
        int width = labelWidth + plotWidth + textWidth;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bar-chart\" "
                + "role=\"img\" viewBox=\"0 0 %d %d\" width=\"100%%\" preserveAspectRatio=\"xMinYMin meet\"><title>%s</title>",
                width, height, DotChart.esc(title)));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 5 + i * rowHeight;
            double length = Math.max(0, Math.min(100, bar.percent())) / 100 * plotWidth;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"12\">%s</text>",
                    labelWidth - 8, y + 15, DotChart.esc(bar.label())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" fill=\"#e9ecef\"/>",
                    labelWidth, y + 3, plotWidth));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"#c0392b\"/>",
                    labelWidth, y + 3, length));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>",
                    labelWidth + plotWidth + 6, y + 15, DotChart.esc(bar.text())));
        }
        return new Html("<div class=\"chart\">" + svg.append("</svg>") + "</div>");
    }
}
