package org.clinlead.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvFileTest {

    private static CsvFile parse(String text) throws CsvFile.CsvException {
        return CsvFile.parse("test.csv", text.getBytes(StandardCharsets.UTF_8), Set.of("id", "name"), Set.of("note"));
    }

    @Test
    void rowsAreNumberedAsASpreadsheetShowsThem() throws Exception {
        CsvFile file = parse("id,name\n1,Ann\n2,\"Bob, Jr.\"\n");
        assertThat(file.rows()).extracting(CsvFile.Row::number).containsExactly(2, 3);
        assertThat(file.rows().get(1).get("name")).isEqualTo("Bob, Jr.");
    }

    @Test
    void headerNamesIgnoreCaseAndSpaces() throws Exception {
        CsvFile file = parse(" ID ; Name \n7;Eve\n");
        assertThat(file.rows().getFirst().get("id")).isEqualTo("7");
        assertThat(file.rows().getFirst().get("note")).isEmpty();
    }

    @Test
    void aByteOrderMarkIsIgnored() throws Exception {
        assertThat(parse("\uFEFFid,name\n1,Ann\n").columns()).containsExactly("id", "name");
    }

    @Test
    void missingAndUnknownColumnsAreReportedTogether() {
        assertThatThrownBy(() -> parse("id,nmae\n1,Ann\n"))
                .isInstanceOfSatisfying(CsvFile.CsvException.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::column).containsExactlyInAnyOrder("name", "nmae"));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsMarked() throws Exception {
        CsvFile file = parse("id,name\n1,Ann,extra\n");
        assertThat(file.rows().getFirst().error()).contains("3 fields").contains("header has 2");
    }

    @Test
    void textThatIsNotUtf8IsRejected() {
        byte[] latin1 = "id,name\n1,M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CsvFile.parse("x.csv", latin1, Set.of("id", "name"), Set.of()))
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void anEmptyFileOrAHeaderAloneIsRejected() {
        assertThatThrownBy(() -> parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> parse("id,name\n")).hasMessageContaining("no rows");
    }
}
