package org.clinlead.core.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void countsAreGroupedByThousandsWhateverTheServersLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertThat(Numbers.count(19_047)).isEqualTo("19,047");
            assertThat(Numbers.count(133_650)).isEqualTo("133,650");
            assertThat(Numbers.count(7)).isEqualTo("7");
            assertThat(Numbers.count(0)).isEqualTo("0");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
