package org.clinlead.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsNeutralised() {
        String csv = CsvWriter.withHeader("cell").row("=cmd|' /C calc'!A0").row("@SUM(A1)").row("+49 30 1234").row("-1+2")
                .row("\tindented").row("\rreturn").row("plain").row("a=b").text();
        assertThat(csv.split("\r\n")).containsExactly("cell", "'=cmd|' /C calc'!A0", "'@SUM(A1)", "'+49 30 1234", "'-1+2",
                "'\tindented", "\"'\rreturn\"", "plain", "a=b");
    }

    @Test
    void numbersAreDataAndStayNumbersEvenWhenNegative() {
        String csv = CsvWriter.withHeader("int", "decimal", "text", "date", "empty")
                .row(-30, new BigDecimal("-2.50"), "-30", LocalDate.of(2026, 3, 1), null).text();
        assertThat(csv).isEqualTo("int,decimal,text,date,empty\r\n-30,-2.50,'-30,2026-03-01,\r\n");
        assertThat(CsvWriter.withHeader("big").row(new BigDecimal("1E+3")).text()).endsWith("\r\n1000\r\n");
    }

    @Test
    void cellsAreQuotedAsRfc4180Says() {
        String csv = CsvWriter.withHeader("a", "b", "c").row("Weber, Sofia", "say \"hi\"", "two\nlines").text();
        assertThat(csv).endsWith("\"Weber, Sofia\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
        assertThatThrownBy(() -> CsvWriter.withHeader("a", "b").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
