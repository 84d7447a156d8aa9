package org.village.families.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.village.families.FamilyService;
import org.village.shared.InputProblem;

/** Issue 8 item 7: a worker adding a family is never stuck, and loses nothing they typed. */
@SpringBootTest(properties = "village.db.embedded.folder=")
@ActiveProfiles("demo")
@WithUserDetails("worker.sam")
class AddFamilyViewTest extends SpringBrowserlessTest {

    @Autowired
    FamilyService families;
    @Autowired
    JdbcClient jdbc;

    private static String label() {
        return "Family T" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    private TextField familyLabel() {
        return $(TextField.class).id("family-label");
    }

    private List<TextField> names() {
        return $(TextField.class).withClassName("child-name").all();
    }

    @SuppressWarnings("unchecked")
    private List<ComboBox<String>> ages() {
        return $(ComboBox.class).withClassName("child-age").all().stream().map(c -> (ComboBox<String>) c).toList();
    }

    private void press(String id) {
        test($(Button.class).id(id)).click();
    }

    private String page() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst().getElement().getTextRecursively();
    }

    @Test
    void aChildWithoutAnAgeGetsAKindMessageByTheAgeFieldAndNothingTypedIsLost() {
        navigate("families/new", AddFamilyView.class);
        String label = label();
        test(familyLabel()).setValue(label);
        test(names().getFirst()).setValue("Jay");
        press("save-family");

        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst()).isInstanceOf(AddFamilyView.class);
        var age = ages().getFirst();
        assertThat(age.isInvalid()).isTrue();
        assertThat(age.getErrorMessage()).isEqualTo("Please choose an age band for Jay.");
        assertThat(page()).doesNotContain("Sorry, something went wrong");
        assertThat(familyLabel().getValue()).isEqualTo(label);
        assertThat(names().getFirst().getValue()).isEqualTo("Jay");

        test(age).selectItem("11 to 13");
        press("save-family");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst()).isInstanceOf(FamiliesView.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM child c JOIN family f ON f.id = c.family_id WHERE f.label = ?")
                .param(label).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aBlankRowIsIgnoredAndAnyRowCanBeRemoved() {
        navigate("families/new", AddFamilyView.class);
        String label = label();
        test(familyLabel()).setValue(label);
        test(names().getFirst()).setValue("Kai");
        test(ages().getFirst()).selectItem("8 to 10");
        press("add-child");
        press("add-child");
        assertThat(names()).hasSize(3);
        test(names().get(1)).setValue("Someone added by mistake");
        // remove the second row: its button says which child it removes
        test($(Button.class).withText("Remove child 2").single()).click();
        assertThat(names()).hasSize(2).extracting(TextField::getValue).containsExactly("Kai", "");
        assertThat(names().get(1).getLabel()).isEqualTo("Child 2: first name or nickname");

        press("save-family"); // the third, blank row does not stop the save
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst()).isInstanceOf(FamiliesView.class);
        assertThat(jdbc.sql("SELECT c.name FROM child c JOIN family f ON f.id = c.family_id WHERE f.label = ?")
                .param(label).query(String.class).list()).containsExactly("Kai");
    }

    @Test
    void aNameMissingInOneRowIsShownByThatRowsNameField() {
        navigate("families/new", AddFamilyView.class);
        test(familyLabel()).setValue(label());
        test(names().getFirst()).setValue("Kai");
        test(ages().getFirst()).selectItem("8 to 10");
        press("add-child");
        test(ages().get(1)).selectItem("under 8");
        press("save-family");
        assertThat(names().get(1).isInvalid()).isTrue();
        assertThat(names().get(1).getErrorMessage()).contains("first name or nickname");
        assertThat(names().getFirst().isInvalid()).isFalse();
        assertThat(ages().get(1).getValue()).isEqualTo("under 8");
    }

    @Test
    void theServiceRefusesAMissingAgeKindlyWhateverTheScreen() {
        var problem = org.assertj.core.api.Assertions.catchThrowableOfType(InputProblem.class,
                () -> families.create(label(), Arrays.asList(new FamilyService.NewChild("Jay", null))));
        assertThat(problem.field()).isEqualTo("child.0.age");
        assertThat(problem.getMessage()).isEqualTo("Please choose an age band for Jay.");
        assertThatThrownBy(() -> families.create(label(), Arrays.asList(new FamilyService.NewChild("  ", "8 to 10"))))
                .isInstanceOf(InputProblem.class).hasMessageContaining("first name or nickname");
    }
}
