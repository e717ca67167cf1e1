package dev.carbonkit.calc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FallbackTest {

    @Test
    void of_accessorsAndText() {
        Fallback fallback = Fallback.of(Fallback.Kind.REGION, "GB-LND", "GB");
        assertThat(fallback.getKind()).isEqualTo(Fallback.Kind.REGION);
        assertThat(fallback.getRequested()).isEqualTo("GB-LND");
        assertThat(fallback.getUsed()).isEqualTo("GB");
        assertThat(fallback).hasToString("REGION: GB-LND -> GB").isEqualTo(Fallback.of(Fallback.Kind.REGION, "GB-LND", "GB"))
                .hasSameHashCodeAs(Fallback.of(Fallback.Kind.REGION, "GB-LND", "GB"))
                .isNotEqualTo(Fallback.of(Fallback.Kind.DATE, "GB-LND", "GB"));
    }
}
