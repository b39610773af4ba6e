package org.clinlead.core.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BarChartTest {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern LABEL = Pattern.compile("<text x=\"(\\d+)\" y=\"\\d+\" text-anchor=\"end\" font-size=\"12\">([^<]*)</text>");
    private static final Pattern TEXT = Pattern.compile("<text x=\"(\\d+)\" y=\"\\d+\" font-size=\"12\">([^<]*)</text>");

    @Test
    void longLabelsAndTextsStayInsideTheViewBox() {
        String longLabel = "2026 H1 Clinical Operations 360 (2026-06-22) with a longer name";
        String longText = "50 % of 158,218, gap 0.27 — and some more words";
        String svg = BarChart.render("Trend", List.of(new BarChart.Bar("short", 10, "1 %"),
                new BarChart.Bar(longLabel, 50, longText))).getElement().getProperty("innerHTML");

        Matcher box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).isTrue();
        int width = Integer.parseInt(box.group(1));
        Matcher label = LABEL.matcher(svg);
        while (label.find()) {
            // right-anchored: the label runs leftwards from x
            assertThat(Integer.parseInt(label.group(1)) - DotChart.CHAR_WIDTH * label.group(2).length()).as(label.group(2)).isGreaterThanOrEqualTo(0);
        }
        Matcher text = TEXT.matcher(svg);
        int texts = 0;
        while (text.find()) {
            texts++;
            assertThat(Integer.parseInt(text.group(1)) + DotChart.CHAR_WIDTH * text.group(2).length()).as(text.group(2)).isLessThanOrEqualTo(width);
        }
        assertThat(texts).isEqualTo(2);
        assertThat(svg).contains(longLabel).contains(longText);
    }

    @Test
    void aShortChartIsNarrowerThanALongOne() {
        int shortWidth = width(BarChart.render("t", List.of(new BarChart.Bar("a", 1, "1 %"))).getElement().getProperty("innerHTML"));
        int longWidth = width(BarChart.render("t", List.of(new BarChart.Bar("a much longer label than that", 1, "1 % of 12,345, gap 0.12")))
                .getElement().getProperty("innerHTML"));
        assertThat(longWidth).isGreaterThan(shortWidth);
    }

    private static int width(String svg) {
        Matcher box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).isTrue();
        return Integer.parseInt(box.group(1));
    }
}
