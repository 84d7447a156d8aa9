package org.village.directory.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import org.village.directory.Area;
import org.village.directory.DirectoryFilter;
import org.village.directory.DirectoryService;
import org.village.directory.ServiceSummary;
import org.village.directory.Term;
import org.village.shared.InputProblem;
import org.village.shared.ui.Forms;

/**
 * The public directory: filters at the top, then services a page at a time ("Show more" fetches the next
 * page from the database). A plain list of links rather than a grid, because it reads well on a phone and
 * with a screen reader.
 */
@Route("services")
@Menu(order = 35, title = "Find a service")
@AnonymousAllowed
class DirectoryView extends Div implements com.vaadin.flow.router.BeforeEnterObserver, HasDynamicTitle {

    static final int PAGE = 20;

    private final DirectoryService directory;
    private final TextField text = new TextField();
    private final Select<Term> need = new Select<>();
    private final Select<Area> area = new Select<>();
    private final TextField postcode = new TextField();
    private final IntegerField age = new IntegerField();
    private final Checkbox openNow = new Checkbox();
    private final Paragraph summary = new Paragraph();
    private final Div problem = new Div();
    private final Div textNotice = new Div();
    private boolean entering;
    private final UnorderedList results = new UnorderedList();
    private final Button more = new Button();
    private final java.util.List<ServiceSummary> loaded = new java.util.ArrayList<>();
    private final Div mapBox = new Div();
    private final String tileUrl;
    private ServiceMap map;
    private int shown;
    private int total;

    DirectoryView(DirectoryService directory,
                  @org.springframework.beans.factory.annotation.Value("${village.map.tile-url:}") String tileUrl) {
        this.directory = directory;
        this.tileUrl = tileUrl;
        addClassNames("page", "directory");
        add(new H1(getTranslation("directory.find.title")));
        add(new Paragraph(getTranslation("directory.find.intro")));
        var sample = new Span(getTranslation("directory.find.sample"));
        sample.addClassName("sample-badge");
        add(sample);

        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        text.setLabel(getTranslation("directory.find.search"));
        text.setHelperText(getTranslation("directory.find.searchHelp"));
        postcode.setLabel(getTranslation("directory.find.postcode"));
        age.setLabel(getTranslation("directory.find.age"));
        openNow.setLabel(getTranslation("directory.find.openNow"));
        more.setText(getTranslation("directory.find.more"));
        need.setLabel(getTranslation("directory.find.need"));
        need.setItems(directory.terms());
        need.setItemLabelGenerator(t -> t == null ? getTranslation("directory.find.anything") : t.name());
        need.setEmptySelectionAllowed(true);
        need.setEmptySelectionCaption(getTranslation("directory.find.anything"));
        area.setLabel(getTranslation("directory.find.area"));
        area.setItems(directory.areas());
        area.setItemLabelGenerator(a -> a == null ? getTranslation("directory.find.anywhere") : a.name());
        area.setEmptySelectionAllowed(true);
        area.setEmptySelectionCaption(getTranslation("directory.find.anywhere"));
        postcode.setHelperText(getTranslation("directory.find.postcodeHelp"));
        postcode.setValueChangeMode(ValueChangeMode.ON_BLUR);
        postcode.setMaxLength(9);
        age.setMin(0);
        age.setMax(DirectoryService.MAX_AGE);
        age.setValueChangeMode(ValueChangeMode.ON_BLUR);

        var filters = new Div(text, need, area, postcode, age, openNow);
        filters.addClassName("filters");
        filters.getElement().setAttribute("role", "search");
        text.setMaxLength(100);
        text.addValueChangeListener(e -> {
            if (!entering) {
                refresh();
                keepInAddress();
            }
        });
        need.addValueChangeListener(e -> refresh());
        area.addValueChangeListener(e -> refresh());
        postcode.addValueChangeListener(e -> {
            if (!entering) {
                refresh();
                keepInAddress();
            }
        });
        age.addValueChangeListener(e -> refresh());
        openNow.addValueChangeListener(e -> refresh());

        summary.getElement().setAttribute("role", "status");
        summary.setId("result-count");
        results.addClassName("service-list");
        more.addClickListener(e -> showMore());
        var mapToggle = new Button(getTranslation("directory.find.showMap"), e -> toggleMap(e.getSource()));
        mapToggle.addClassName("no-print");
        mapBox.addClassName("map-box");
        textNotice.setId("search-notice");
        add(filters, problem, new H2(getTranslation("directory.find.services")), summary, textNotice, mapToggle, mapBox, results, more);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("directory.find.pageTitle");
    }

    /** {@code /services?q=counselling&postcode=BS5}: a shared link or a reload shows the same search. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        entering = true;
        try {
            text.setValue(cut(params.getSingleParameter("q").orElse(""), 100));
            postcode.setValue(cut(params.getSingleParameter("postcode").orElse(""), 9));
        } finally {
            entering = false;
        }
        refresh();
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private void keepInAddress() {
        getUI().ifPresent(ui -> {
            var map = new java.util.LinkedHashMap<String, String>();
            if (!text.getValue().isBlank()) {
                map.put("q", text.getValue().strip());
            }
            if (!postcode.getValue().isBlank()) {
                map.put("postcode", postcode.getValue().strip());
            }
            String query = com.vaadin.flow.router.QueryParameters.simple(map).getQueryString();
            ui.getPage().getHistory().replaceState(null, "services" + (query.isEmpty() ? "" : "?" + query));
        });
    }

    /** Says plainly when a typo was forgiven, or offers a spelling that finds more. */
    private void showTextNotice() {
        textNotice.removeAll();
        if (text.getValue().isBlank()) {
            return;
        }
        var match = directory.matchText(text.getValue());
        if (match.corrected() != null) {
            textNotice.add(new Paragraph(getTranslation("directory.search.corrected", text.getValue().strip(),
                    match.corrected())));
        } else if (match.didYouMean() != null) {
            var link = new Anchor("services?" + com.vaadin.flow.router.QueryParameters.simple(
                    Map.of("q", match.didYouMean())).getQueryString(), match.didYouMean());
            var offer = new Paragraph(new Span(getTranslation("directory.search.didYouMean") + " "), link, new Span("?"));
            offer.setId("did-you-mean");
            textNotice.add(offer);
        }
    }

    /** A postcode outside the partnership's area: say what the directory covers and where to look instead. */
    private boolean showOutsideArea() {
        var outside = directory.outsideArea(postcode.getValue());
        if (outside.isEmpty()) {
            return false;
        }
        var covered = directory.coveredDistricts();
        String range = covered.isEmpty() ? "" : covered.getFirst() + "–" + covered.getLast();
        var box = new Div(new Paragraph(getTranslation("directory.postcode.outside", outside.get(),
                getTranslation("directory.find.place"), range)),
                new Paragraph(new Span(getTranslation("directory.postcode.elsewhere") + " "),
                        new Anchor("help-now", getTranslation("directory.postcode.helpNow"))));
        box.setId("outside-area");
        box.addClassName("notice");
        problem.add(box);
        summary.setText("");
        more.setVisible(false);
        return true;
    }

    private DirectoryFilter filter() {
        return new DirectoryFilter(text.getValue(), need.getValue() == null ? null : need.getValue().code(),
                area.getValue() == null ? null : area.getValue().code(), postcode.getValue(), age.getValue(),
                openNow.getValue() ? directory.now() : null);
    }

    /** The map is optional: the list below always has the same services, also when map tiles cannot load. */
    private void toggleMap(Button button) {
        if (map == null) {
            map = new ServiceMap(tileUrl);
            mapBox.add(map, new Paragraph(getTranslation("directory.find.mapNote")));
            button.setText(getTranslation("directory.find.hideMap"));
            updateMap();
        } else {
            mapBox.removeAll();
            map = null;
            button.setText(getTranslation("directory.find.showMap"));
        }
    }

    private void updateMap() {
        if (map != null) {
            var areas = directory.areas().stream()
                    .filter(a -> area.getValue() == null ? !"bristol".equals(a.code()) : a.code().equals(area.getValue().code()))
                    .toList();
            map.show(loaded, areas);
        }
    }

    private void refresh() {
        problem.removeAll();
        textNotice.removeAll();
        results.removeAll();
        loaded.clear();
        shown = 0;
        postcode.setInvalid(false);
        if (showOutsideArea()) {
            return;
        }
        try {
            total = directory.count(filter());
            postcode.setInvalid(false);
            age.setInvalid(false);
        } catch (InputProblem p) {
            if (!Forms.show(p, Map.of("postcode", postcode, "age", age))) {
                problem.add(Forms.notice("error", p.message(getLocale())));
            }
            summary.setText("");
            more.setVisible(false);
            return;
        }
        summary.setText(total == 0 ? getTranslation("directory.find.none")
                : total == 1 ? getTranslation("directory.find.one") : getTranslation("directory.find.many", String.valueOf(total)));
        showTextNotice();
        showMore();
    }

    private void showMore() {
        var now = directory.now();
        for (ServiceSummary s : directory.search(filter(), shown, PAGE)) {
            results.add(card(s, now));
            loaded.add(s);
            shown++;
        }
        more.setVisible(shown < total);
        updateMap();
    }

    private ListItem card(ServiceSummary s, java.time.Instant now) {
        var item = new ListItem();
        item.addClassName("service-card");
        var link = new RouterLink(s.name(), ServiceView.class, new com.vaadin.flow.router.RouteParameters("slug", s.slug()));
        link.addClassName("service-name");
        var by = new Span(getTranslation("directory.runBy", s.organization()));
        by.addClassName("by");
        var what = new Paragraph(ServiceView.firstSentences(s.whatTheyDo(), 1));
        var facts = new Div();
        facts.addClassName("facts");
        boolean open = s.hours().isOpen(now);
        var openTag = new Span(getTranslation(s.hours().alwaysOpen() ? "directory.card.alwaysOpen"
                : open ? "directory.card.open" : "directory.card.closed"));
        openTag.addClassNames("tag", open ? "open" : "closed");
        facts.add(openTag);
        if (s.minAge() != null || s.maxAge() != null) {
            facts.add(tag(DirectoryWords.ages(this, s.minAge(), s.maxAge())));
        }
        if (s.comesToYou()) {
            facts.add(tag(getTranslation("directory.card.comesToYou")));
        }
        item.add(link, by, what, facts);
        if (s.phone() != null) {
            var phone = new Anchor("tel:" + s.phone().replace(" ", ""), getTranslation("directory.card.call", s.phone()));
            phone.addClassName("phone");
            item.add(phone);
        }
        return item;
    }

    private static Span tag(String text) {
        var span = new Span(text);
        span.addClassName("tag");
        return span;
    }
}
