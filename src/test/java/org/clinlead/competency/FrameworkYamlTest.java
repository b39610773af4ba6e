package org.clinlead.competency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.clinlead.core.content.ContentException;
import org.clinlead.core.content.ContentProblem;
import org.junit.jupiter.api.Test;

public class FrameworkYamlTest {

    static final Set<String> ROLES = Set.of("CTA", "CRC", "CRA", "SCRA", "CDM", "QAA", "CTM", "DML", "QAM", "COM", "DIR",
            "VPCO", "LND");

    public static final String SMALL = """
            code: TEST-FW
            name: Test framework
            version: 1
            status: draft
            levels:
              - level: 1
                name: Fundamental
              - level: 2
                name: Skilled
            domains:
              - code: D1
                name: Domain one
                competencies:
                  - code: D1-01
                    name: First competency
                    levels:
                      1:
                        descriptor: Does it with help.
                        indicators: [Asks for help]
                      2:
                        descriptor: Does it alone.
            roleProfiles:
              CRA:
                D1-01: 2
            """;

    private static String file(String name) throws IOException {
        return Files.readString(Path.of("content/frameworks", name));
    }

    @Test
    void theShippedFrameworksAreValidAndComplete() throws IOException {
        for (String name : new String[] {"clinical-research-core.yaml", "clinical-leadership.yaml"}) {
            FrameworkDocument doc = FrameworkYaml.read(name, file(name), ROLES);
            assertThat(doc.status()).isEqualTo("published");
            assertThat(doc.competencyCount()).isGreaterThanOrEqualTo(15);
            doc.domains().forEach(d -> d.competencies().forEach(c ->
                    assertThat(c.levels().keySet()).as(c.code()).containsExactly(1, 2, 3)));
            assertThat(doc.roleProfiles()).isNotEmpty();
        }
    }

    @Test
    void everyShippedJobRoleHasARoleProfile() throws IOException {
        Set<String> roles = new java.util.HashSet<>();
        org.clinlead.people.JobRoleCatalogue.read("roles.yaml", Files.readString(Path.of("content/roles.yaml")))
                .forEach(r -> roles.add(r.code()));
        assertThat(roles).isEqualTo(ROLES);
        Set<String> profiled = new java.util.HashSet<>();
        for (String name : new String[] {"clinical-research-core.yaml", "clinical-leadership.yaml"}) {
            profiled.addAll(FrameworkYaml.read(name, file(name), ROLES).roleProfiles().keySet());
        }
        assertThat(profiled).containsAll(roles);
    }

    @Test
    void theClinicalResearchFrameworkFollowsTheEightJointTaskForceDomains() throws IOException {
        FrameworkDocument doc = FrameworkYaml.read("core", file("clinical-research-core.yaml"), ROLES);
        assertThat(doc.domains()).extracting(FrameworkDocument.Domain::name).containsExactly(
                "Scientific Concepts and Research Design", "Ethical and Participant Safety Considerations",
                "Investigational Products Development and Regulation", "Clinical Study Operations (GCPs)",
                "Study and Site Management", "Data Management and Informatics", "Leadership and Professionalism",
                "Communication and Teamwork");
        assertThat(doc.levels()).extracting(FrameworkDocument.Level::name).containsExactly("Fundamental", "Skilled", "Advanced");
    }

    @Test
    void writingAndReadingGivesTheSameDocument() {
        FrameworkDocument doc = FrameworkYaml.read("small.yaml", SMALL, ROLES);
        FrameworkDocument again = FrameworkYaml.read("again.yaml", FrameworkYaml.write(doc), ROLES);
        assertThat(again).isEqualTo(doc);
    }

    @Test
    void everyProblemIsReportedWithItsLine() {
        String bad = SMALL.replace("code: D1-01", "code: d1-01")
                .replace("  CRA:", "  NOPE:")
                .replace("name: Skilled", "name: Skilled\n    colour: blue");
        assertThatThrownBy(() -> FrameworkYaml.read("bad.yaml", bad, ROLES))
                .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.problems())
                        .extracting(ContentProblem::line, p -> p.message().substring(0, 20))
                        .contains(org.assertj.core.groups.Tuple.tuple(10, "Unknown key \"colour\""),
                                org.assertj.core.groups.Tuple.tuple(15, "The competency code ")));
        assertThatThrownBy(() -> FrameworkYaml.read("bad.yaml", bad, ROLES))
                .hasMessageContaining("bad.yaml line 25: There is no job role NOPE");
    }

    @Test
    void aDescriptorForALevelTheScaleDoesNotHaveIsReported() {
        String bad = SMALL.replace("descriptor: Does it alone.",
                "descriptor: Does it alone.\n          3:\n            descriptor: Too high.");
        assertThat(bad).contains("Too high");
        assertThatThrownBy(() -> FrameworkYaml.read("bad.yaml", bad, ROLES))
                .hasMessageContaining("describes level 3, which the framework does not have");
    }

    @Test
    void invalidYamlIsReportedWithItsLine() {
        assertThatThrownBy(() -> FrameworkYaml.read("broken.yaml", "code: X\nname: [unclosed\n", ROLES))
                .isInstanceOfSatisfying(ContentException.class, e -> {
                    assertThat(e.problems().getFirst().line()).isGreaterThan(1);
                    assertThat(e.getMessage()).startsWith("broken.yaml line");
                });
    }

    @Test
    void aRoleProfileLevelOutsideTheScaleIsReported() {
        assertThatThrownBy(() -> FrameworkYaml.read("bad.yaml", SMALL.replace("D1-01: 2", "D1-01: 5"), ROLES))
                .hasMessageContaining("must be between 1 and 2");
    }
}
