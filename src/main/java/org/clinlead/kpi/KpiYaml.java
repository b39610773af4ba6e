package org.clinlead.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clinlead.core.content.ContentException;
import org.clinlead.core.content.ContentProblem;
import org.clinlead.core.content.YamlNode;

/**
 * Reads KPI definitions from {@code content/kpis/*.yaml} (docs/kpis.md, "Definitions"). Every
 * problem is reported with its file, line and field; a file with any problem is rejected whole.
 */
public final class KpiYaml {

    static final String[] KEYS = {"code", "name", "description", "unit", "direction", "level", "aggregation", "rate_scale",
            "target", "source", "min", "max"};
    /** The most a percentage can be unless the KPI declares more (enrolment against plan can exceed 100 %). */
    static final BigDecimal PERCENT_MAX = BigDecimal.valueOf(100);
    /** The longest duration a KPI in days can have unless it declares more: ten years. */
    static final BigDecimal DAYS_MAX = BigDecimal.valueOf(3650);

    private KpiYaml() {
    }

    /** The definitions of one file; codes must be unique across {@code earlier} files too. */
    public static List<KpiDefinition> read(String file, String text, Map<String, KpiDefinition> earlier) {
        List<ContentProblem> problems = new ArrayList<>();
        YamlNode root = YamlNode.parse(file, text, problems);
        root.allowOnly("kpis");
        List<KpiDefinition> definitions = new ArrayList<>();
        Map<String, KpiDefinition> seen = new HashMap<>(earlier);
        root.get("kpis").ifPresentOrElse(list -> list.items().forEach(item -> {
            int before = problems.size();
            item.allowOnly(KEYS);
            String code = item.requiredText("code");
            if (code != null && !code.matches("^[A-Z][A-Z0-9_-]{1,39}$")) {
                item.problem("code: \"" + code + "\" must be 2 to 40 capital letters, digits, '-' or '_', starting with a letter.");
            }
            String name = item.requiredText("name");
            String unit = item.requiredText("unit");
            String direction = item.requiredText("direction");
            if (direction != null && !direction.equals("higher_is_better") && !direction.equals("lower_is_better")) {
                item.problem("direction: \"" + direction + "\" must be higher_is_better or lower_is_better.");
            }
            String levelText = item.requiredText("level");
            KpiLevel level = levelText == null ? null : KpiLevel.of(levelText).orElse(null);
            if (levelText != null && level == null) {
                item.problem("level: \"" + levelText + "\" must be one of " + Arrays.stream(KpiLevel.values())
                        .map(KpiLevel::code).collect(Collectors.joining(", ")) + ".");
            }
            String aggregationText = item.requiredText("aggregation");
            Aggregation aggregation = aggregationText == null ? null : Aggregation.of(aggregationText).orElse(null);
            if (aggregationText != null && aggregation == null) {
                item.problem("aggregation: \"" + aggregationText + "\" must be mean, sum or rate.");
            }
            BigDecimal scale = number(item, "rate_scale");
            if (scale != null && scale.signum() <= 0) {
                item.problem("rate_scale: must be greater than 0, not " + scale.toPlainString() + ".");
            }
            if (scale != null && aggregation != null && aggregation != Aggregation.RATE) {
                item.problem("rate_scale: only a KPI with aggregation rate has a rate scale.");
            }
            BigDecimal target = number(item, "target");
            // Every shipped KPI counts, times or rates something: none is below 0 unless it says so.
            BigDecimal min = item.get("min").isPresent() ? number(item, "min") : BigDecimal.ZERO;
            BigDecimal max = item.get("max").isPresent() ? number(item, "max") : defaultMax(unit);
            if (min != null && max != null && min.compareTo(max) >= 0) {
                item.problem("max: must be greater than min (" + min.toPlainString() + "), not " + max.toPlainString() + ".");
            } else if (target != null && (min != null && target.compareTo(min) < 0 || max != null && target.compareTo(max) > 0)) {
                item.problem("target: " + target.toPlainString() + " is outside min and max.");
            }
            if (code != null && seen.containsKey(code)) {
                KpiDefinition other = seen.get(code);
                item.problem("code: " + code + " is already defined in " + other.file() + " line " + other.line() + ".");
            }
            if (problems.size() == before) {
                KpiDefinition definition = new KpiDefinition(code, name, item.optionalText("description", ""), unit,
                        direction.equals("higher_is_better"), level, aggregation, scale == null ? BigDecimal.ONE : scale, target,
                        item.optionalText("source", ""), min, max, file, item.line());
                seen.put(code, definition);
                definitions.add(definition);
            }
        }), () -> root.problem("\"kpis\" is missing: the file lists its KPIs under kpis:."));
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
        return definitions;
    }

    /** Percentages (a unit with %) up to 100, durations in days up to ten years, anything else unbounded above. */
    static BigDecimal defaultMax(String unit) {
        if (unit == null) {
            return null;
        }
        String u = unit.trim().toLowerCase(java.util.Locale.ROOT);
        if (u.contains("%") || u.contains("percent")) {
            return PERCENT_MAX;
        }
        if (u.equals("days") || u.startsWith("days ") || u.equals("calendar days")) {
            return DAYS_MAX;
        }
        return null;
    }

    private static BigDecimal number(YamlNode item, String key) {
        var node = item.get(key);
        if (node.isEmpty()) {
            return null;
        }
        String text = node.get().text();
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            node.get().problem(key + ": \"" + text + "\" is not a number.");
            return null;
        }
    }
}
