package dev.carbonkit.calc;

import dev.carbonkit.factor.ActivityTypes;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factor.RegionHierarchy;
import dev.carbonkit.internal.Checks;
import dev.carbonkit.quantity.Unit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the factor for an activity among tables given in order of precedence.
 * <p>
 * An activity that names a factor id gets that factor, from the first table that has it. Otherwise the
 * selector keeps the factors of the activity's type whose unit has the activity's dimension, and:
 * <ol>
 * <li>walks the activity region's {@linkplain RegionHierarchy#chain(Region) chain} (for example GB-LND,
 * GB, GLOBAL) and stops at the first region with a factor valid on the activity's local date; a region
 * other than the activity's own is a {@link Fallback.Kind#REGION} fallback;</li>
 * <li>if no region has one, walks the chain again and takes, at the first region with any factor, the
 * factor valid nearest to the date: a {@link Fallback.Kind#DATE} fallback;</li>
 * <li>among the factors at that point, prefers, in this order: a factor in the activity's own unit (a
 * per-mile row for miles beats converting to a per-km row, since publishers round each row on its own);
 * the earlier table in precedence order; the most recent start of validity; and last the factor id in
 * lexicographic order, so that every choice is deterministic.</li>
 * </ol>
 * <p>
 * This class is immutable and thread-safe.
 */
public final class FactorSelector {

    private final List<FactorTable> tables;
    private final RegionHierarchy hierarchy;
    /**
     * The candidates by type, indexed on a type's first selection from the tables that have the type. A plain hash
     * map, replaced by a copy with the new type under a lock (types are few and each is added once): every selection
     * reads it, and a plain map's look-up costs less.
     */
    private volatile Map<String, OfType> byType = new HashMap<>();
    /** Every activity type of the tables, known without reading deferred tables, sorted. */
    private final Set<String> types;
    /** Each region's chain, worked out once per region (up to {@link #CHAINS_KEPT} regions). */
    private final Map<Region, List<Region>> chains = new ConcurrentHashMap<>();
    /** Why a type, or a type in a region and unit, cannot be scored: {@link #remember}. */
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private static final int CHAINS_KEPT = 4096;

    /**
     * A factor with the table it came from, that table's precedence (0 first), its scoring plans, and the selection
     * of it without fallbacks, the same immutable object for every activity that selects it so. Ordered by first day
     * of validity, for sorting without a comparator (whose lambda a cold start would link).
     */
    private record Candidate(EmissionFactor factor, FactorTable table, int precedence, FactorPlan.PerSet plans,
            Selection plain, long first) implements Comparable<Candidate> {

        Candidate(EmissionFactor factor, FactorTable table, int precedence) {
            this(factor, table, precedence, new FactorPlan.PerSet(factor));
        }

        private Candidate(EmissionFactor factor, FactorTable table, int precedence, FactorPlan.PerSet plans) {
            this(factor, table, precedence, plans, new Selection(factor, table, List.of(), false, plans),
                    epochDay(factor.getValidity().getStartInclusive(), Long.MIN_VALUE));
        }

        @Override
        public int compareTo(Candidate other) {
            return Long.compare(first, other.first);
        }
    }

    /**
     * The candidates of one type, indexed on first use from the tables that have the type at a region: an engine
     * over thousands of factors starts without indexing what it may never see, and reads a deferred table only when
     * an activity's type and region (or a wider region of its chain) are among those it declares.
     */
    private static final class OfType {

        private final String type;
        /** The tables that have the type, their precedences, and the regions each has it at. */
        private final List<FactorTable> tables = new ArrayList<>();
        private final List<Integer> precedences = new ArrayList<>();
        private final List<Set<Region>> regions = new ArrayList<>();
        /** Every region some table has the type at. */
        private final Set<Region> anyRegion = new HashSet<>();
        /** The regions indexed so far; a plain map replaced by a copy with the new region under a lock. */
        private volatile Map<Region, AtRegion> byRegion = new HashMap<>();

        OfType(String type) {
            this.type = type;
        }

        void add(FactorTable table, int precedence, Set<Region> at) {
            tables.add(table);
            precedences.add(precedence);
            regions.add(at);
            anyRegion.addAll(at);
        }

        /** The candidates at a region, or null if no table has the type there. */
        AtRegion at(Region region) {
            AtRegion at = byRegion.get(region);
            if (at == null && anyRegion.contains(region)) {
                synchronized (this) {
                    at = byRegion.get(region);
                    if (at == null) {
                        index(region);
                        at = byRegion.get(region);
                    }
                }
            }
            return at;
        }

        /**
         * Reads the tables that have the type at a region, then indexes every region not indexed yet whose tables
         * are all read (all of them, for tables built from factors): one pass over each table's factors of the type
         * and one copy of the index per table read, not per region, since a type may span thousands of regions.
         */
        private void index(Region region) {
            List<Map<Region, List<EmissionFactor>>> byTable = new ArrayList<>(tables.size());
            for (int i = 0; i < tables.size(); i++) {
                FactorTable table = tables.get(i);
                byTable.add(regions.get(i).contains(region) || table.isLoaded() ? byRegion(table) : null);
            }
            Map<Region, AtRegion> copy = new HashMap<>(byRegion);
            for (Region each : anyRegion) {
                if (copy.containsKey(each)) {
                    continue;
                }
                List<Candidate> candidates = new ArrayList<>();
                boolean read = true;
                for (int i = 0; i < tables.size() && read; i++) {
                    if (regions.get(i).contains(each)) {
                        Map<Region, List<EmissionFactor>> factors = byTable.get(i);
                        read = factors != null;
                        for (EmissionFactor factor : read ? factors.get(each) : List.<EmissionFactor>of()) {
                            candidates.add(new Candidate(factor, tables.get(i), precedences.get(i)));
                        }
                    }
                }
                if (read) {
                    copy.put(each, new AtRegion(candidates));
                }
            }
            byRegion = copy;
        }

        /** A table's factors of the type, by region, in table order. */
        private Map<Region, List<EmissionFactor>> byRegion(FactorTable table) {
            Map<Region, List<EmissionFactor>> byRegion = new HashMap<>();
            for (EmissionFactor factor : table.getFactors(type)) {
                List<EmissionFactor> list = byRegion.get(factor.getRegion());
                if (list == null) {
                    list = new ArrayList<>();
                    byRegion.put(factor.getRegion(), list);
                }
                list.add(factor);
            }
            return byRegion;
        }

        /** Every candidate of the type, for saying why none fits: reads every table that has the type. */
        List<Candidate> all() {
            List<Candidate> all = new ArrayList<>();
            for (int i = 0; i < tables.size(); i++) {
                for (EmissionFactor factor : tables.get(i).getFactors(type)) {
                    all.add(new Candidate(factor, tables.get(i), precedences.get(i)));
                }
            }
            return all;
        }
    }

    /**
     * The candidates of one type at one region, sorted by first day of validity, with their first and last days
     * as epoch days (an open start or end as the smallest or largest long), and for each position the latest last
     * day among it and those before it. The candidates valid on a day are then found by a binary search for the last
     * one starting by that day and a walk back that stops where no earlier one lasts until the day: one or two
     * steps for a publisher's yearly rows, instead of a scan of every year.
     */
    private static final class AtRegion {

        private final List<Candidate> candidates;
        private final Candidate[] byStart;
        private final long[] first;
        private final long[] last;
        private final long[] lastSoFar;

        AtRegion(List<Candidate> candidates) {
            this.candidates = List.copyOf(candidates);
            this.byStart = candidates.toArray(new Candidate[0]);
            // stable: candidates starting the same day stay in precedence, then table, order
            Arrays.sort(byStart);
            this.first = new long[byStart.length];
            this.last = new long[byStart.length];
            this.lastSoFar = new long[byStart.length];
            long latest = Long.MIN_VALUE;
            for (int i = 0; i < byStart.length; i++) {
                first[i] = byStart[i].first;
                last[i] = epochDay(byStart[i].factor.getValidity().getEndInclusive(), Long.MAX_VALUE);
                latest = Math.max(latest, last[i]);
                lastSoFar[i] = latest;
            }
        }


        /** The preferred candidate valid on the day whose unit converts from the activity's, or null. */
        Candidate validOn(long day, Unit unit) {
            int low = 0;
            int high = first.length - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                if (first[middle] <= day) {
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            int best = -1;
            for (int i = high; i >= 0 && lastSoFar[i] >= day; i--) {
                if (last[i] >= day && unit.isConvertibleTo(byStart[i].factor.getPer())
                        && (best < 0 || preferred(i, best, unit))) {
                    best = i;
                }
            }
            return best < 0 ? null : byStart[best];
        }

        /** Whether the candidate at i is preferred to the one at j, both valid on the day, first days from the array. */
        private boolean preferred(int i, int j, Unit unit) {
            return order(byStart[i], first[i], byStart[j], first[j], unit) < 0;
        }
    }

    /**
     * Creates a selector over tables in order of precedence.
     *
     * @param tables  the tables, the first taking precedence, not null
     * @param hierarchy  how regions nest, not null
     */
    public FactorSelector(List<FactorTable> tables, RegionHierarchy hierarchy) {
        this.tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
        this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
        // sorted, so that a suggestion for an unknown type is the same on every JVM (the first of equally close ones)
        Set<String> all = new TreeSet<>();
        for (FactorTable table : this.tables) {
            all.addAll(table.getActivityTypes());
        }
        this.types = all;
    }

    /** The candidates of a type, from every table that has it, in precedence order; null if none has. */
    private OfType ofType(String type) {
        OfType ofType = byType.get(type);
        if (ofType == null && types.contains(type)) {
            synchronized (this) {
                ofType = byType.get(type);
                if (ofType == null) {
                    ofType = new OfType(type);
                    for (int i = 0; i < tables.size(); i++) {
                        // a deferred table answers from its declaration, without being read
                        Set<Region> at = tables.get(i).getRegions(type);
                        if (!at.isEmpty()) {
                            ofType.add(tables.get(i), i, at);
                        }
                    }
                    Map<String, OfType> copy = new HashMap<>(byType);
                    copy.put(type, ofType);
                    byType = copy;
                }
            }
        }
        return ofType;
    }

    /**
     * Selects the factor for an activity.
     *
     * @param activity  the activity, not null
     * @return the selection, never null
     * @throws FactorNotFoundException if no factor fits, saying what was looked for
     */
    public Selection select(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        String factorId = activity.factorIdOrNull();
        if (factorId != null) {
            return byId(activity, factorId);
        }
        return select(activity, activity.getRegion());
    }

    /**
     * Selects the factor for an activity as if it were in another region, its chain walked instead of the
     * activity's: for a proxy ({@link CalculationPolicy#withProxy}). The selection's fallbacks are those of that
     * region's chain; the caller records the proxy.
     */
    Selection select(Activity activity, Region asked) {
        String type = activity.getType();
        try {
            return select(activity, type, asked);
        } catch (FactorNotFoundException notFound) {
            // a step up the hierarchy of types, to the nearest type above with a factor that fits
            for (String above = ActivityTypes.parentOrNull(type); above != null;
                    above = ActivityTypes.parentOrNull(above)) {
                if (types.contains(above)) {
                    Selection selection;
                    try {
                        selection = select(activity, above, asked);
                    } catch (FactorNotFoundException none) {
                        continue;
                    }
                    return selection.above(type, above);
                }
            }
            if (asked.getKind() == Region.Kind.GROUP && !groups().contains(asked)) {
                throw new FactorNotFoundException(activity.getId(), unknownGroup(asked));
            }
            throw notFound;
        }
    }

    /**
     * The money units that the factors of a type, or of a type above it, are per, such as "USD@2022": what an amount of
     * money in another unit would be converted to with the engine's money tables.
     */
    java.util.SortedSet<String> moneyUnits(String type) {
        TreeSet<String> units = new TreeSet<>();
        for (String at = type; at != null; at = ActivityTypes.parentOrNull(at)) {
            if (types.contains(at)) {
                for (FactorTable table : tables) {
                    for (EmissionFactor factor : table.getFactors(at)) {
                        if (factor.getPer().getDimension() == dev.carbonkit.quantity.Dimension.MONEY) {
                            units.add(factor.getPer().getCode());
                        }
                    }
                }
            }
        }
        return units;
    }

    /** The groups the tables and the hierarchy name; made on the first failure that needs them. */
    private volatile Set<Region> groups;

    private Set<Region> groups() {
        Set<Region> known = groups;
        if (known == null) {
            known = new TreeSet<>();
            for (Map.Entry<Region, List<Region>> group : hierarchy.getGroups().entrySet()) {
                known.add(group.getKey());
                known.addAll(group.getValue());
            }
            for (FactorTable table : tables) {
                // a deferred table answers from its declaration, without being read
                table.getRegionsByType().values().forEach(known::addAll);
            }
            known.removeIf(region -> region.getKind() != Region.Kind.GROUP);
            groups = known;
        }
        return known;
    }

    /**
     * Why a group no table or hierarchy names cannot be scored: Region.of takes any code of capitals, digits and
     * hyphens for a group, which only the catalog can say is one.
     */
    private String unknownGroup(Region region) {
        String key = "\u0000group\u0000" + region.getCode();
        String why = failures.get(key);
        if (why == null) {
            Set<String> codes = new TreeSet<>();
            groups().forEach(group -> codes.add(group.getCode()));
            String hint = Checks.suggest(region.getCode(), codes);
            why = remember(key, "region '" + region.getCode() + "' is not an ISO 3166 code, and no table or region"
                    + " hierarchy declares it as a group" + (hint == null ? "" : "; did you mean '" + hint + "'?")
                    + "; groups: " + Checks.cut(codes.toString(), 300));
        }
        return why;
    }

    /** Selects the factor of one type for an activity: of its own type, or of a type above it. */
    private Selection select(Activity activity, String type, Region asked) {
        OfType ofType = ofType(type);
        if (ofType == null) {
            String why = failures.get(type);
            if (why == null) {
                String hint = Checks.suggest(type, types);
                why = remember(type, "no factor for activity type '" + type + "'"
                        + (hint == null ? under(type) : "; did you mean '" + hint + "'?"));
            }
            throw new FactorNotFoundException(activity.getId(), why);
        }
        Unit unit = activity.getQuantity().getUnit();
        long day = activity.getLocalEpochDay();
        // the activity's own region first, the usual case, without looking up its chain
        AtRegion own = ofType.at(asked);
        Candidate found = own == null ? null : own.validOn(day, unit);
        if (found != null) {
            return selection(asked, found, asked, null, true);
        }
        List<Region> chain = chain(asked);
        for (Region region : chain.subList(1, chain.size())) {
            AtRegion here = ofType.at(region);
            Candidate best = here == null ? null : here.validOn(day, unit);
            if (best != null) {
                return selection(asked, best, region, null, true);
            }
        }
        // no factor valid on the day: at the first region with any, the one valid nearest to it
        LocalDate date = activity.getLocalDate();
        for (Region region : chain) {
            AtRegion here = ofType.at(region);
            Candidate best = null;
            for (Candidate candidate : here == null ? List.<Candidate>of() : here.candidates) {
                if (unit.isConvertibleTo(candidate.factor.getPer())
                        && (best == null || nearest(candidate, best, unit, date) < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return selection(asked, best, region, date, false);
            }
        }
        // nothing fits: say why, looking at every factor of the type
        List<Candidate> all = ofType.all();
        List<Candidate> usable = new ArrayList<>();
        for (Candidate candidate : all) {
            if (unit.isConvertibleTo(candidate.factor.getPer())) {
                usable.add(candidate);
            }
        }
        if (usable.isEmpty()) {
            TreeSet<String> units = new TreeSet<>();
            all.forEach(c -> units.add(c.factor.getPer() + " (" + c.factor.getPer().getDimension() + ")"));
            throw new FactorNotFoundException(activity.getId(), "factors for type '" + type
                    + "' are per " + String.join(", ", units) + "; the quantity '" + activity.getQuantity()
                    + "' is " + activity.getQuantity().getDimension() + " and does not convert"
                    + (activity.getQuantity().getDimension() == dev.carbonkit.quantity.Dimension.MONEY
                            ? " without money tables (price indices, exchange rates) that you pin" : ""));
        }
        String key = type + '\u0000' + asked.getCode() + '\u0000' + unit.getCode();
        String why = failures.get(key);
        if (why == null) {
            TreeSet<String> regions = new TreeSet<>();
            usable.forEach(c -> regions.add(c.factor.getRegion().getCode()));
            why = remember(key, "no factor for type '" + type + "' in region " + asked
                    + " or any wider region " + chain + nearby(type, chain) + "; factors of the type exist for "
                    + Checks.cut(regions.toString(), 300));
        }
        throw new FactorNotFoundException(activity.getId(), why);
    }

    /**
     * Keeps why a type (in a region, in a unit) cannot be scored: a stream of activities credited but not scored (a
     * metro ride where no table has a metro factor) asks the same question again and again, and the answer, with its
     * hints, takes a walk over the catalog. Bounded: cleared past 4,096 answers.
     */
    private String remember(String key, String why) {
        if (failures.size() >= 4096) {
            failures.clear();
        }
        failures.put(key, why);
        return why;
    }

    /**
     * Says which types with factors are under the nearest group above an unknown type that has any, below its
     * category: for {@code transport.bus.electric}, the types under {@code transport.bus}.
     */
    private String under(String type) {
        // a category alone (transport) is too wide to be a hint
        for (String group = ActivityTypes.parentOrNull(type); group != null && group.indexOf('.') > 0;
                group = ActivityTypes.parentOrNull(group)) {
            List<String> found = new ArrayList<>();
            for (String other : types) {
                if (ActivityTypes.isUnder(other, group)) {
                    found.add(other);
                }
            }
            if (!found.isEmpty()) {
                java.util.Collections.sort(found);
                List<String> some = found.subList(0, Math.min(found.size(), 5));
                return "; types under " + group + " with factors: " + String.join(", ", some)
                        + (found.size() > some.size() ? " and " + (found.size() - some.size()) + " more" : "");
            }
        }
        return "";
    }

    /**
     * Says which types near one (under it, or under its parent) have a factor in a region of the chain: where
     * {@code home.electricity.grid} has no factor for DE, that {@code home.electricity.grid.lifecycle} has.
     */
    private String nearby(String type, List<Region> chain) {
        String parent = ActivityTypes.parentOrNull(type);
        String group = parent == null ? type : parent;
        TreeSet<String> found = new TreeSet<>();
        for (String other : types) {
            if (!other.equals(type) && ActivityTypes.isUnder(other, group)) {
                for (FactorTable table : tables) {
                    Set<Region> at = table.getRegions(other);
                    if (chain.stream().anyMatch(at::contains)) {
                        found.add(other);
                        break;
                    }
                }
            }
        }
        if (found.isEmpty()) {
            return "";
        }
        List<String> some = new ArrayList<>(found).subList(0, Math.min(found.size(), 5));
        return "; types with a factor for " + chain.get(0) + (chain.size() > 1 ? " or wider" : "") + ": "
                + String.join(", ", some) + (found.size() > some.size() ? " and " + (found.size() - some.size())
                + " more" : "");
    }

    private List<Region> chain(Region region) {
        List<Region> chain = chains.get(region);
        if (chain == null) {
            chain = hierarchy.chain(region);
            if (chains.size() < CHAINS_KEPT) {
                chains.put(region, chain);
            }
        }
        return chain;
    }

    /**
     * The order of preference among candidates valid alike at one region: the activity's own unit, table precedence,
     * latest first day of validity (an open start, as {@link Long#MIN_VALUE}, last), and factor id.
     */
    private static int order(Candidate a, long firstA, Candidate b, long firstB, Unit unit) {
        boolean ownA = a.factor.getPer().equals(unit);
        if (ownA != b.factor.getPer().equals(unit)) {
            return ownA ? -1 : 1;
        }
        if (a.precedence != b.precedence) {
            return Integer.compare(a.precedence, b.precedence);
        }
        if (firstA != firstB) {
            return Long.compare(firstB, firstA);
        }
        return a.factor.getId().compareTo(b.factor.getId());
    }

    /** When no candidate is valid on the date: the one valid nearest to it first, then {@link #order}. */
    private static int nearest(Candidate a, Candidate b, Unit unit, LocalDate date) {
        int byDistance = Long.compare(a.factor.getValidity().daysTo(date), b.factor.getValidity().daysTo(date));
        return byDistance != 0 ? byDistance : order(a, a.first, b, b.first, unit);
    }

    /** A day as an epoch day, or the value given for an open end. */
    private static long epochDay(Optional<LocalDate> day, long open) {
        return day.isPresent() ? day.get().toEpochDay() : open;
    }

    private static Selection selection(Region asked, Candidate best, Region region, LocalDate date,
            boolean dateValid) {
        boolean otherRegion = !region.equals(asked);
        if (!otherRegion && dateValid) {
            return best.plain;
        }
        List<Fallback> fallbacks = new ArrayList<>(2);
        if (otherRegion) {
            fallbacks.add(Fallback.of(Fallback.Kind.REGION, asked.getCode(), region.getCode()));
        }
        if (!dateValid) {
            fallbacks.add(Fallback.of(Fallback.Kind.DATE, date.toString(), best.factor.getValidity().toString()));
        }
        return new Selection(best.factor, best.table, fallbacks, false, best.plans);
    }

    private Selection byId(Activity activity, String factorId) {
        for (FactorTable table : tables) {
            var factor = table.getFactor(factorId);
            if (factor.isPresent()) {
                if (!activity.getQuantity().getUnit().isConvertibleTo(factor.get().getPer())) {
                    throw new IncompatibleFactorException(activity.getId(), factor.get(), activity.getQuantity());
                }
                return new Selection(factor.get(), table, List.of(), true, new FactorPlan.PerSet(factor.get()));
            }
        }
        List<String> ids = new ArrayList<>();
        tables.forEach(t -> t.getFactors().forEach(f -> ids.add(f.getId())));
        String hint = Checks.suggest(factorId, ids);
        throw new FactorNotFoundException(activity.getId(), "no factor with id '" + factorId + "' in tables "
                + tableIds() + (hint == null ? "" : "; did you mean '" + hint + "'?"));
    }

    private List<String> tableIds() {
        List<String> ids = new ArrayList<>();
        tables.forEach(t -> ids.add(t.getId()));
        return ids;
    }

    /**
     * Gets the tables, in order of precedence.
     *
     * @return the tables, unmodifiable, never null
     */
    public List<FactorTable> getTables() {
        return tables;
    }
}
