package org.village.shared.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import java.util.Map;
import org.village.shared.InputProblem;

/** Shows a kind message from the service next to the right field, keeping what was typed. */
public final class Forms {

    private Forms() {
    }

    public static Div notice(String kind, String text) {
        var div = new Div(text);
        div.addClassNames("notice", kind);
        div.getElement().setAttribute("role", "error".equals(kind) ? "alert" : "status");
        return div;
    }

    /** Marks the field named in the problem, or returns false so the caller shows it for the whole form. */
    public static boolean show(InputProblem problem, Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
        var field = problem.field() == null ? null : fields.get(problem.field());
        if (field == null) {
            return false;
        }
        field.setErrorMessage(problem.message(com.vaadin.flow.component.UI.getCurrent() == null ? java.util.Locale.ENGLISH : com.vaadin.flow.component.UI.getCurrent().getLocale()));
        field.setInvalid(true);
        return true;
    }

    /**
     * Opens a confirm dialog for something hard to undo with the focus on the safe choice (Cancel), not on
     * the confirming button as Vaadin does: a stray Enter or a double tap then changes nothing.
     */
    public static void openSafely(com.vaadin.flow.component.confirmdialog.ConfirmDialog dialog) {
        dialog.open();
        dialog.getElement().executeJs("""
                const dialog = this;
                const focusCancel = () => {
                  const cancel = dialog.querySelector('[slot="cancel-button"]');
                  if (cancel && dialog.opened) cancel.focus();
                };
                // after the overlay has moved the focus in (it does so once it has opened)
                requestAnimationFrame(() => setTimeout(focusCancel, 0));""");
    }
}
