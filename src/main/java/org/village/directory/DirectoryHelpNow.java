package org.village.directory;

import java.util.List;
import org.springframework.stereotype.Component;
import org.village.helpnow.HelpLine;
import org.village.helpnow.HelpNowSource;

/**
 * Feeds the help-now panel from the directory: lines that are always open or meant for evenings, nights
 * and weekends, with their hours, so the panel can work out which are open right now.
 */
@Component
class DirectoryHelpNow implements HelpNowSource {

    private final DirectoryService directory;

    DirectoryHelpNow(DirectoryService directory) {
        this.directory = directory;
    }

    @Override
    public List<HelpLine> helpLines() {
        return directory.outOfHoursLines().stream()
                .map(s -> new HelpLine("service:" + s.slug(), s.name(), firstSentence(s.whatTheyDo()), s.phone(),
                        "/services/" + s.slug(), s.hours(), true, "999".equals(s.phone().replace(" ", ""))))
                .toList();
    }

    private static String firstSentence(String text) {
        int dot = text.indexOf(". ");
        return dot < 0 ? text : text.substring(0, dot + 1);
    }
}
