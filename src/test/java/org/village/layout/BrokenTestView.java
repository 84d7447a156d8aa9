package org.village.layout;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Test-only page that fails while opening, to prove people see a kind page and no stack trace. */
@Route("test-only/broken")
@AnonymousAllowed
public class BrokenTestView extends Div {
    public BrokenTestView() {
        throw new IllegalStateException("boom: org.village.secret.Internals at line 42");
    }
}
