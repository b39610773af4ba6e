package org.clinlead.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.clinlead.core.imports.ImportProblem;
import org.junit.jupiter.api.Test;

/** The period column of a KPI import: a month in either form, with a clear message otherwise. */
class KpiPeriodTest {

    private static final YearMonth NOW = YearMonth.of(2026, 11);

    @Test
    void aMonthIsReadInEitherForm() {
        assertThat(read("2026-03")).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(read("2026-03-01")).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(read("2000-01")).as("the earliest month accepted").isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(read("2026-11")).isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void anythingElseIsNamed() {
        assertThat(problem("2026-13")).isEqualTo("\"2026-13\" is not a month like 2026-03.");
        assertThat(problem("2026-00-01")).isEqualTo("\"2026-00-01\" is not a month like 2026-03.");
        assertThat(problem("03/2026")).isEqualTo("\"03/2026\" is not a month like 2026-03.");
        assertThat(problem("2026-3")).isEqualTo("\"2026-3\" is not a month like 2026-03.");
        assertThat(problem("2026-03-15")).isEqualTo("A period is a month: write 2026-03 or 2026-03-01, not 2026-03-15.");
        assertThat(problem("2026-12")).isEqualTo("The period 2026-12 is in the future.");
        assertThat(problem("2027-01-01")).isEqualTo("The period 2027-01 is in the future.");
        assertThat(problem("1999-12")).isEqualTo("The period 1999-12 is before 2000-01, the earliest accepted.");
        assertThat(problem("1066-10")).isEqualTo("The period 1066-10 is before 2000-01, the earliest accepted.");
        assertThat(problem("0000-01")).isEqualTo("The period 0000-01 is before 2000-01, the earliest accepted.");
        assertThat(problem("-0001-01-01")).isEqualTo("\"-0001-01-01\" is not a month like 2026-03.");
        assertThat(problem("+10000-01-01")).isEqualTo("\"+10000-01-01\" is not a month like 2026-03.");
    }

    private static LocalDate read(String text) {
        List<ImportProblem> problems = new ArrayList<>();
        LocalDate period = KpiImporter.period(text, NOW, 2, problems);
        assertThat(problems).isEmpty();
        return period;
    }

    private static String problem(String text) {
        List<ImportProblem> problems = new ArrayList<>();
        assertThat(KpiImporter.period(text, NOW, 2, problems)).isNull();
        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().column()).isEqualTo("period");
        return problems.getFirst().message();
    }
}
