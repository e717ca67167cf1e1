package dev.carbonkit.factors.convert;

import dev.carbonkit.emissions.Gas;
import dev.carbonkit.emissions.GasBasis;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factor.TableInfo;
import dev.carbonkit.factor.Uncertainty;
import dev.carbonkit.factor.ValidityPeriod;
import dev.carbonkit.factors.BundledFactors;
import dev.carbonkit.io.FactorTableLoader;
import dev.carbonkit.io.LoadLimits;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The compact form of the bundled tables in the jar: the same factors as the YAML, written by the build from the
 * loaded YAML tables and read back without a YAML parser, so that an app starts without parsing 1.5 MB of YAML.
 * <p>
 * It is a derived form, never edited and never committed: {@code mvn package} writes {@code ID.table.bin} beside
 * each {@code ID.yaml} in {@code target/classes} (the {@link #main(String[])} of this class, run by the build), and
 * {@code CompactTablesTest} holds every table read from it equal, factor by factor and digest, to the table the
 * YAML loader reads. The digest is not stored: a table computes it from the factors it holds, so a compact table
 * that differed from its YAML would show another digest.
 * <p>
 * Format {@value #FORMAT}, big-endian as {@link DataOutputStream} writes: the format string (by writeUTF), then
 * every text as the number of its UTF-8 bytes and the bytes (format 1 used writeUTF's modified UTF-8 throughout,
 * which a fresh JVM decodes a character at a time); the table info
 * (id, title, publisher, edition, licence, attribution, url, absent ones as an empty string after a 0 flag); the
 * regions of its factors, sorted (their count, then each code), and the activity types, sorted (their count, then
 * each type with the number of its regions and their places in that list), which a deferred table declares without
 * reading the rest (format 2 had the types alone);
 * a pool of the strings factors repeat; the number of factors; then per factor its id, pooled activity type,
 * region and unit codes, first and last days of validity (epoch days, {@link Long#MIN_VALUE} and
 * {@link Long#MAX_VALUE} for open ends), the CO2e total (flag, decimal, pooled unit code), GWP set and gas basis
 * (pooled names or -1), the per-gas values (count, then pooled gas name, decimal, pooled unit code), row id,
 * pooled location, uncertainty (flag, two decimals), pooled boundary and status. A decimal is its scale and its
 * unscaled value's two's-complement bytes, so it reads back with the same digits and scale.
 * <p>
 * This class is a holder of static methods and cannot be instantiated.
 */
public final class CompactTables {

    /** The format written first; a reader refuses any other. */
    public static final String FORMAT = "carbonkit-compact-table/3";

    /** The suffix of a compact table beside its YAML: {@code desnz-2025.table.bin}. */
    public static final String SUFFIX = ".table.bin";

    /**
     * The limits the bundled YAML tables are read with: the defaults, but files of up to 32 MiB, since the bundled
     * tables are this project's own files (the largest is over the default 512 KiB for untrusted files).
     */
    public static final LoadLimits BUNDLED_LIMITS = LoadLimits.defaults().withMaxBytes(32 * 1024 * 1024);

    private CompactTables() {
    }

    /**
     * Writes the compact form of each bundled table beside its YAML: run by the build on {@code target/classes}.
     *
     * @param args  the folder holding the bundled YAML tables
     * @throws IOException if a table cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path folder = java.nio.file.Paths.get(args[0]);
        for (String id : BundledFactors.TABLE_IDS) {
            Path yaml = folder.resolve(id + ".yaml");
            FactorTable table;
            try (InputStream in = Files.newInputStream(yaml)) {
                table = FactorTableLoader.withLimits(BUNDLED_LIMITS).load(in, yaml.toString());
            }
            try (OutputStream out = Files.newOutputStream(folder.resolve(id + SUFFIX))) {
                write(table, out);
            }
        }
    }

    //-----------------------------------------------------------------------
    /**
     * Writes a table's compact form.
     *
     * @param table  the table, not null
     * @param out  the stream, flushed and not closed, not null
     * @throws IOException if the stream fails
     */
    public static void write(FactorTable table, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
        data.writeUTF(FORMAT);
        TableInfo info = table.getInfo();
        for (String text : new String[] {info.getId(), info.getTitle(), info.getPublisher(), info.getEdition(),
                info.getLicence(), info.getAttribution().orElse(null), info.getUrl().orElse(null)}) {
            optional(data, text);
        }
        SortedMap<String, SortedSet<Region>> types = table.getRegionsByType();
        SortedSet<Region> regions = new TreeSet<>();
        types.values().forEach(regions::addAll);
        Map<Region, Integer> place = new HashMap<>();
        data.writeInt(regions.size());
        for (Region region : regions) {
            place.put(region, place.size());
            text(data, region.getCode());
        }
        data.writeInt(types.size());
        for (Map.Entry<String, SortedSet<Region>> type : types.entrySet()) {
            text(data, type.getKey());
            data.writeInt(type.getValue().size());
            for (Region region : type.getValue()) {
                data.writeInt(place.get(region));
            }
        }
        List<String> pool = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (EmissionFactor factor : table.getFactors()) {
            pooled(pool, index, factor.getActivityType());
            pooled(pool, index, factor.getRegion().getCode());
            pooled(pool, index, factor.getPer().getCode());
            factor.getCo2e().ifPresent(value -> pooled(pool, index, value.getUnit().getCode()));
            factor.getGwpSet().ifPresent(set -> pooled(pool, index, set.name()));
            factor.getGasBasis().ifPresent(basis -> pooled(pool, index, basis.name()));
            factor.getGases().forEach((gas, value) -> {
                pooled(pool, index, gas.name());
                pooled(pool, index, value.getUnit().getCode());
            });
            factor.getLocation().ifPresent(text -> pooled(pool, index, text));
            factor.getBoundary().ifPresent(text -> pooled(pool, index, text));
            factor.getStatus().ifPresent(text -> pooled(pool, index, text));
        }
        data.writeInt(pool.size());
        for (String text : pool) {
            text(data, text);
        }
        data.writeInt(table.getFactors().size());
        for (EmissionFactor factor : table.getFactors()) {
            text(data, factor.getId());
            data.writeInt(index.get(factor.getActivityType()));
            data.writeInt(index.get(factor.getRegion().getCode()));
            data.writeInt(index.get(factor.getPer().getCode()));
            data.writeLong(factor.getValidity().getStartInclusive().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE));
            data.writeLong(factor.getValidity().getEndInclusive().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE));
            Quantity co2e = factor.getCo2e().orElse(null);
            data.writeBoolean(co2e != null);
            if (co2e != null) {
                decimal(data, co2e.getAmount());
                data.writeInt(index.get(co2e.getUnit().getCode()));
            }
            data.writeInt(factor.getGwpSet().map(set -> index.get(set.name())).orElse(-1));
            data.writeInt(factor.getGasBasis().map(basis -> index.get(basis.name())).orElse(-1));
            data.writeInt(factor.getGases().size());
            for (Map.Entry<Gas, Quantity> gas : factor.getGases().entrySet()) {
                data.writeInt(index.get(gas.getKey().name()));
                decimal(data, gas.getValue().getAmount());
                data.writeInt(index.get(gas.getValue().getUnit().getCode()));
            }
            optional(data, factor.getRowId().orElse(null));
            data.writeInt(factor.getLocation().map(index::get).orElse(-1));
            Uncertainty uncertainty = factor.getUncertainty().orElse(null);
            data.writeBoolean(uncertainty != null);
            if (uncertainty != null) {
                decimal(data, uncertainty.getMinusPercent());
                decimal(data, uncertainty.getPlusPercent());
            }
            data.writeInt(factor.getBoundary().map(index::get).orElse(-1));
            data.writeInt(factor.getStatus().map(index::get).orElse(-1));
        }
        data.flush();
    }

    private static void pooled(List<String> pool, Map<String, Integer> index, String text) {
        if (index.putIfAbsent(text, pool.size()) == null) {
            pool.add(text);
        }
    }

    private static void optional(DataOutputStream data, String text) throws IOException {
        data.writeBoolean(text != null);
        text(data, text == null ? "" : text);
    }

    /** Writes a text as the number of its UTF-8 bytes and the bytes. */
    private static void text(DataOutputStream data, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        data.writeInt(bytes.length);
        data.write(bytes);
    }

    private static void decimal(DataOutputStream data, BigDecimal value) throws IOException {
        data.writeInt(value.scale());
        byte[] unscaled = value.unscaledValue().toByteArray();
        data.writeShort(unscaled.length);
        data.write(unscaled);
    }

    //-----------------------------------------------------------------------
    /**
     * Reads a table's compact form.
     *
     * @param in  the stream, read to the table's end and not closed, not null
     * @param source  the name to give the source in errors, not null
     * @return the table, never null
     * @throws IOException if the stream fails, or is not a compact table of this format
     */
    public static FactorTable read(InputStream in, String source) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in));
        TableInfo info = info(data, source);
        skipTypes(data);
        String[] pool = new String[data.readInt()];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = text(data);
        }
        // regions by pool index, and days by epoch day: loops rather than computeIfAbsent's lambdas on a cold start
        Region[] regions = new Region[pool.length];
        Map<Long, LocalDate> days = new HashMap<>();
        Map<Days, ValidityPeriod> periods = new HashMap<>();
        Map<Quantity, Quantity> quantities = new HashMap<>();
        int count = data.readInt();
        FactorTable.Builder table = FactorTable.builder(info);
        for (int i = 0; i < count; i++) {
            EmissionFactor.Builder factor = EmissionFactor.builder(text(data), info)
                    .activityType(pool[data.readInt()])
                    .region(region(pool, data.readInt(), regions))
                    .per(Unit.of(pool[data.readInt()]));
            Days span = new Days(data.readLong(), data.readLong());
            ValidityPeriod period = periods.get(span);
            if (period == null) {
                period = ValidityPeriod.of(day(span.first, days), day(span.last, days));
                periods.put(span, period);
            }
            factor.validity(period);
            if (data.readBoolean()) {
                BigDecimal amount = decimal(data);
                factor.co2e(Quantity.of(amount, Unit.of(pool[data.readInt()])));
            }
            int gwp = data.readInt();
            if (gwp >= 0) {
                factor.gwpSet(GwpSet.valueOf(pool[gwp]));
            }
            int basis = data.readInt();
            if (basis >= 0) {
                factor.gasBasis(GasBasis.valueOf(pool[basis]));
            }
            int gases = data.readInt();
            for (int g = 0; g < gases; g++) {
                Gas gas = Gas.valueOf(pool[data.readInt()]);
                BigDecimal amount = decimal(data);
                // DESNZ and EPA repeat half of their per-gas values: one instance of each
                Quantity value = Quantity.of(amount, Unit.of(pool[data.readInt()]));
                Quantity seen = quantities.putIfAbsent(value, value);
                factor.gas(gas, seen == null ? value : seen);
            }
            factor.rowId(optional(data));
            factor.location(pooled(pool, data.readInt()));
            if (data.readBoolean()) {
                factor.uncertainty(Uncertainty.ofPercent(decimal(data), decimal(data)));
            }
            factor.boundary(pooled(pool, data.readInt()));
            factor.status(pooled(pool, data.readInt()));
            table.add(factor.build());
        }
        return table.build();
    }

    /**
     * Reads a compact table's info, activity types and their regions only, and gives the table
     * {@link FactorTable#deferred deferred}: read in full by the loader when first needed.
     *
     * @param in  the stream, read to the end of the types and not closed, not null
     * @param source  the name to give the source in errors, not null
     * @param loader  reads the whole table when it is needed, not null
     * @return the deferred table, never null
     * @throws IOException if the stream fails, or is not a compact table of this format
     */
    public static FactorTable readDeferred(InputStream in, String source, Supplier<FactorTable> loader)
            throws IOException {
        DataInputStream data = new DataInputStream(in);
        TableInfo info = info(data, source);
        return FactorTable.deferred(info, types(data), loader);
    }

    private static TableInfo info(DataInputStream data, String source) throws IOException {
        String format = data.readUTF();
        if (!FORMAT.equals(format)) {
            throw new IOException(source + ": not a compact table of format " + FORMAT + " (found '" + format + "')");
        }
        return TableInfo.builder(optional(data)).title(optional(data)).publisher(optional(data))
                .edition(optional(data)).licence(optional(data)).attribution(optional(data)).url(optional(data))
                .build();
    }

    private static Map<String, Set<Region>> types(DataInputStream data) throws IOException {
        Region[] regions = new Region[data.readInt()];
        for (int r = 0; r < regions.length; r++) {
            regions[r] = Region.of(text(data));
        }
        int count = data.readInt();
        Map<String, Set<Region>> types = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String type = text(data);
            Region[] at = new Region[data.readInt()];
            for (int r = 0; r < at.length; r++) {
                at[r] = regions[data.readInt()];
            }
            types.put(type, Set.of(at));
        }
        return types;
    }

    /**
     * Skips the regions and activity types: a full read learns them from the factors, and a deferred table read in
     * full has already read them once.
     */
    private static void skipTypes(DataInputStream data) throws IOException {
        int regions = data.readInt();
        for (int r = 0; r < regions; r++) {
            skip(data, data.readInt());
        }
        int types = data.readInt();
        for (int i = 0; i < types; i++) {
            skip(data, data.readInt());
            skip(data, 4L * data.readInt());
        }
    }

    /**
     * Skips exactly a number of bytes, or throws at the end of the data: {@code InputStream.skipNBytes} is Java 12, which
     * Android's API 26 does not have (docs/on-device.md), and this runs on the device, reading a deferred table.
     */
    private static void skip(DataInputStream data, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            int skipped = data.skipBytes((int) Math.min(left, Integer.MAX_VALUE));
            if (skipped <= 0) {
                // a stream may skip nothing without being at its end: a byte read tells which
                if (data.read() < 0) {
                    throw new java.io.EOFException("A compact table ends " + left + " bytes short of what it declares");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** A validity's first and last epoch days as written (the least and greatest long for open ends). */
    private static final class Days {
        final long first;
        final long last;

        Days(long first, long last) {
            this.first = first;
            this.last = last;
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof Days other && first == other.first && last == other.last;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(first) * 31 + Long.hashCode(last);
        }
    }

    /** Reads a text written by {@link #text(DataOutputStream, String)}. */
    private static String text(DataInputStream data) throws IOException {
        byte[] bytes = new byte[data.readInt()];
        data.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static LocalDate day(long epochDay, Map<Long, LocalDate> days) {
        if (epochDay == Long.MIN_VALUE || epochDay == Long.MAX_VALUE) {
            return null;
        }
        LocalDate day = days.get(epochDay);
        if (day == null) {
            day = LocalDate.ofEpochDay(epochDay);
            days.put(epochDay, day);
        }
        return day;
    }

    private static Region region(String[] pool, int index, Region[] regions) {
        Region region = regions[index];
        if (region == null) {
            region = Region.of(pool[index]);
            regions[index] = region;
        }
        return region;
    }

    private static String pooled(String[] pool, int index) {
        return index < 0 ? null : pool[index];
    }

    private static String optional(DataInputStream data) throws IOException {
        boolean present = data.readBoolean();
        String text = text(data);
        return present ? text : null;
    }

    private static BigDecimal decimal(DataInputStream data) throws IOException {
        int scale = data.readInt();
        byte[] unscaled = new byte[data.readShort()];
        data.readFully(unscaled);
        if (unscaled.length <= 8) {
            long value = 0;
            for (byte b : unscaled) {
                value = (value << 8) | (b & 0xFF);
            }
            // sign-extend from the top byte written
            int unused = 64 - 8 * unscaled.length;
            value = unused == 64 ? 0 : (value << unused) >> unused;
            return BigDecimal.valueOf(value, scale);
        }
        return new BigDecimal(new BigInteger(unscaled), scale);
    }
}
