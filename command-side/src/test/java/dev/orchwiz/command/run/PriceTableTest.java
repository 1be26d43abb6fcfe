package dev.orchwiz.command.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceTableTest {

    @Test
    void pricesACallByTheModelsListPricePerMillionTokens() {
        PriceTable prices = new PriceTable(Map.of());
        // gpt-4o-mini: 0.15 in, 0.60 out per million
        assertThat(prices.cost("gpt-4o-mini", 1_000_000, 500_000)).isEqualByComparingTo("0.45");
        assertThat(prices.cost("gpt-4o-mini", 1_000, 100)).isEqualByComparingTo("0.00021");
    }

    @Test
    void aDatedVariantTakesItsFamilysPriceAndTheLongestFamilyWins() {
        PriceTable prices = new PriceTable(Map.of());
        assertThat(prices.cost("gpt-4o-2024-08-06", 1_000_000, 0)).isEqualByComparingTo("2.50");
        assertThat(prices.cost("gpt-4o-mini-2024-07-18", 1_000_000, 0)).isEqualByComparingTo("0.15");
    }

    @Test
    void theNodesPricesAddModelsAndOverrideDefaults() {
        PriceTable prices = new PriceTable(Map.of(
                "my-llama", new RunProperties.Price(new BigDecimal("1"), new BigDecimal("2")),
                "gpt-4o", new RunProperties.Price(new BigDecimal("5"), new BigDecimal("5"))));
        assertThat(prices.cost("my-llama", 1_000_000, 1_000_000)).isEqualByComparingTo("3");
        assertThat(prices.cost("gpt-4o", 1_000_000, 0)).isEqualByComparingTo("5");
    }

    @Test
    void aModelWithoutAPriceCostsNothingAndIsNotGuessed() {
        PriceTable prices = new PriceTable(Map.of());
        assertThat(prices.cost("mystery-model", 10_000, 10_000)).isZero();
        assertThat(prices.priceOf("gpt")).isEmpty();
        assertThat(prices.cost(null, 10, 10)).isZero();
    }
}
