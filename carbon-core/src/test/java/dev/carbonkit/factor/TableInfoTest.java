package dev.carbonkit.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.Fixtures;
import org.junit.jupiter.api.Test;

class TableInfoTest {

    @Test
    void builder_allFields() {
        TableInfo info = Fixtures.DESNZ_2024;
        assertThat(info.getId()).isEqualTo("desnz-2024");
        assertThat(info.getPublisher()).isEqualTo("Department for Energy Security and Net Zero");
        assertThat(info.getEdition()).isEqualTo("2024 v1.1");
        assertThat(info.getLicence()).isEqualTo("OGL-3.0");
        assertThat(info.getTitle()).startsWith("UK Government");
        assertThat(info.getAttribution()).hasValueSatisfying(a -> assertThat(a).contains("Open Government Licence"));
        assertThat(info.getUrl()).isEmpty();
        assertThat(info).hasToString("desnz-2024 (Department for Energy Security and Net Zero, 2024 v1.1, OGL-3.0)");
    }

    @Test
    void builder_badIdOrMissingField_throws() {
        assertThatThrownBy(() -> TableInfo.builder("DESNZ 2024")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Table id must be lower case letters, digits, '.', '_' or '-': 'DESNZ 2024'");
        assertThatThrownBy(() -> TableInfo.builder("t").title("T").publisher("P").licence("L").build())
                .isInstanceOf(NullPointerException.class).hasMessage("edition");
        assertThatThrownBy(() -> TableInfo.builder("t").title("T").publisher(" ").edition("1").licence("L").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("publisher must not be blank");
    }

    @Test
    void equals_allFields() {
        TableInfo a = TableInfo.builder("t").title("T").publisher("P").edition("1").licence("L").url("https://x").build();
        TableInfo b = TableInfo.builder("t").title("T").publisher("P").edition("1").licence("L").url("https://x").build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b)
                .isNotEqualTo(TableInfo.builder("t").title("T").publisher("P").edition("2").licence("L").build());
        assertThat(a.getUrl()).contains("https://x");
    }
}
