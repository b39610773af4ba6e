package org.clinlead.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class FieldRulesTest {

    @Test
    void textRefusesControlCharactersAndLengthBeyondItsBound() {
        assertThat(FieldRules.line("Sofia Weber", 100)).isNull();
        assertThat(FieldRules.line("An\u0000a", 100)).contains("control character (NUL at position 3)");
        assertThat(FieldRules.line("two\nlines", 100)).contains("U+000A");
        assertThat(FieldRules.text("two\nlines\tand a tab", 100)).isNull();
        assertThat(FieldRules.text("bell\u0007", 100)).contains("U+0007");
        assertThat(FieldRules.line("x".repeat(100_000), 200)).isEqualTo("Use at most 200 characters (this has 100,000).");
        assertThat(FieldRules.line(null, 10)).isNull();
    }

    @Test
    void emailAddressesAreShortWithoutSpacesOfAnyKind() {
        assertThat(FieldRules.email("sofia.weber@helix-tx.example")).isNull();
        assertThat(FieldRules.email("jürgen.müller@example.de")).as("letters of any script").isNull();
        assertThat(FieldRules.email("ana\u00a0silva@example.com")).contains("is not an e-mail address");
        assertThat(FieldRules.email("ana silva@example.com")).contains("is not an e-mail address");
        assertThat(FieldRules.email("a".repeat(4_988) + "@example.com")).contains("at most 254 characters");
        assertThat(FieldRules.email("a".repeat(65) + "@example.com")).as("64 before the @").isNotNull();
        assertThat(FieldRules.email("no-domain@localhost")).isNotNull();
        assertThat(FieldRules.email("two@@example.com")).isNotNull();
        assertThat(FieldRules.email("")).isEqualTo("The e-mail address is missing.");
    }

    @Test
    void datesHaveFourDigitYearsWithinTheirBounds() {
        assertThat(FieldRules.parseDate("2026-03-01")).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(FieldRules.parseDate("+10000-01-01")).isNull();
        assertThat(FieldRules.parseDate("-0001-01-01")).isNull();
        assertThat(FieldRules.parseDate("2026-02-30")).isNull();
        assertThat(FieldRules.parseDate("0000-01-01")).as("parses, and is then out of bounds").isEqualTo(LocalDate.of(0, 1, 1));
        LocalDate today = LocalDate.of(2026, 12, 8);
        assertThat(FieldRules.date(LocalDate.of(0, 1, 1), FieldRules.EARLIEST_DATE, today, "The hire date"))
                .isEqualTo("The hire date 0000-01-01 is before 1950-01-01, the earliest accepted.");
        assertThat(FieldRules.date(LocalDate.of(9999, 12, 31), FieldRules.EARLIEST_DATE, today, "The hire date"))
                .contains("is after 2026-12-08");
        assertThat(FieldRules.month(YearMonth.of(1066, 10), FieldRules.EARLIEST_MONTH, YearMonth.of(2026, 12), "The period"))
                .contains("before 2000-01");
        assertThat(FieldRules.month(YearMonth.of(2026, 3), FieldRules.EARLIEST_MONTH, YearMonth.of(2026, 12), "The period")).isNull();
        assertThatThrownBy(() -> FieldRules.require("email", "wrong")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("email"));
    }
}
