package org.village.directory.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.village.directory.Area;
import org.village.directory.DirectoryService;
import org.village.directory.ServiceDetail;
import org.village.directory.ServiceDetail.Exploitation;
import org.village.directory.ServiceDetail.Referral;
import org.village.directory.ServiceInput;
import org.village.directory.Term;
import org.village.helpnow.OpeningHours;
import org.village.helpnow.OpeningHoursParser;
import org.village.shared.InputProblem;
import org.village.shared.ui.Forms;

/** The admin's form for one service. Problems are shown next to the field; nothing typed is lost. */
class ServiceForm extends Div {

    private final TextField name = new TextField();
    private final TextField organization = new TextField();
    private final TextField organizationUrl = new TextField();
    private final TextArea whatTheyDo = new TextArea();
    private final TextArea whatTheyDont = new TextArea();
    private final TextField forWho = new TextField();
    private final IntegerField minAge = new IntegerField();
    private final IntegerField maxAge = new IntegerField();
    private final Select<Exploitation> exploitation = new Select<>();
    private final CheckboxGroup<Term> needs = new CheckboxGroup<>();
    private final CheckboxGroup<Area> areas = new CheckboxGroup<>();
    private final Select<Referral> referral = new Select<>();
    private final TextArea referralHow = new TextArea();
    private final TextArea howTheyContact = new TextArea();
    private final Checkbox alwaysOpen = new Checkbox();
    private final TextArea hours = new TextArea();
    private final Checkbox outOfHours = new Checkbox();
    private final TextField languages = new TextField();
    private final TextField cost = new TextField();
    private final TextField phone = new TextField();
    private final TextField email = new TextField();
    private final TextField url = new TextField();
    private final TextField line1 = new TextField();
    private final TextField city = new TextField();
    private final TextField postcode = new TextField();
    private final Checkbox comesToYou = new Checkbox();
    private final DatePicker lastChecked = org.village.shared.ui.LocalDates.inReadersLanguage(new DatePicker());
    private final Div problem = new Div();
    private final Map<String, HasValidation> fields = new HashMap<>();

    ServiceForm(DirectoryService directory, ServiceDetail existing, SerializableConsumer<ServiceInput> save) {
        addClassName("service-form");
        name.setLabel(getTranslation("directory.serviceForm.name"));
        organization.setLabel(getTranslation("directory.serviceForm.organization"));
        organizationUrl.setLabel(getTranslation("directory.serviceForm.organizationUrl"));
        whatTheyDo.setLabel(getTranslation("directory.serviceForm.whatTheyDo"));
        whatTheyDont.setLabel(getTranslation("directory.serviceForm.whatTheyDont"));
        forWho.setLabel(getTranslation("directory.serviceForm.forWho"));
        minAge.setLabel(getTranslation("directory.serviceForm.minAge"));
        maxAge.setLabel(getTranslation("directory.serviceForm.maxAge"));
        needs.setLabel(getTranslation("directory.serviceForm.needs"));
        areas.setLabel(getTranslation("directory.serviceForm.areas"));
        referralHow.setLabel(getTranslation("directory.serviceForm.referralHow"));
        howTheyContact.setLabel(getTranslation("directory.serviceForm.howTheyContact"));
        alwaysOpen.setLabel(getTranslation("directory.serviceForm.alwaysOpen"));
        hours.setLabel(getTranslation("directory.serviceForm.hours"));
        outOfHours.setLabel(getTranslation("directory.serviceForm.outOfHours"));
        languages.setLabel(getTranslation("directory.serviceForm.languages"));
        cost.setLabel(getTranslation("directory.serviceForm.cost"));
        phone.setLabel(getTranslation("directory.serviceForm.phone"));
        email.setLabel(getTranslation("directory.serviceForm.email"));
        url.setLabel(getTranslation("directory.serviceForm.url"));
        line1.setLabel(getTranslation("directory.serviceForm.line1"));
        city.setLabel(getTranslation("directory.serviceForm.city"));
        postcode.setLabel(getTranslation("directory.serviceForm.postcode"));
        comesToYou.setLabel(getTranslation("directory.serviceForm.comesToYou"));
        lastChecked.setLabel(getTranslation("directory.serviceForm.lastChecked"));
        exploitation.setLabel(getTranslation("directory.serviceForm.exploitation"));
        exploitation.setItems(Exploitation.values());
        exploitation.setItemLabelGenerator(e -> switch (e) {
            case CSE -> getTranslation("directory.serviceForm.exploitation.cse");
            case CCE -> getTranslation("directory.serviceForm.exploitation.cce");
            case BOTH -> getTranslation("directory.serviceForm.exploitation.both");
            case ANY -> getTranslation("directory.serviceForm.exploitation.any");
        });
        exploitation.setValue(Exploitation.ANY);
        referral.setLabel(getTranslation("directory.serviceForm.referral"));
        referral.setItems(Referral.values());
        referral.setItemLabelGenerator(r -> switch (r) {
            case SELF -> getTranslation("directory.serviceForm.referral.self");
            case PROFESSIONAL -> getTranslation("directory.serviceForm.referral.professional");
            case BOTH -> getTranslation("directory.serviceForm.referral.both");
        });
        referral.setValue(Referral.BOTH);
        needs.setItems(directory.terms());
        needs.setItemLabelGenerator(Term::name);
        areas.setItems(directory.areas());
        areas.setItemLabelGenerator(Area::name);
        hours.setHelperText(getTranslation("directory.serviceForm.hoursHelp"));
        languages.setHelperText(getTranslation("directory.serviceForm.languagesHelp"));
        fields.putAll(Map.of("name", name, "organization", organization, "whatTheyDo", whatTheyDo, "forWho", forWho,
                "minAge", minAge, "maxAge", maxAge, "hours", hours, "postcode", postcode, "email", email, "url", url));
        fields.put("slug", name);
        if (existing != null) {
            fill(existing);
        }
        var button = new Button(getTranslation(existing == null ? "directory.serviceForm.add" : "directory.serviceForm.save"), e -> {
            problem.removeAll();
            try {
                save.accept(input(existing == null ? null : existing.slug()));
            } catch (InputProblem p) {
                if (!Forms.show(p, fields)) {
                    problem.add(Forms.notice("error", p.message(getLocale())));
                }
            }
        });
        button.addThemeVariants(ButtonVariant.PRIMARY);
        var box = new Div(name, organization, organizationUrl, whatTheyDo, whatTheyDont, forWho, minAge, maxAge,
                exploitation, needs, areas, referral, referralHow, howTheyContact, alwaysOpen, hours, outOfHours,
                languages, cost, phone, email, url, line1, city, postcode, comesToYou, lastChecked);
        box.addClassName("form-fields");
        add(problem, box, button);
    }

    private void fill(ServiceDetail s) {
        name.setValue(s.name());
        organization.setValue(s.organization());
        organizationUrl.setValue(nz(s.organizationUrl()));
        whatTheyDo.setValue(s.whatTheyDo());
        whatTheyDont.setValue(nz(s.whatTheyDont()));
        forWho.setValue(s.forWho());
        minAge.setValue(s.minAge());
        maxAge.setValue(s.maxAge());
        exploitation.setValue(s.exploitation());
        needs.setValue(new java.util.HashSet<>(s.needs()));
        areas.setValue(new java.util.HashSet<>(s.areas()));
        referral.setValue(s.referral());
        referralHow.setValue(nz(s.referralHow()));
        howTheyContact.setValue(nz(s.howTheyContact()));
        alwaysOpen.setValue(s.hours().alwaysOpen());
        hours.setValue(OpeningHoursParser.format(s.hours()));
        outOfHours.setValue(s.outOfHours());
        languages.setValue(String.join(", ", s.languages()));
        cost.setValue(nz(s.cost()));
        phone.setValue(nz(s.phone()));
        email.setValue(nz(s.email()));
        url.setValue(nz(s.url()));
        if (s.address() != null) {
            line1.setValue(nz(s.address().line1()));
            city.setValue(nz(s.address().city()));
            postcode.setValue(nz(s.address().postcode()));
        }
        comesToYou.setValue(s.comesToYou());
        lastChecked.setValue(s.lastChecked());
        lat = s.address() == null ? null : s.address().lat();
        lng = s.address() == null ? null : s.address().lng();
        audiences = s.audiences();
    }

    private Double lat;
    private Double lng;
    private List<String> audiences = List.of();

    private ServiceInput input(String slug) {
        var address = line1.isEmpty() && postcode.isEmpty() ? null
                : new ServiceDetail.Address(line1.getValue(), city.getValue(), postcode.getValue(), lat, lng);
        return new ServiceInput(slug, name.getValue(), organization.getValue(), organizationUrl.getValue(),
                whatTheyDo.getValue(), whatTheyDont.getValue(), forWho.getValue(), minAge.getValue(), maxAge.getValue(),
                exploitation.getValue(), audiences, needs.getValue().stream().map(Term::code).sorted().toList(),
                areas.getValue().stream().map(Area::code).sorted().toList(), referral.getValue(), referralHow.getValue(),
                howTheyContact.getValue(), OpeningHoursParser.parse(alwaysOpen.getValue(), hours.getValue()), outOfHours.getValue(),
                Arrays.stream(languages.getValue().split(",")).map(String::strip).filter(l -> !l.isEmpty()).toList(),
                cost.getValue(), phone.getValue(), email.getValue(), url.getValue(), address, comesToYou.getValue(),
                lastChecked.getValue());
    }

    /** Weekly lines into rows, by the one parser; a kind problem for a line it cannot read. */
    static List<OpeningHours.Row> rows(String text) {
        return OpeningHoursParser.rows(text);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
