package org.clinlead.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clinlead.core.content.ContentException;
import org.clinlead.core.content.ContentProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads KPI definitions from content and keeps study sites, the KPI subjects below a study. */
@Service
public class KpiService {

    private final KpiRepository repository;

    KpiService(KpiRepository repository) {
        this.repository = repository;
    }

    /**
     * Creates or updates the definitions by code (content is the source of truth for them); returns
     * how many changed. A KPI's level cannot change once it has observations.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int loadDefinitions(List<KpiDefinition> definitions) {
        Map<String, KpiLevel> inUse = repository.levelsInUse();
        List<ContentProblem> problems = new ArrayList<>();
        for (KpiDefinition d : definitions) {
            KpiLevel used = inUse.get(d.code());
            if (used != null && used != d.level()) {
                problems.add(new ContentProblem(d.file(), d.line(), "level: " + d.code() + " already has observations per "
                        + used.code() + "; its level cannot become " + d.level().code() + ". Define a new KPI instead."));
            }
        }
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
        int changed = 0;
        for (int i = 0; i < definitions.size(); i++) {
            if (repository.upsert(definitions.get(i), (i + 1) * 10)) {
                changed++;
            }
        }
        return changed;
    }

    /** Adds a site to a study; its code is unique within the study. */
    @PreAuthorize("hasAnyRole('HR', 'ADMIN')")
    @Transactional
    public long addSite(long studyId, String siteCode, String name, String country, LocalDate activatedOn) {
        return repository.addSite(studyId, siteCode, name, country, activatedOn, activatedOn == null ? "planned" : "active");
    }
}
