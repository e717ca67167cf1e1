package dev.carbonkit.audit;

import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What an app on a phone does with carbon-core and no jackson-core: scores an activity and writes its receipt, alone
 * and as a chained file. {@link WithoutJacksonTest} runs it in a class loader that has no Jackson.
 */
public final class WithoutJacksonProbe {

    private WithoutJacksonProbe() {
    }

    /**
     * Scores one trip and writes its receipt, then the same receipt as a chained file.
     *
     * @return the receipt's text, a line break, and the chained file's text
     */
    public static String scoreAndWrite() throws java.io.IOException {
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), ReceiptTest.CATALOG);
        Receipt receipt = Receipt.of(engine.score(ReceiptTest.trip("t1", "alice", "transport.car.average.petrol",
                "12.5 mi", "2024-05-01")), engine.getPolicy());
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (ReceiptWriter writer = new ReceiptWriter(file)) {
            writer.write(receipt);
            writer.finish();
        }
        return receipt.toJson() + "\n" + file.toString(StandardCharsets.UTF_8);
    }
}
