package org.clinlead.content;

import java.time.LocalDate;
import org.clinlead.core.security.UserAccountService;
import org.clinlead.insights.PositionForm;
import org.clinlead.insights.Readiness;
import org.clinlead.insights.SuccessionService;
import org.clinlead.people.JobRoleQuery;
import org.springframework.stereotype.Component;

/**
 * The demo organisation's succession data, made by HR through the real service: critical
 * positions in clinical operations Europe and study management (one with nobody named, one
 * successor named for two positions), and two rounds of talent review for the German team.
 */
@Component
class DemoSuccession {

    private final SuccessionService succession;
    private final DemoRepository repository;
    private final JobRoleQuery roles;
    private final UserAccountService accounts;

    DemoSuccession(SuccessionService succession, DemoRepository repository, JobRoleQuery roles, UserAccountService accounts) {
        this.succession = succession;
        this.repository = repository;
        this.roles = roles;
        this.accounts = accounts;
    }

    void load() {
        DemoSignIn.as(accounts, "hr", () -> {
            LocalDate today = LocalDate.now();
            long de = position("Clinical Operations Manager, Germany", "CO-EU-DE", "COM", "E10101", "medium", "high");
            long gb = position("Clinical Operations Manager, United Kingdom", "CO-EU-GB", "COM", "E10039", "high", "high");
            long onc = position("Clinical Trial Manager, HLX-ONC-301", "STUDY-ONC", "CTM", "E10215", "high", "high");
            position("Director Clinical Operations Europe", "CO-EU", "DIR", "E10011", "low", "high");
            name(de, "E10014", Readiness.READY_NOW, "Runs the team when Lukas is away.");
            name(de, "E10015", Readiness.ONE_TO_TWO_YEARS, "Coached by Helen Marsh.");
            name(gb, "E10040", Readiness.THREE_PLUS_YEARS, "");
            name(onc, "E10102", Readiness.ONE_TO_TWO_YEARS, "CRA to CTM path; rotation planned.");
            name(onc, "E10014", Readiness.ONE_TO_TWO_YEARS, "Also named for Germany.");
            String[][] earlier = {{"E10014", "high", "moderate"}, {"E10015", "moderate", "moderate"}, {"E10102", "moderate", "high"},
                {"E10016", "moderate", "low"}, {"E10017", "high", "low"}, {"E10018", "low", "moderate"}};
            String[][] latest = {{"E10014", "high", "high"}, {"E10015", "high", "moderate"}, {"E10102", "moderate", "high"},
                {"E10016", "moderate", "low"}, {"E10017", "high", "moderate"}, {"E10018", "moderate", "moderate"},
                {"E10019", "low", "low"}, {"E10020", "moderate", "moderate"}};
            for (String[] r : earlier) {
                succession.rate(employee(r[0]), r[1], r[2], "Talent review " + today.minusYears(1).getYear(), today.minusYears(1));
            }
            for (String[] r : latest) {
                succession.rate(employee(r[0]), r[1], r[2], "Calibrated with the Europe managers", today.minusDays(21));
            }
            return null;
        });
    }

    private long position(String title, String unit, String role, String incumbent, String risk, String impact) {
        return succession.createPosition(new PositionForm(title, repository.orgUnitId(unit).orElseThrow(),
                roles.byCode(role).orElseThrow().id(), employee(incumbent), risk, impact));
    }

    private void name(long position, String employee, Readiness readiness, String note) {
        succession.nameSuccessor(position, employee(employee), readiness, note);
    }

    private long employee(String number) {
        return repository.employeeId(number).orElseThrow();
    }
}
