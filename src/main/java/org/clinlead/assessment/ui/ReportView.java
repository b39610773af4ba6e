package org.clinlead.assessment.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.clinlead.assessment.RaterGroup;
import org.clinlead.assessment.Report;
import org.clinlead.assessment.ReportService;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.security.CurrentUser;
import org.clinlead.core.security.CurrentUserProvider;
import org.clinlead.core.security.Roles;
import org.clinlead.core.ui.Notifications;
import org.clinlead.core.ui.charts.DotChart;

/** A released 360° report: who answered, the chart, each competency, strengths, gaps and comments. */
@Route("assessments/reports/:cycleSubjectId")
@PermitAll
public class ReportView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneId.of("UTC"));
    static final DotChart.Series REQUIRED = new DotChart.Series("Role requires", DotChart.Shape.BAR, "#6b7785");
    static final DotChart.Series SELF = new DotChart.Series("Self", DotChart.Shape.DOT, "#d97706");
    static final DotChart.Series OTHERS = new DotChart.Series("All others", DotChart.Shape.DOT, "#0b6e6e");
    static final DotChart.Series PREVIOUS = new DotChart.Series("Others, previous cycle", DotChart.Shape.RING, "#0b6e6e");

    private final ReportService reports;
    private final CurrentUser user;
    private String title = "360 report";

    public ReportView(ReportService reports, CurrentUserProvider currentUser) {
        this.reports = reports;
        this.user = currentUser.require();
        setMaxWidth("80rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<Report> report = event.getRouteParameters().getLong("cycleSubjectId").flatMap(reports::report);
        if (report.isEmpty()) {
            title = "Report not found";
            add(new H2(title), new Paragraph("There is no released report with this number that you may read."));
            return;
        }
        show(report.get());
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(Report r) {
        title = "360 report: " + r.subjectName();
        add(new H2(r.subjectName()), new Paragraph(r.jobRole() + " · " + r.cycleName() + " (" + r.purpose() + ") · "
                + r.frameworkTitle() + " · released " + DATE.format(r.releasedAt())));
        if (r.heldForDebrief()) {
            add(debrief(r));
        }
        add(actions(r));
        add(new H3("Who answered"), participation(r));
        Paragraph rule = new Paragraph("A group is shown only when enough of its raters answered (peers, direct reports and "
                + "external partners: at least three); \"all others\" combines the groups shown. A self-rating at least "
                + r.threshold() + " above all others is a blind spot, at least " + r.threshold() + " below a hidden strength.");
        rule.addClassName("result-count");
        add(rule);

        List<DotChart.Row> rows = new ArrayList<>();
        for (Report.CompetencyResult c : r.competencies()) {
            List<DotChart.Marker> markers = new ArrayList<>();
            markers.add(new DotChart.Marker(REQUIRED, c.required()));
            if (c.previousOthers() != null) {
                markers.add(new DotChart.Marker(PREVIOUS, c.previousOthers().doubleValue()));
            }
            c.self().ifPresent(v -> markers.add(new DotChart.Marker(SELF, v.doubleValue())));
            c.othersMean().ifPresent(v -> markers.add(new DotChart.Marker(OTHERS, v.doubleValue())));
            rows.add(new DotChart.Row(c.name(), markers));
        }
        List<DotChart.Series> legend = r.previousCycleName() == null ? List.of(REQUIRED, SELF, OTHERS) : List.of(REQUIRED, SELF, OTHERS, PREVIOUS);
        add(new H3("Self, others and what the role requires"),
                DotChart.render("Self and others per competency", rows, 1, r.scaleMax(), r.levelNames(), legend,
                        new DotChart.Series[] {SELF, OTHERS}));

        add(new H3("Highlights"), highlights(r));
        add(new H3("By competency"), competencyGrid(r));
        add(new H3("By domain"), domainGrid(r));
        add(new H3("Comments"), comments(r));
    }

    /** A report held for the coach's debrief: nobody else reads it until the coach releases it. */
    private HorizontalLayout debrief(Report r) {
        Paragraph held = new Paragraph("Released to you first: " + r.subjectName() + " sees nothing of it until you have "
                + "debriefed them and release it to them.");
        held.addClassName("result-count");
        Button release = new Button("Release to " + r.subjectName(), e -> {
            ConfirmDialog dialog = new ConfirmDialog("Release the report to " + r.subjectName() + "?",
                    "After your debrief. They (and, as the cycle allows, their manager and HR) can read it from now on; "
                            + "this cannot be undone.", "Release", x -> {
                try {
                    reports.releaseToSubject(r.cycleSubjectId());
                    Notifications.success(r.subjectName() + " can now read the report.");
                    UI.getCurrent().refreshCurrentRoute(false);
                } catch (InvalidInputException ex) {
                    Notifications.error(ex.getMessage());
                }
            });
            dialog.setCancelable(true);
            dialog.open();
        });
        release.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout box = new HorizontalLayout(held, release);
        box.setAlignItems(Alignment.BASELINE);
        return box;
    }

    private HorizontalLayout actions(Report r) {
        HorizontalLayout actions = new HorizontalLayout();
        Anchor pdf = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = reports.pdf(r.cycleSubjectId());
            return new DownloadResponse(new ByteArrayInputStream(bytes), "360-report-" + r.cycleSubjectId() + ".pdf",
                    "application/pdf", bytes.length);
        }), "Download PDF");
        pdf.getElement().setAttribute("download", true);
        actions.add(pdf);
        if (user.employeeId() != null && user.employeeId() == r.employeeId()) {
            Button share = new Button("Share with my coach", e -> {
                reports.shareWithCoach(r.cycleSubjectId());
                Notifications.success("Your coach can now read this report.");
            });
            share.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(share);
        }
        return actions;
    }

    private static Grid<Report.GroupParticipation> participation(Report r) {
        Grid<Report.GroupParticipation> grid = new Grid<>(Report.GroupParticipation.class, false);
        grid.addColumn(Report.GroupParticipation::label).setHeader("Group").setAutoWidth(true);
        grid.addColumn(Report.GroupParticipation::invited).setHeader("Asked").setAutoWidth(true);
        grid.addColumn(Report.GroupParticipation::responded).setHeader("Answered").setAutoWidth(true);
        grid.addColumn(g -> g.numbersVisible() ? (g.commentsVisible() ? "scores and comments" : "scores only")
                : "not shown: too few answers").setHeader("Shown").setAutoWidth(true);
        grid.setItems(r.groups());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        return grid;
    }

    private Div highlights(Report r) {
        Div box = new Div();
        box.addClassName("highlights");
        box.add(list("Top strengths", r.topStrengths(), c -> "others " + c.othersMean().orElseThrow(), null, r));
        box.add(list("Top development areas", r.topDevelopmentAreas(),
                c -> "others " + c.othersMean().orElseThrow() + ", role requires " + c.required(), "Suggest a goal", r));
        box.add(list("Blind spots", r.blindSpots(),
                c -> "self " + c.self().orElseThrow() + ", others " + c.othersMean().orElseThrow(), "Suggest a goal", r));
        box.add(list("Hidden strengths", r.hiddenStrengths(),
                c -> "self " + c.self().orElseThrow() + ", others " + c.othersMean().orElseThrow(), null, r));
        return box;
    }

    private Div list(String heading, List<Report.CompetencyResult> items, Function<Report.CompetencyResult, String> detail,
                     String action, Report r) {
        Div section = new Div();
        section.addClassName("highlight");
        section.add(new Span(heading));
        UnorderedList list = new UnorderedList();
        if (items.isEmpty()) {
            list.add(new ListItem("None"));
        }
        boolean canSuggest = action != null && (user.employeeId() != null && user.employeeId() == r.employeeId()
                || user.hasRole(Roles.COACH));
        for (Report.CompetencyResult c : items) {
            ListItem item = new ListItem(c.name() + " — " + detail.apply(c));
            if (canSuggest) {
                Button suggest = new Button(action, e -> {
                    try {
                        reports.suggestGoal(r.cycleSubjectId(), c.competencyId(), heading);
                        Notifications.success("Goal suggested for " + c.name() + "; it will appear in the development plan.");
                        e.getSource().setEnabled(false);
                    } catch (InvalidInputException ex) {
                        Notifications.error(ex.getMessage());
                    }
                });
                suggest.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                item.add(suggest);
            }
            list.add(item);
        }
        section.add(list);
        return section;
    }

    private static Grid<Report.CompetencyResult> competencyGrid(Report r) {
        Grid<Report.CompetencyResult> grid = new Grid<>(Report.CompetencyResult.class, false);
        grid.addColumn(c -> c.code() + " " + c.name()).setHeader("Competency").setAutoWidth(true).setFrozen(true);
        grid.addColumn(Report.CompetencyResult::required).setHeader("Required").setAutoWidth(true);
        for (RaterGroup group : r.columns()) {
            grid.addColumn(c -> show(c.byGroup().get(group))).setHeader(group.label()).setAutoWidth(true);
        }
        grid.addColumn(c -> show(c.others())).setHeader("All others").setAutoWidth(true);
        grid.addColumn(c -> c.gapToRequired().map(ReportView::signed).orElse("")).setHeader("Gap to role").setAutoWidth(true);
        grid.addColumn(c -> c.flag(r.threshold()).map(f -> f == Report.Flag.BLIND_SPOT ? "blind spot" : "hidden strength").orElse(""))
                .setHeader("Self vs others").setAutoWidth(true);
        if (r.previousCycleName() != null) {
            grid.addColumn(c -> c.changeSincePrevious().map(ReportView::signed).orElse("")).setHeader("Since " + r.previousCycleName())
                    .setAutoWidth(true);
        }
        grid.setItems(r.competencies());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        return grid;
    }

    private static Grid<Report.DomainResult> domainGrid(Report r) {
        Grid<Report.DomainResult> grid = new Grid<>(Report.DomainResult.class, false);
        grid.addColumn(Report.DomainResult::name).setHeader("Domain").setAutoWidth(true).setFrozen(true);
        grid.addColumn(Report.DomainResult::competencies).setHeader("Competencies").setAutoWidth(true);
        grid.addColumn(d -> d.required().stripTrailingZeros().toPlainString()).setHeader("Required").setAutoWidth(true);
        for (RaterGroup group : r.columns()) {
            grid.addColumn(d -> show(d.byGroup().get(group))).setHeader(group.label()).setAutoWidth(true);
        }
        grid.addColumn(d -> show(d.others())).setHeader("All others").setAutoWidth(true);
        grid.addColumn(d -> d.gapToRequired().map(ReportView::signed).orElse("")).setHeader("Gap to role").setAutoWidth(true);
        grid.setItems(r.domains());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        return grid;
    }

    private static String show(Report.Score score) {
        if (score == null) {
            return "–";
        }
        return score.shown() ? score.mean().stripTrailingZeros().toPlainString() : "hidden";
    }

    private static String signed(BigDecimal value) {
        return (value.signum() > 0 ? "+" : "") + value.stripTrailingZeros().toPlainString();
    }

    private static VerticalLayout comments(Report r) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        if (r.comments().isEmpty()) {
            box.add(new Paragraph("No comments can be shown."));
        }
        for (Report.CompetencyResult c : r.competencies()) {
            List<Report.Comment> comments = r.comments().stream().filter(x -> c.code().equals(x.competencyCode())).toList();
            if (!comments.isEmpty()) {
                box.add(commentList(c.name(), comments));
            }
        }
        for (String question : List.of("strengths", "development")) {
            List<Report.Comment> answers = r.comments().stream().filter(x -> question.equals(x.question())).toList();
            if (!answers.isEmpty()) {
                box.add(commentList("strengths".equals(question) ? "Strengths" : "What to develop", answers));
            }
        }
        return box;
    }

    private static Div commentList(String heading, List<Report.Comment> comments) {
        Div div = new Div();
        div.addClassName("comment-group");
        Span title = new Span(heading);
        title.addClassName("question-title");
        UnorderedList list = new UnorderedList();
        comments.forEach(x -> list.add(new ListItem("“" + x.text() + "” — " + x.group().label())));
        div.add(title, list);
        return div;
    }
}
