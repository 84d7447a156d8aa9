package org.village.guides.ui;

import com.vaadin.flow.router.NotFoundException;

/** No guide has this address. Its own type so the guides' not-found page (with search) shows, with a 404. */
class GuideNotFound extends NotFoundException {

    GuideNotFound(String slug) {
        super("No guide at guides/" + slug);
    }
}
