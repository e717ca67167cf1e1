package dev.carbonkit.audit;

import static dev.carbonkit.audit.ReceiptTest.CATALOG;
import static dev.carbonkit.audit.ReceiptTest.ant;
import static dev.carbonkit.audit.ReceiptTest.payment;
import static dev.carbonkit.audit.ReceiptTest.trip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.RuleSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The same inputs give the same receipt bytes across repeated runs, thread counts, input orders, default locales
 * and default time zones. (Across JVMs: .ci/cross-jdk-receipts.sh.)
 */
@Isolated
class ReceiptDeterminismTest {

    private static final String[] TYPES = {"transport.car.average.petrol 12.5 mi", "transport.rail.underground 7 pkm",
        "home.electricity.grid 3.2 kWh", "transport.bus.local.average 4.25 pkm", "home.natural_gas 17 kWh",
        "accommodation.hotel 1 room-night"};

    private static List<Activity> trips() {
        Random random = new Random(589);
        List<Activity> trips = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String[] typeAndQuantity = TYPES[random.nextInt(TYPES.length)].split(" ", 2);
            trips.add(trip("t" + i, "r" + random.nextInt(20), typeAndQuantity[0], typeAndQuantity[1],
                    "2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10)));
        }
        return trips;
    }

    private static List<Activity> payments() {
        Random random = new Random(37);
        List<Activity> payments = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            payments.add(payment("p" + i, "r" + random.nextInt(20), String.format(Locale.ROOT, "2024-03-0%dT%02d:%02d",
                    1 + random.nextInt(5), random.nextInt(24), random.nextInt(60)), random.nextBoolean() ? "3" : "0.5"));
        }
        return payments;
    }

    /** The receipts of the trips scored on {@code threads} threads, in input order, then of the payments' awards. */
    private static String sha256(List<Activity> trips, List<Activity> payments, int threads) throws Exception {
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), CATALOG);
        List<Receipt> receipts = new ForkJoinPool(threads).submit(() -> trips.parallelStream()
                .map(trip -> Receipt.of(engine.score(trip))).toList()).get();
        RuleSet ant = ant();
        List<Receipt> all = new ArrayList<>(receipts);
        all.sort((a, b) -> a.getId().compareTo(b.getId()));
        all.addAll(Receipt.of(CreditEngine.evaluate(ant, payments), ant, payments));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ReceiptWriter writer = new ReceiptWriter(bytes)) {
            writer.writeAll(all);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Test
    void sameBytes_acrossRunsThreadsOrdersLocalesAndZones() throws Exception {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.ROOT);
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            String expected = sha256(trips(), payments(), 1);
            assertThat(sha256(trips(), payments(), 1)).isEqualTo(expected);
            assertThat(sha256(trips(), payments(), 4)).isEqualTo(expected);
            List<Activity> trips = new ArrayList<>(trips());
            List<Activity> payments = new ArrayList<>(payments());
            Random random = new Random(7);
            Collections.shuffle(trips, random);
            Collections.shuffle(payments, random);
            assertThat(sha256(trips, payments, 3)).isEqualTo(expected);
            for (String tag : List.of("tr-TR", "ar-SA-u-nu-arab", "hi-IN-u-nu-deva", "de-CH", "th-TH-u-nu-thai")) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                for (String id : List.of("Pacific/Kiritimati", "America/St_Johns", "Asia/Kathmandu")) {
                    TimeZone.setDefault(TimeZone.getTimeZone(id));
                    assertThat(sha256(trips(), payments(), 2)).as(tag + " " + id).isEqualTo(expected);
                }
            }
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }
}
