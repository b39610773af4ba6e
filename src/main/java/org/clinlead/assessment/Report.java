package org.clinlead.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A released 360° report with the anonymity rules applied: a group's mean is present only where
 * enough of its raters gave a score, comments only from groups that met the comments threshold.
 * {@code heldForDebrief}: the cycle releases reports to the coach first and the coach has not
 * released this one to its subject yet (only the coach reads it).
 */
public record Report(long cycleSubjectId, long cycleId, String cycleName, String purpose, String frameworkTitle,
                     long employeeId, String subjectName, String jobRole, Instant releasedAt,
                     BigDecimal threshold, int scaleMax, List<String> levelNames,
                     List<GroupParticipation> groups, List<CompetencyResult> competencies,
                     List<Comment> comments, String previousCycleName, boolean heldForDebrief) {

    /**
     * How many raters of a group were asked and answered, and what of theirs is shown; for the
     * combined group, which groups it {@code combines} (none of which has figures of its own).
     */
    public record GroupParticipation(RaterGroup group, int invited, int responded, boolean numbersVisible,
                                     boolean commentsVisible, List<RaterGroup> combines) {

        /** "Peers", or "Others (combined): peers, external partners". */
        public String label() {
            return combines.isEmpty() ? group.label()
                    : group.label() + ": " + String.join(", ", combines.stream().map(g -> g.label().toLowerCase()).toList());
        }
    }

    /** The groups a table of this report has a column for: the nominated ones, and the combined group when there is one. */
    public List<RaterGroup> columns() {
        return java.util.Arrays.stream(RaterGroup.values())
                .filter(g -> g != RaterGroup.COMBINED || groups.stream().anyMatch(p -> p.group() == RaterGroup.COMBINED))
                .toList();
    }

    /** A group's mean for one competency and how many scores it rests on; mean null when hidden. */
    public record Score(BigDecimal mean, int scores) {

        public boolean shown() {
            return mean != null;
        }
    }

    public enum Flag { BLIND_SPOT, HIDDEN_STRENGTH }

    public record CompetencyResult(long competencyId, String code, String name, String domainName, int required,
                                   Map<RaterGroup, Score> byGroup, Score others, BigDecimal previousOthers) {

        public Optional<BigDecimal> self() {
            Score self = byGroup.get(RaterGroup.SELF);
            return self == null || !self.shown() ? Optional.empty() : Optional.of(self.mean());
        }

        public Optional<BigDecimal> othersMean() {
            return others == null || !others.shown() ? Optional.empty() : Optional.of(others.mean());
        }

        /** Others' mean minus the required level (negative: below what the role requires). */
        public Optional<BigDecimal> gapToRequired() {
            return othersMean().map(m -> m.subtract(BigDecimal.valueOf(required)));
        }

        /** Self minus others. */
        public Optional<BigDecimal> selfOthersGap() {
            return self().flatMap(s -> othersMean().map(s::subtract));
        }

        public Optional<BigDecimal> changeSincePrevious() {
            return previousOthers == null ? Optional.empty() : othersMean().map(m -> m.subtract(previousOthers));
        }

        public Optional<Flag> flag(BigDecimal threshold) {
            return selfOthersGap().flatMap(gap -> gap.compareTo(threshold) >= 0 ? Optional.of(Flag.BLIND_SPOT)
                    : gap.negate().compareTo(threshold) >= 0 ? Optional.of(Flag.HIDDEN_STRENGTH) : Optional.empty());
        }
    }

    /** A comment without its author; {@code competencyCode} null for the overall questions. */
    public record Comment(String competencyCode, String question, RaterGroup group, String text) {
    }

    public List<CompetencyResult> blindSpots() {
        return competencies.stream().filter(c -> c.flag(threshold).orElse(null) == Flag.BLIND_SPOT).toList();
    }

    public List<CompetencyResult> hiddenStrengths() {
        return competencies.stream().filter(c -> c.flag(threshold).orElse(null) == Flag.HIDDEN_STRENGTH).toList();
    }

    /** The five competencies others rate highest. */
    public List<CompetencyResult> topStrengths() {
        return competencies.stream().filter(c -> c.othersMean().isPresent())
                .sorted(Comparator.comparing((CompetencyResult c) -> c.othersMean().orElseThrow()).reversed()
                        .thenComparing(CompetencyResult::code))
                .limit(5).toList();
    }

    /** The five largest shortfalls of others' mean against the required level. */
    public List<CompetencyResult> topDevelopmentAreas() {
        return competencies.stream().filter(c -> c.gapToRequired().map(g -> g.signum() < 0).orElse(false))
                .sorted(Comparator.comparing((CompetencyResult c) -> c.gapToRequired().orElseThrow())
                        .thenComparing(CompetencyResult::code))
                .limit(5).toList();
    }

    /**
     * A domain's results: for each group and for all others, the mean of that group's shown
     * competency means in the domain (each competency weighs the same) and how many scores they
     * rest on; the required level is the mean of the domain's required levels. Only shown means
     * enter, so a domain figure never reveals more than the competency figures do.
     */
    public record DomainResult(String name, int competencies, BigDecimal required, Map<RaterGroup, Score> byGroup,
                               Score others) {

        public Optional<BigDecimal> gapToRequired() {
            return others == null || !others.shown() ? Optional.empty() : Optional.of(others.mean().subtract(required));
        }
    }

    public List<DomainResult> domains() {
        Map<String, List<CompetencyResult>> byDomain = new java.util.LinkedHashMap<>();
        competencies.forEach(c -> byDomain.computeIfAbsent(c.domainName(), k -> new java.util.ArrayList<>()).add(c));
        List<DomainResult> result = new java.util.ArrayList<>();
        byDomain.forEach((domain, list) -> {
            Map<RaterGroup, Score> groups = emptyScores();
            for (RaterGroup group : columns()) {
                Score score = combine(list.stream().map(c -> c.byGroup().get(group)).toList());
                if (score != null) {
                    groups.put(group, score);
                }
            }
            result.add(new DomainResult(domain, list.size(),
                    average(list.stream().map(c -> BigDecimal.valueOf(c.required())).toList()),
                    groups, combine(list.stream().map(CompetencyResult::others).toList())));
        });
        return result;
    }

    /** Null when the group has no scores in any competency; a hidden score when none of them is shown. */
    private static Score combine(List<Score> scores) {
        List<Score> present = scores.stream().filter(java.util.Objects::nonNull).toList();
        if (present.isEmpty()) {
            return null;
        }
        List<Score> shown = present.stream().filter(Score::shown).toList();
        return shown.isEmpty() ? new Score(null, 0)
                : new Score(average(shown.stream().map(Score::mean).toList()), shown.stream().mapToInt(Score::scores).sum());
    }

    private static BigDecimal average(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, java.math.RoundingMode.HALF_UP);
    }

    public static Map<RaterGroup, Score> emptyScores() {
        return new EnumMap<>(RaterGroup.class);
    }
}
