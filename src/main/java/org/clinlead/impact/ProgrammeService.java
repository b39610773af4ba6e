package org.clinlead.impact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.audit.AuditReason;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.DataScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Programmes whose impact is measured, kept by HR (docs/impact.md, "Programmes"): what kind of
 * intervention, who took part, what it cost, and what it should move. Named participants must be
 * in the editor's scope.
 */
@Service
@PreAuthorize("hasAnyRole('HR', 'ADMIN')")
public class ProgrammeService {

    private final ProgrammeRepository repository;
    private final CurrentUserProvider currentUser;
    private final DataScope scope;
    private final AuditReason auditReason;

    ProgrammeService(ProgrammeRepository repository, CurrentUserProvider currentUser, DataScope scope,
                     AuditReason auditReason) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.scope = scope;
        this.auditReason = auditReason;
    }

    @Transactional
    public long create(ProgrammeForm form) {
        CurrentUser user = currentUser.require();
        Links links = validate(user, form, null);
        auditReason.set("Programme added");
        long id = repository.insert(form, user.displayName());
        repository.replaceLinks(id, links.participants(), links.courses(), links.competencies(), links.kpis());
        return id;
    }

    @Transactional
    public void update(long id, int version, ProgrammeForm form) {
        CurrentUser user = currentUser.require();
        Links links = validate(user, form, id);
        auditReason.set("Programme changed");
        if (!repository.update(id, version, form)) {
            throw new ConcurrentChangeException("Someone else changed this programme meanwhile. Reopen it to see their change.");
        }
        repository.replaceLinks(id, links.participants(), links.courses(), links.competencies(), links.kpis());
    }

    /** The named participants' employee numbers, for the edit form. */
    @Transactional(readOnly = true)
    public List<String> participantNumbers(long id) {
        return repository.participantNumbers(id);
    }

    private record Links(Map<Long, LocalDate> participants, Set<Long> courses, List<ProgrammeRepository.CompetencyKey> competencies,
                         Set<Long> kpis) {
    }

    private Links validate(CurrentUser user, ProgrammeForm form, Long id) {
        String code = form.code() == null ? "" : form.code().trim();
        if (!code.matches("[A-Z][A-Z0-9_-]{1,39}")) {
            throw new InvalidInputException("code", "Give a short code in capitals, digits, - or _ (2–40 characters), e.g. QLC-2026.");
        }
        if (repository.codeTaken(code, id)) {
            throw new InvalidInputException("code", "Another programme already has the code " + code + ".");
        }
        if (form.name() == null || form.name().isBlank() || form.name().trim().length() > 200) {
            throw new InvalidInputException("name", "Name the programme (at most 200 characters).");
        }
        if (form.kind() == null) {
            throw new InvalidInputException("kind", "Choose what kind of programme this is.");
        }
        if (form.kind() == ProgrammeKind.COURSE && (form.courseId() == null || !repository.courseExists(form.courseId()))) {
            throw new InvalidInputException("course", "Choose the course whose completions make the participants.");
        }
        if (form.kind() != ProgrammeKind.COURSE && form.courseId() != null) {
            throw new InvalidInputException("course", "Only a course programme takes its participants from a course.");
        }
        if (form.kind() == ProgrammeKind.CYCLE_FOLLOW_UP && (form.cycleId() == null || !repository.releasedCycle(form.cycleId()))) {
            throw new InvalidInputException("cycle", "Choose a released 360 cycle; its subjects are the participants.");
        }
        if (form.kind() != ProgrammeKind.CYCLE_FOLLOW_UP && form.cycleId() != null) {
            throw new InvalidInputException("cycle", "Only a 360 follow-up takes its participants from a cycle.");
        }
        if (form.startsOn() == null) {
            throw new InvalidInputException("startsOn", "Enter the day the programme started.");
        }
        if (form.endsOn() != null && form.endsOn().isBefore(form.startsOn())) {
            throw new InvalidInputException("endsOn", "The programme cannot end before it starts.");
        }
        cost("fixedCost", form.fixedCost());
        cost("costPerParticipant", form.costPerParticipant());
        if (form.currency() == null || !form.currency().matches("[A-Z]{3}")) {
            throw new InvalidInputException("currency", "Enter a three-letter currency code, e.g. USD or EUR.");
        }
        Map<Long, LocalDate> participants = participants(user, form);
        Set<Long> courses = new LinkedHashSet<>();
        for (Long course : Optional.ofNullable(form.courseIds()).orElse(List.of())) {
            if (course == null || !repository.courseExists(course)) {
                throw new InvalidInputException("courses", "One of the chosen courses does not exist any more.");
            }
            courses.add(course);
        }
        List<ProgrammeRepository.CompetencyKey> competencies = new ArrayList<>();
        for (String ref : Optional.ofNullable(form.competencies()).orElse(List.of())) {
            String[] parts = ref.trim().split(":", 2);
            Optional<Long> framework = parts.length == 2 ? repository.competencyFramework(parts[0].trim(), parts[1].trim()) : Optional.empty();
            if (framework.isEmpty()) {
                throw new InvalidInputException("competencies", "There is no competency " + ref.trim() + " (write FRAMEWORK:CODE, e.g. CR-CORE:QM).");
            }
            ProgrammeRepository.CompetencyKey key = new ProgrammeRepository.CompetencyKey(framework.get(), parts[1].trim());
            if (!competencies.contains(key)) {
                competencies.add(key);
            }
        }
        List<String> kpiCodes = Optional.ofNullable(form.kpiCodes()).orElse(List.of()).stream().map(String::trim).distinct().toList();
        Map<String, Long> kpis = repository.kpis(kpiCodes);
        List<String> unknownKpis = kpiCodes.stream().filter(c -> !kpis.containsKey(c)).toList();
        if (!unknownKpis.isEmpty()) {
            throw new InvalidInputException("kpis", "There is no KPI " + String.join(", ", unknownKpis) + ".");
        }
        return new Links(participants, courses, competencies, new LinkedHashSet<>(kpis.values()));
    }

    private static void cost(String field, BigDecimal value) {
        if (value == null || value.signum() < 0 || value.compareTo(new BigDecimal("9999999999")) > 0) {
            throw new InvalidInputException(field, "Enter an amount of 0 or more.");
        }
    }

    /** Named participants by employee number; every number must exist and be in the editor's scope. */
    private Map<Long, LocalDate> participants(CurrentUser user, ProgrammeForm form) {
        List<String> numbers = Optional.ofNullable(form.participants()).orElse(List.of()).stream()
                .map(String::trim).filter(n -> !n.isEmpty()).distinct().toList();
        if (!form.kind().namesParticipants()) {
            if (!numbers.isEmpty()) {
                throw new InvalidInputException("participants", "A " + form.kind().label().toLowerCase()
                        + " takes its participants from the records; leave the list empty.");
            }
            return Map.of();
        }
        if (numbers.isEmpty()) {
            throw new InvalidInputException("participants", "List the participants' employee numbers.");
        }
        Map<String, Long> found = repository.employees(numbers);
        List<String> unknown = numbers.stream().filter(n -> !found.containsKey(n)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("participants", "No employee has the number " + String.join(", ", unknown.stream().limit(10).toList())
                    + (unknown.size() > 10 ? " and " + (unknown.size() - 10) + " more" : "") + ".");
        }
        List<String> outside = repository.numbersNotVisible(found.values(), id -> scope.employees(user, id));
        if (!outside.isEmpty()) {
            throw new InvalidInputException("participants", String.join(", ", outside.stream().limit(10).toList())
                    + (outside.size() == 1 ? " is" : " are") + " outside your part of the organisation.");
        }
        Map<Long, LocalDate> participants = new LinkedHashMap<>();
        numbers.forEach(n -> participants.put(Objects.requireNonNull(found.get(n)), form.startsOn()));
        return participants;
    }
}
