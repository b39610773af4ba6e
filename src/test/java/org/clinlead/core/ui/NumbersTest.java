package org.clinlead.core.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void countsAreGroupedByThousandsWhateverTheServersLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Numbers.count(19_047)).isEqualTo("19,047");
            assertThat(Numbers.count(133_650)).isEqualTo("133,650");
            assertThat(Numbers.count(7)).isEqualTo("7");
            assertThat(Numbers.count(0)).isEqualTo("0");
        } finally {
            Locale.setDefault(before);
        }
    }
}
