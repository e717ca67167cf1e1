package dev.carbonkit.examples.ondevice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The on-device example scores from the class path alone, with the table it was tested against. */
class OnDeviceTest {

    @Test
    void scoresOneActivity_fromTheClassPath() {
        assertThat(OnDevice.class.getClassLoader()
                .getResource("dev/carbonkit/factors/tables/" + OnDevice.TABLE + ".table.bin")).isNotNull();
        var footprint = OnDevice.scoreOne();
        assertThat(footprint.getCo2e()).isEqualByComparingTo("0.92191");
        assertThat(footprint.getTableDigest()).isEqualTo(OnDevice.DIGEST);
        assertThat(footprint.getFallbacks()).isEmpty();
    }
}
