package org.clinlead.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class XlsxWriterTest {

    @Test
    void columnsAreNamedLikeASpreadsheetNamesThem() {
        assertThat(XlsxWriter.column(0)).isEqualTo("A");
        assertThat(XlsxWriter.column(25)).isEqualTo("Z");
        assertThat(XlsxWriter.column(26)).isEqualTo("AA");
        assertThat(XlsxWriter.column(27)).isEqualTo("AB");
        assertThat(XlsxWriter.column(701)).isEqualTo("ZZ");
        assertThat(XlsxWriter.column(702)).isEqualTo("AAA");
    }

    @Test
    void aWorkbookHasItsPartsNumbersAsNumbersAndTextEscaped() throws IOException {
        byte[] xlsx = XlsxWriter.write("Skills gaps", List.of(List.of("Unit", "Gap"), Arrays.asList("R&D <EU>", 0.5), Arrays.asList("Empty", null)));
        Map<String, String> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(parts).containsKeys("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/worksheets/sheet1.xml");
        String sheet = parts.get("xl/worksheets/sheet1.xml");
        assertThat(sheet).contains("<c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">R&amp;D &lt;EU&gt;</t></is></c>")
                .contains("<c r=\"B2\"><v>0.5</v></c>").doesNotContain("B3");
        assertThat(parts.get("xl/workbook.xml")).contains("name=\"Skills gaps\"");
    }

    @Test
    void formulaLikeTextIsNeutralisedAndNegativeNumbersStayNumbers() throws IOException {
        byte[] xlsx = XlsxWriter.write("Export", List.of(List.of("Text", "Number"), Arrays.asList("=HYPERLINK(\"http://x\")", -0.5),
                Arrays.asList("@SUM(A1)", -3)));
        String sheet;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            var entry = zip.getNextEntry();
            while (!entry.getName().equals("xl/worksheets/sheet1.xml")) {
                entry = zip.getNextEntry();
            }
            sheet = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(sheet).contains("<t xml:space=\"preserve\">'=HYPERLINK(&quot;http://x&quot;)</t>")
                .contains("<t xml:space=\"preserve\">'@SUM(A1)</t>").contains("<v>-0.5</v>").contains("<v>-3</v>");
    }
}
