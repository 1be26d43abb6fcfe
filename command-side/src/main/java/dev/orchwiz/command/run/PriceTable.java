package dev.orchwiz.command.run;

import dev.orchwiz.command.run.RunProperties.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a model call costs. Defaults are the public list prices of common models (USD per million tokens, December
 * 2026); the node's configuration adds models or overrides a price. A model's dated variant ({@code gpt-4o-2024-08-06})
 * takes its family's price.
 */
final class PriceTable {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    static final Map<String, Price> DEFAULTS = Map.of(
            "gpt-4o", price("2.50", "10.00"),
            "gpt-4o-mini", price("0.15", "0.60"),
            "gpt-4.1", price("2.00", "8.00"),
            "gpt-4.1-mini", price("0.40", "1.60"),
            "gpt-4.1-nano", price("0.10", "0.40"),
            "o3", price("2.00", "8.00"),
            "o4-mini", price("1.10", "4.40"),
            "claude-sonnet-4", price("3.00", "15.00"),
            "claude-opus-4", price("15.00", "75.00"),
            "local-echo", price("0", "0"));

    private final Map<String, Price> prices;

    PriceTable(Map<String, Price> configured) {
        Map<String, Price> all = new HashMap<>(DEFAULTS);
        all.putAll(configured);
        this.prices = Map.copyOf(all);
    }

    /** The price of {@code model}, by exact name or else by the longest known name it starts with. */
    Optional<Price> priceOf(String model) {
        if (model == null) {
            return Optional.empty();
        }
        Price exact = prices.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        return prices.entrySet().stream()
                .filter(entry -> model.startsWith(entry.getKey() + "-"))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue);
    }

    /** The cost of one call, to a millionth of a dollar; zero for a model without a price. */
    BigDecimal cost(String model, long inputTokens, long outputTokens) {
        return priceOf(model)
                .map(price -> price.input()
                        .multiply(BigDecimal.valueOf(inputTokens))
                        .add(price.output().multiply(BigDecimal.valueOf(outputTokens)))
                        .divide(MILLION, 6, RoundingMode.HALF_UP))
                .orElse(BigDecimal.ZERO.setScale(6));
    }

    private static Price price(String input, String output) {
        return new Price(new BigDecimal(input), new BigDecimal(output));
    }
}
